package org.dang.engine.coordinator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.dang.engine.module.ModuleName;
import org.dang.engine.module.PlantModule;
import org.dang.engine.module.RunContext;

/** A real module whose work is given by a lambda; it records which requests it ran, in order. */
final class TestModule implements PlantModule<TestRequest, TestResult> {

    /** What one run does. */
    @FunctionalInterface
    interface Body {
        TestResult run(TestRequest request, RunContext context) throws Exception;
    }

    private final ModuleName name;
    private final Body body;
    final AtomicInteger invocations = new AtomicInteger();
    final List<String> executed = Collections.synchronizedList(new ArrayList<>());

    TestModule(ModuleName name, Body body) {
        this.name = name;
        this.body = body;
    }

    static TestModule echo(ModuleName name) {
        return new TestModule(name, (request, context) -> new TestResult(request.key()));
    }

    @Override
    public ModuleName name() {
        return name;
    }

    @Override
    public Class<TestRequest> requestType() {
        return TestRequest.class;
    }

    @Override
    public TestResult run(TestRequest request, RunContext context) throws Exception {
        invocations.incrementAndGet();
        executed.add(request.key());
        return body.run(request, context);
    }

    List<String> executed() {
        synchronized (executed) {
            return List.copyOf(executed);
        }
    }
}
