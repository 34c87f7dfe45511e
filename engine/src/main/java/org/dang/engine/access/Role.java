package org.dang.engine.access;

/** What a signed-in person may do, by job: viewer (look), operator (run the unit), engineer (configure). */
public enum Role {
    VIEWER, OPERATOR, ENGINEER
}
