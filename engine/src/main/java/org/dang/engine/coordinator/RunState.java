package org.dang.engine.coordinator;

/** Where a module run stands; the last five are terminal. */
public enum RunState {
    QUEUED, RUNNING, WAITING_RETRY, SUCCEEDED, FAILED, CANCELLED, TIMED_OUT, REJECTED;

    /** True once the run can no longer change (its futures are or are being completed). */
    public boolean terminal() {
        return ordinal() >= SUCCEEDED.ordinal();
    }
}
