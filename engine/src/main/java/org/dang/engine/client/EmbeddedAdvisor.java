package org.dang.engine.client;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.dang.engine.Engine;
import org.dang.engine.access.User;
import org.dang.engine.advisor.Advice;
import org.dang.engine.advisor.AdviceListener;
import org.dang.engine.advisor.PendingAdvice;
import org.dang.engine.store.StoredDecision;

/** The decision advisor of an engine in this process, asked as the console's user. */
final class EmbeddedAdvisor implements AdvisorQuestions {

    private final Engine engine;
    private final User user;
    private final List<Subscription> owned;

    EmbeddedAdvisor(Engine engine, User user, List<Subscription> owned) {
        this.engine = engine;
        this.user = user;
        this.owned = owned;
    }

    @Override
    public List<PendingAdvice> pending() {
        return engine.pendingAdvice();
    }

    @Override
    public Optional<String> unavailable() {
        return engine.advisorUnavailable();
    }

    @Override
    public PendingAdvice ask(String question) {
        return engine.consultAdvisor(user, question);
    }

    @Override
    public Subscription watch(Runnable changed) {
        AdviceListener l = new AdviceListener() {
            @Override
            public void asked(PendingAdvice request) {
                changed.run();
            }

            @Override
            public void streamed(UUID requestId) {
                changed.run();
            }

            @Override
            public void answered(PendingAdvice request, Advice advice, List<StoredDecision> decisions) {
                changed.run();
            }

            @Override
            public void overruled(PendingAdvice request, Advice advice, List<StoredDecision> decisions) {
                changed.run();
            }
        };
        engine.addAdviceListener(l);
        Subscription s = () -> engine.removeAdviceListener(l);
        owned.add(s);
        return s;
    }
}
