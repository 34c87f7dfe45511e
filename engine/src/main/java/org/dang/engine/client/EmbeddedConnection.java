package org.dang.engine.client;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.dang.engine.Engine;
import org.dang.engine.access.User;
import org.dang.engine.config.ConfigLoader;

/**
 * The console's own engine in this process: thin adapters over {@link Engine}'s parts, so the views
 * behave exactly as they did before remote engines existed. Closing it removes the console's listeners;
 * the engine itself is closed by whoever opened it.
 */
public final class EmbeddedConnection implements EngineConnection {

    private final Engine engine;
    private final User user;
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private final DecisionHistory decisions;
    private final TagReadings tags;
    private final Optional<AlarmDesk> alarms;
    private final ProposalQueue proposals;
    private final ModuleActivity activity;
    private final AdvisorQuestions advisor;
    private final EngineSettings settings;
    private final ModuleRuns runs;
    private final OperatorChat chat;

    /** A connection to {@code engine} for {@code user}; settings are saved to the user's default config file. */
    public EmbeddedConnection(Engine engine, User user) {
        this(engine, user, ConfigLoader.defaultLocation());
    }

    /** A connection to {@code engine} for {@code user}; settings are saved to {@code settingsFile}. */
    public EmbeddedConnection(Engine engine, User user, Path settingsFile) {
        this.engine = engine;
        this.user = user;
        this.decisions = new EmbeddedDecisions(engine, subscriptions);
        this.tags = new EmbeddedTags(engine, subscriptions);
        this.alarms = engine.alarms().map(b -> new EmbeddedAlarms(b, user, subscriptions));
        this.proposals = new EmbeddedProposals(engine, user, subscriptions);
        this.activity = new EmbeddedActivity(engine, user, subscriptions);
        this.advisor = new EmbeddedAdvisor(engine, user, subscriptions);
        this.settings = new EmbeddedSettings(engine, user, settingsFile);
        this.runs = new EmbeddedRuns(engine.modules(), engine.actions(), user, subscriptions);
        this.chat = new EmbeddedChat(engine, user);
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
        return alarms;
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
        return Optional.of(engine);
    }

    @Override
    public ConnectionState state() {
        return new ConnectionState("embedded", true, null, "embedded engine, store "
                + engine.config().store().path());
    }

    @Override
    public Subscription watchState(Consumer<ConnectionState> listener) {
        return () -> {
        }; // an embedded engine never disconnects
    }

    @Override
    public void close() {
        for (Subscription s : subscriptions) {
            s.close();
        }
        subscriptions.clear();
    }
}
