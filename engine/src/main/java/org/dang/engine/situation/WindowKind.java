package org.dang.engine.situation;

/** Kind of scheduled window (rule 5). */
public enum WindowKind {
    MAINTENANCE, OPTIMIZATION_WINDOW
}
