package org.dang.engine.decision;

/** What a decision does: run a module, raise an alert, postpone work, or nothing. */
public enum DecisionAction {
    INVOKE, ALERT, DEFER, NONE
}
