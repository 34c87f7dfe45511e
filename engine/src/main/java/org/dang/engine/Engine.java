package org.dang.engine;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.dang.engine.config.DangConfig;
import org.dang.engine.decision.Decision;
import org.dang.engine.decision.DecisionEngine;
import org.dang.engine.situation.Situation;
import org.dang.engine.store.DecisionStore;
import org.dang.engine.store.StoredDecision;

/**
 * The embedded engine as the console, the CLI and later the server use it: rules, decision store
 * and listeners behind one object. Situations flow in one direction: decide, record, notify.
 */
public final class Engine implements AutoCloseable {

    private static final Logger LOG = System.getLogger(Engine.class.getName());

    private final DangConfig config;
    private final DecisionEngine rules;
    private final DecisionStore store;
    private final List<DecisionListener> listeners = new CopyOnWriteArrayList<>();

    private Engine(DangConfig config, DecisionStore store, InstantSource clock) {
        this.config = config;
        this.store = store;
        this.rules = new DecisionEngine(config, clock);
    }

    /** Opens the engine and its decision store at {@code config.store().path()}. */
    public static Engine open(DangConfig config) {
        return new Engine(config, DecisionStore.open(config.store().path()), InstantSource.system());
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
        return recorded;
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
        store.close();
    }
}
