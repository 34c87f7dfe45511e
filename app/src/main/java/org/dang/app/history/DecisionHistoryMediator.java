package org.dang.app.history;

import java.util.List;

import org.dang.app.console.UpdateThrottle;
import org.dang.engine.DecisionListener;
import org.dang.engine.store.StoredDecision;

/** Engine to history view: recorded decisions trigger a throttled refresh of the history. */
public final class DecisionHistoryMediator implements DecisionListener {

    private final UpdateThrottle throttle;

    /** Refreshes through {@code throttle}. */
    public DecisionHistoryMediator(UpdateThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    public void recorded(List<StoredDecision> decisions) {
        throttle.request();
    }
}
