package org.dang.engine.advisor;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.dang.engine.store.StoredDecision;

/** The advice listeners of an engine as one: each event to every listener, one failure not stopping the others. */
public final class AdviceListeners implements AdviceListener {

    private static final Logger LOG = System.getLogger(AdviceListeners.class.getName());

    private final List<AdviceListener> listeners = new CopyOnWriteArrayList<>();

    /** Adds a listener. */
    public void add(AdviceListener l) {
        listeners.add(l);
    }

    /** Removes a listener. */
    public void remove(AdviceListener l) {
        listeners.remove(l);
    }

    private void each(Consumer<AdviceListener> call) {
        for (AdviceListener l : listeners) {
            try {
                call.accept(l);
            } catch (RuntimeException e) {
                // A broken view must not stop the advisor or the other listeners.
                LOG.log(Level.WARNING, "advice listener failed: " + e, e);
            }
        }
    }

    @Override
    public void asked(PendingAdvice request) {
        each(l -> l.asked(request));
    }

    @Override
    public void streamed(UUID requestId) {
        each(l -> l.streamed(requestId));
    }

    @Override
    public void answered(PendingAdvice request, Advice advice, List<StoredDecision> decisions) {
        each(l -> l.answered(request, advice, decisions));
    }

    @Override
    public void overruled(PendingAdvice request, Advice advice, List<StoredDecision> decisions) {
        each(l -> l.overruled(request, advice, decisions));
    }
}
