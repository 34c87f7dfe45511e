package org.dang.engine.coordinator;

import org.dang.engine.module.ModuleResult;

/** A test module's result. */
record TestResult(String value) implements ModuleResult {
    @Override
    public String summary() {
        return "result " + value;
    }
}
