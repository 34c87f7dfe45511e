package org.dang.engine.situation;

/** Kind of abnormal plant event reported to the engine (rule 2). */
public enum EventKind {
    ANOMALY, EQUIPMENT
}
