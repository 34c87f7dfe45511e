package org.dang.engine.server;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.dang.engine.module.ModuleFailure;
import org.dang.engine.module.ModuleName;
import org.dang.engine.module.ModuleRequest;
import org.dang.engine.module.ModuleResult;
import org.dang.engine.module.PlantModule;
import org.dang.engine.module.RunContext;

/** Modules the server tests control (known results, a run that blocks, a run that crashes); InvokeModulesApiTest uses the real ones. */
final class TestModules {

    private TestModules() {
    }

    /** A forecasting request as a module would type it. */
    record HorizonRequest(int horizon, List<String> tags) implements ModuleRequest {
        @Override
        public ModuleName module() {
            return ModuleName.FORECASTING;
        }

        /** Its fromParameters, as a module's: validates and names the bad parameter. */
        @SuppressWarnings("unchecked")
        static HorizonRequest fromParameters(Map<String, Object> p) {
            int horizon = ((Number) p.getOrDefault("horizon", 12)).intValue();
            if (horizon < 1 || horizon > 48) {
                throw new IllegalArgumentException("horizon: " + horizon + " is out of range; allowed 1 to 48");
            }
            return new HorizonRequest(horizon, (List<String>) p.getOrDefault("tags", List.of()));
        }
    }

    /** Its result: one value per step, the step number times the number of tags. */
    record HorizonResult(List<Double> values) implements ModuleResult {
        @Override
        public String summary() {
            return values.size() + " steps forecast";
        }
    }

    /** Computes the result from the request. */
    static final class Forecasting implements PlantModule<HorizonRequest, HorizonResult> {
        @Override
        public ModuleName name() {
            return ModuleName.FORECASTING;
        }

        @Override
        public Class<HorizonRequest> requestType() {
            return HorizonRequest.class;
        }

        @Override
        public HorizonResult run(HorizonRequest request, RunContext context) {
            int n = request.tags() == null ? 0 : request.tags().size();
            return new HorizonResult(java.util.stream.IntStream.rangeClosed(1, request.horizon())
                    .mapToObj(i -> (double) i * n).toList());
        }
    }

    /** An analysis request: block until released, or fail when asked to. */
    record HoldRequest(String id, boolean fail) implements ModuleRequest {
        /** Its fromParameters: {@code id} (default "decision") and {@code fail}. */
        static HoldRequest fromParameters(Map<String, Object> p) {
            return new HoldRequest((String) p.getOrDefault("id", "decision"), (Boolean) p.getOrDefault("fail", false));
        }

        @Override
        public ModuleName module() {
            return ModuleName.ANALYSIS;
        }
    }

    /** Its result. */
    record HoldResult(String id) implements ModuleResult {
        @Override
        public String summary() {
            return "held " + id;
        }
    }

    /** A slow (or crashing) module: runs wait on {@link #release} until the test lets them go. */
    static final class Analysis implements PlantModule<HoldRequest, HoldResult> {
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public ModuleName name() {
            return ModuleName.ANALYSIS;
        }

        @Override
        public Class<HoldRequest> requestType() {
            return HoldRequest.class;
        }

        @Override
        public HoldResult run(HoldRequest request, RunContext context) throws Exception {
            if (request.fail()) {
                throw new ModuleFailure("analysis crashed on " + request.id(), false);
            }
            while (!release.await(50, TimeUnit.MILLISECONDS)) {
                context.checkCancelled();
            }
            return new HoldResult(request.id());
        }
    }
}
