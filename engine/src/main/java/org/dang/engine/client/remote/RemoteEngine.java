package org.dang.engine.client.remote;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;

import org.dang.engine.Engine;
import org.dang.engine.access.Role;
import org.dang.engine.access.User;
import org.dang.engine.client.AlarmDesk;
import org.dang.engine.client.ConnectionState;
import org.dang.engine.client.AdvisorQuestions;
import org.dang.engine.client.DecisionHistory;
import org.dang.engine.client.EngineConnection;
import org.dang.engine.client.EngineSettings;
import org.dang.engine.client.ModuleActivity;
import org.dang.engine.client.ModuleRuns;
import org.dang.engine.client.OperatorChat;
import org.dang.engine.client.ProposalQueue;
import org.dang.engine.client.Subscription;
import org.dang.engine.client.TagReadings;

/**
 * A console's connection to an engine behind {@code dang serve}, over its HTTP API: the user and role
 * come from the token ({@code GET /whoami}), live updates from {@code GET /events} (reconnected with
 * backoff). Requests throw {@link RemoteEngineException} while the engine is unreachable; views keep
 * what they showed.
 */
public final class RemoteEngine implements EngineConnection {

    private final EngineHttp http;
    private final EventStream events;
    private final User user;
    private final RemoteDecisions decisions;
    private final RemoteTags tags;
    private final RemoteAlarms alarms;
    private final RemoteProposals proposals;
    private final RemoteActivity activity;
    private final RemoteAdvisor advisor;
    private final RemoteEngineSettings settings;
    private final RemoteRuns runs;
    private final RemoteChat chat;
    private final boolean hasAlarms;

    private RemoteEngine(RemoteSettings settings) {
        this.http = new EngineHttp(settings);
        this.events = new EventStream(http, InstantSource.system());
        JsonNode me = http.get("/whoami");
        Role role;
        try {
            role = Role.valueOf(me.path("role").asText().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new RemoteEngineException(200, "bad_role", "the engine at " + settings.engine()
                    + " gave an unknown role \"" + me.path("role").asText() + "\"", e);
        }
        this.user = new User(me.path("user").asText(), role, "console via " + settings.engine());
        this.decisions = new RemoteDecisions(http, events);
        this.tags = new RemoteTags(http, events);
        tags.reload();
        this.alarms = new RemoteAlarms(http, events);
        this.hasAlarms = !tags.definitions().isEmpty();
        // Waiting longer than the server's request_timeout is refused, so ask for at most what it allows.
        Duration wait = Duration.ofSeconds(Math.min(RemoteRuns.WAIT.toSeconds(),
                me.path("max_wait_s").asLong(RemoteRuns.WAIT.toSeconds())));
        this.proposals = new RemoteProposals(http, events, wait);
        proposals.probe();
        this.activity = new RemoteActivity(http, events);
        this.advisor = new RemoteAdvisor(http, events);
        this.settings = new RemoteEngineSettings(http, user);
        this.runs = new RemoteRuns(http, events, wait);
        this.chat = new RemoteChat(http);
    }

    /**
     * Connects: checks the token with {@code GET /whoami}, reads the tags, then starts the event stream.
     *
     * @throws RemoteEngineException when the engine cannot be reached or refuses the token, saying which
     */
    public static RemoteEngine connect(RemoteSettings settings) {
        RemoteEngine e = new RemoteEngine(settings);
        e.events.start();
        return e;
    }

    @Override
    public User user() {
        return user;
    }

    @Override
    public DecisionHistory decisions() {
        return decisions;
    }

    @Override
    public TagReadings tags() {
        return tags;
    }

    @Override
    public Optional<AlarmDesk> alarms() {
        return hasAlarms ? Optional.of(alarms) : Optional.empty();
    }

    @Override
    public ProposalQueue proposals() {
        return proposals;
    }

    @Override
    public ModuleActivity activity() {
        return activity;
    }

    @Override
    public AdvisorQuestions advisor() {
        return advisor;
    }

    @Override
    public EngineSettings settings() {
        return settings;
    }

    @Override
    public ModuleRuns runs() {
        return runs;
    }

    @Override
    public OperatorChat chat() {
        return chat;
    }

    @Override
    public Optional<Engine> embedded() {
        return Optional.empty();
    }

    @Override
    public ConnectionState state() {
        return events.state();
    }

    @Override
    public Subscription watchState(Consumer<ConnectionState> listener) {
        return events.watchState(listener);
    }

    @Override
    public void close() {
        events.close();
    }
}
