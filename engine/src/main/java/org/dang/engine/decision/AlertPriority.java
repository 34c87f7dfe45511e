package org.dang.engine.decision;

/** ISA-18.2 alarm priority of an ALERT decision, highest first. */
public enum AlertPriority implements DecisionPriority {
    CRITICAL, HIGH, MEDIUM, LOW
}
