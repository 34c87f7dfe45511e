package org.dang.engine.store;

/** What became of a decision. */
public enum OutcomeStatus {
    COMPLETED, FAILED, CANCELLED, TIMED_OUT, REJECTED, APPROVED, DECLINED, ACKNOWLEDGED, SUPERSEDED
}
