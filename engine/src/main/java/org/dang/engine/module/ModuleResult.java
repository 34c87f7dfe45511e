package org.dang.engine.module;

/** A typed module result; records, immutable. */
public interface ModuleResult {
    /** One line an operator can read in an activity list or a decision outcome. */
    String summary();
}
