package org.dang.engine;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import org.dang.engine.config.DangConfig;
import org.dang.engine.access.AuditedActions;
import org.dang.engine.coordinator.ModuleCoordinator;
import org.dang.engine.coordinator.ModuleRejectedException;
import org.dang.engine.coordinator.ModuleRun;
import org.dang.engine.coordinator.ModuleTimeoutException;
import org.dang.engine.decision.Decision;
import org.dang.engine.decision.DecisionAction;
import org.dang.engine.decision.DecisionEngine;
import org.dang.engine.json.Json;
import org.dang.engine.module.ModuleName;
import org.dang.engine.module.ModuleRequest;
import org.dang.engine.module.ModuleResult;
import org.dang.engine.module.PlantModule;
import org.dang.engine.module.WorkPriority;
import org.dang.engine.plant.PlantFeed;
import org.dang.engine.plant.TagStore;
import org.dang.engine.situation.Situation;
import org.dang.engine.store.DecisionOutcome;
import org.dang.engine.store.DecisionStore;
import org.dang.engine.store.ModuleRunRecord;
import org.dang.engine.store.OutcomeStatus;
import org.dang.engine.store.StoredDecision;

/**
 * The embedded engine as the console, the CLI and later the server use it: rules, decision store,
 * module coordinator and listeners behind one object. Situations flow in one direction: decide,
 * record, notify, then dispatch INVOKE decisions to the installed modules, whose outcomes are
 * recorded against the decision.
 */
public final class Engine implements AutoCloseable {

    private static final Logger LOG = System.getLogger(Engine.class.getName());
    /** Samples kept per tag: 91 days at one per minute, enough for 100,000-point trends. */
    private static final int TAG_HISTORY = 131_072;

    private final DangConfig config;
    private final DecisionEngine rules;
    private final DecisionStore store;
    private final ModuleCoordinator coordinator;
    private final PlantFeed plant = new PlantFeed(new TagStore(TAG_HISTORY));
    private final AuditedActions actions;
    private final InstantSource clock;
    private final List<DecisionListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<ModuleName, Function<Map<String, Object>, ? extends ModuleRequest>> requestFactories =
            new ConcurrentHashMap<>();

    private Engine(DangConfig config, DecisionStore store, InstantSource clock) {
        this.config = config;
        this.store = store;
        this.clock = clock;
        this.rules = new DecisionEngine(config, clock);
        this.coordinator = new ModuleCoordinator(config.modules(), config.decisionEngine(), clock);
        this.actions = new AuditedActions(store, clock);
    }

    /** Opens the engine and its decision store at {@code config.store().path()}. */
    public static Engine open(DangConfig config) {
        return new Engine(config, DecisionStore.open(config.store().path()), InstantSource.system());
    }

    /**
     * Installs a module: the coordinator runs it, and INVOKE decisions for it are turned into its
     * typed request by {@code fromParameters} (which throws IllegalArgumentException naming a bad
     * parameter).
     */
    public <Q extends ModuleRequest> void install(PlantModule<Q, ?> module,
                                                  Function<Map<String, Object>, Q> fromParameters) {
        coordinator.register(module);
        requestFactories.put(module.name(), fromParameters);
    }

    /** Decides on a situation, records the decisions durably, then tells the listeners. */
    public List<StoredDecision> decide(Situation situation) {
        List<Decision> decisions = rules.decide(situation);
        List<StoredDecision> recorded = store.record(situation, decisions);
        for (DecisionListener l : listeners) {
            try {
                l.recorded(recorded);
            } catch (RuntimeException e) {
                // A broken listener (a view) must not stop the engine or the other listeners.
                LOG.log(Level.WARNING, "decision listener failed: " + e, e);
            }
        }
        recorded.stream().filter(r -> r.decision().action() == DecisionAction.INVOKE).forEach(this::dispatch);
        return recorded;
    }

    /** Submits an INVOKE decision to its module; the outcome is recorded when the run ends. */
    private void dispatch(StoredDecision stored) {
        Decision d = stored.decision();
        var factory = requestFactories.get(d.module());
        if (factory == null) {
            outcome(d, OutcomeStatus.REJECTED, d.module().key() + " module is not installed in this build");
            return;
        }
        ModuleRequest request;
        try {
            request = factory.apply(d.parameters());
        } catch (IllegalArgumentException e) {
            outcome(d, OutcomeStatus.REJECTED, "parameters not accepted by " + d.module().key() + ": " + e.getMessage());
            return;
        }
        Instant queued = clock.instant();
        ModuleRun<ModuleResult> run = coordinator.submit(request, (WorkPriority) d.priority());
        run.result().whenComplete((result, failure) -> {
            Throwable cause = failure instanceof CompletionException c && c.getCause() != null ? c.getCause() : failure;
            OutcomeStatus status = cause == null ? OutcomeStatus.COMPLETED
                    : cause instanceof ModuleTimeoutException ? OutcomeStatus.TIMED_OUT
                    : cause instanceof CancellationException ? OutcomeStatus.CANCELLED
                    : cause instanceof ModuleRejectedException ? OutcomeStatus.REJECTED
                    : OutcomeStatus.FAILED;
            String detail = cause == null ? result.summary() : String.valueOf(cause.getMessage());
            Instant done = clock.instant();
            try {
                store.recordModuleRun(new ModuleRunRecord("run-" + run.runId() + "-" + d.id(), d.module().key(),
                        run.priority().name(), Json.write(request), status.name(), queued, done,
                        Duration.between(queued, done), 1, run.fromCache(), detail));
            } finally {
                outcome(d, status, detail);
            }
        });
    }

    private void outcome(Decision d, OutcomeStatus status, String detail) {
        try {
            store.recordOutcome(new DecisionOutcome(d.id(), clock.instant(), status, detail));
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "outcome " + status + " of decision " + d.id() + " was not recorded: " + e, e);
        }
    }

    /** Role-checked, audited actions (acknowledge, shelve, cancel, approve, settings). */
    public AuditedActions actions() {
        return actions;
    }

    /** The live plant data: attach a source, read tags, listen to scans. */
    public PlantFeed plant() {
        return plant;
    }

    /** The module coordinator (activity views, direct operator requests). */
    public ModuleCoordinator modules() {
        return coordinator;
    }

    /** Registers a listener for recorded decisions. */
    public void addDecisionListener(DecisionListener l) {
        listeners.add(l);
    }

    /** Removes a listener. */
    public void removeDecisionListener(DecisionListener l) {
        listeners.remove(l);
    }

    /** The decision store (history queries, outcomes, audit). */
    public DecisionStore store() {
        return store;
    }

    /** The configuration the engine runs with. */
    public DangConfig config() {
        return config;
    }

    @Override
    public void close() {
        try {
            plant.close();
            coordinator.close();
        } finally {
            store.close();
        }
    }
}
