package org.dang.engine.client;

import java.util.Optional;
import java.util.function.Consumer;

import org.dang.engine.Engine;
import org.dang.engine.access.User;

/**
 * The console's engine, embedded in this process or remote behind {@code dang serve}: the signed-in
 * user and one interface per concern the views read and act on. Views that need the engine's insides
 * (the decision log's chain check) use {@link #embedded()}, which is empty for a remote engine.
 */
public interface EngineConnection extends AutoCloseable {

    /** Who works at this console: from the command line when embedded, from the bearer token when remote. */
    User user();

    /** The decision log. */
    DecisionHistory decisions();

    /** Live tag readings and history. */
    TagReadings tags();

    /** The alarm list; empty when no plant data is attached (so there are no alarms). */
    Optional<AlarmDesk> alarms();

    /** Optimisation proposals. */
    ProposalQueue proposals();

    /** Module work. */
    ModuleActivity activity();

    /** The decision advisor: questions waiting for the model, and asking one. */
    AdvisorQuestions advisor();

    /** The engine's settings: read them, change them (engineers), where they are saved. */
    EngineSettings settings();
    /** Forecasts and market analyses asked for as this user. */
    ModuleRuns runs();
    /** The chat assistant, as the signed-in user. */
    OperatorChat chat();

    /** The engine itself when it runs in this process; empty for a remote engine. */
    Optional<Engine> embedded();

    /** The connection now. */
    ConnectionState state();

    /** Calls {@code listener} (on any thread) whenever the connection state changes or an event arrives. */
    Subscription watchState(Consumer<ConnectionState> listener);

    /** Releases what the connection holds (listeners, event stream); an embedded engine is closed by its owner. */
    @Override
    void close();
}
