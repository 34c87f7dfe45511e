package org.dang.engine.module;

import org.dang.engine.decision.DecisionPriority;

/**
 * Priority of module work, highest first: the decision contract's order
 * safety alerts > operator requests > optimisation > analysis > forecast refresh.
 */
public enum WorkPriority implements DecisionPriority {
    SAFETY, OPERATOR_REQUEST, OPTIMIZATION, ANALYSIS, FORECAST_REFRESH;

    /** True when this priority outranks {@code other}. */
    public boolean outranks(WorkPriority other) {
        return ordinal() < other.ordinal();
    }

    /** Work that rule 7 may skip or defer (everything below operator requests). */
    public boolean deferrable() {
        return ordinal() > OPERATOR_REQUEST.ordinal();
    }
}
