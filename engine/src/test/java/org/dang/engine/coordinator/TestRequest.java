package org.dang.engine.coordinator;

import org.dang.engine.module.ModuleName;
import org.dang.engine.module.ModuleRequest;

/** A request for a test module; equal keys for the same module are equal requests. */
record TestRequest(ModuleName module, String key) implements ModuleRequest {

    static TestRequest forecast(String key) {
        return new TestRequest(ModuleName.FORECASTING, key);
    }
}
