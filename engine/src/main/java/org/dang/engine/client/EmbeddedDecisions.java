package org.dang.engine.client;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.dang.engine.DecisionListener;
import org.dang.engine.Engine;
import org.dang.engine.store.AdviceRecord;
import org.dang.engine.store.DecisionPage;
import org.dang.engine.store.DecisionQuery;
import org.dang.engine.store.StoredDecision;

/** The decision history of an engine in this process: its store and its decision listeners. */
final class EmbeddedDecisions implements DecisionHistory {

    private final Engine engine;
    private final List<Subscription> owned;

    EmbeddedDecisions(Engine engine, List<Subscription> owned) {
        this.engine = engine;
        this.owned = owned;
    }

    @Override
    public DecisionPage page(DecisionQuery query) {
        return engine.store().query(query);
    }

    @Override
    public List<StoredDecision> all(DecisionQuery query) {
        return engine.store().queryAll(query);
    }

    @Override
    public Optional<String> situationJson(String situationHash) {
        return engine.store().situationJson(situationHash);
    }

    @Override
    public Optional<AdviceRecord> adviceFor(UUID decisionId) {
        return engine.store().adviceFor(decisionId);
    }

    @Override
    public Subscription watch(Runnable changed) {
        DecisionListener l = recorded -> changed.run();
        engine.addDecisionListener(l);
        Subscription s = () -> engine.removeDecisionListener(l);
        owned.add(s);
        return s;
    }
}
