package org.dang.engine.server;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import org.dang.engine.Engine;
import org.dang.engine.access.Action;
import org.dang.engine.access.User;
import org.dang.engine.coordinator.ModuleRejectedException;
import org.dang.engine.coordinator.ModuleRun;
import org.dang.engine.coordinator.ModuleTimeoutException;
import org.dang.engine.coordinator.SubmitOptions;
import org.dang.engine.json.Json;
import org.dang.engine.module.ModuleName;
import org.dang.engine.module.ModuleRequest;
import org.dang.engine.module.ModuleResult;
import org.dang.engine.module.WorkPriority;
import org.dang.engine.module.optimize.OptimizationProposal;

/**
 * {@code POST /invoke/{module}}: the body holds the module's parameters (fields and JSON types from
 * {@link ModuleRequests}), turned into its typed request by the module's own {@code fromParameters}, run as an operator request through the module coordinator and audited with its result. The answer
 * waits up to {@code wait} seconds for the run: 200 with the result when it ended, 202 with the run id
 * when it is still going.
 */
final class InvokeRoute implements Route.Handler {

    private final Engine engine;
    private final ModuleRequests requests;
    private final Duration maxWait;

    InvokeRoute(Engine engine, ModuleRequests requests, Duration maxWait) {
        this.engine = engine;
        this.requests = requests;
        this.maxWait = maxWait;
    }

    @Override
    public void handle(HttpCall call, User user) throws IOException {
        Map<String, String> params = call.query(Set.of("wait"));
        String key = call.segments()[1];
        ModuleName module = ModuleName.fromKey(key).orElseThrow(() -> new ApiException(404, "unknown_module", "module",
                "no module named \"" + key + "\"; modules: " + Arrays.stream(ModuleName.values()).map(ModuleName::key)
                        .collect(Collectors.joining(", "))));
        Duration wait = wait(params.get("wait"));
        Set<ModuleName> installed = engine.installedModules();
        var entry = requests.entry(module);
        if (entry.isEmpty() || !installed.contains(module)) {
            String have = installed.stream().filter(m -> requests.entry(m).isPresent()).map(ModuleName::key).sorted()
                    .collect(Collectors.joining(", "));
            throw new ApiException(409, "module_not_installed", "module", "module " + module.key()
                    + " is not installed in this engine; invocable modules: " + (have.isEmpty() ? "none" : have));
        }
        if (!engine.config().modules().of(module).enabled()) {
            throw new ApiException(409, "module_disabled", "module", "module " + module.key()
                    + " is disabled in the configuration (modules." + module.key() + ".enabled)");
        }
        byte[] body = call.body();
        AtomicReference<Map<String, Object>> answer = new AtomicReference<>();
        AtomicReference<Integer> status = new AtomicReference<>(200);
        engine.actions().perform(user, Action.REQUEST_MODULE_RUN, "module " + module.key(), () -> {
            Map<String, Object> parameters = entry.get().parameters(JsonBody.read(body, JsonNode.class));
            ModuleRequest request;
            try {
                request = engine.requestFor(module, parameters);
            } catch (IllegalArgumentException e) {
                throw ApiException.invalid(entry.get().fieldOf(e.getMessage()), e.getMessage());
            }
            // A proposal is for the unit as it is now (and one already approved cannot be approved again):
            // optimisation always runs fresh, as the console's propose button does.
            ModuleRun<ModuleResult> run = engine.modules().submit(request, WorkPriority.OPERATOR_REQUEST,
                    module == ModuleName.OPTIMIZATION ? SubmitOptions.BYPASS_CACHE : SubmitOptions.DEFAULT);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("run_id", run.runId());
            m.put("module", module.key());
            m.put("request", request);
            try {
                ModuleResult result = run.result().get(wait.toMillis(), TimeUnit.MILLISECONDS);
                if (result instanceof OptimizationProposal p) {
                    // The desk also hears of it from the coordinator's events, on another thread; offering it
                    // here means the caller can approve it the moment it reads this answer.
                    engine.proposals().ifPresent(d -> d.offer(p));
                }
                m.put("status", "COMPLETED");
                m.put("from_cache", run.fromCache());
                m.put("summary", result.summary());
                m.put("result", Json.mapper().valueToTree(result));
                answer.set(m);
                return "run " + run.runId() + " COMPLETED: " + result.summary();
            } catch (TimeoutException e) {
                m.put("status", "RUNNING");
                answer.set(m);
                status.set(202);
                return "run " + run.runId() + " accepted, still running after " + wait.toMillis() + " ms";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ApiException(503, "interrupted", null, "the server is stopping");
            } catch (ExecutionException | CancellationException e) {
                Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
                String why = "run " + run.runId() + ": " + cause.getMessage();
                throw switch (cause) {
                    case ModuleRejectedException r -> new ApiException(409, "module_rejected", null, why);
                    case ModuleTimeoutException t -> new ApiException(504, "module_timeout", null, why);
                    case CancellationException c -> new ApiException(409, "module_cancelled", null, why);
                    default -> new ApiException(502, "module_failed", null, why);
                };
            }
        });
        call.json(status.get(), answer.get());
    }

    private Duration wait(String value) {
        Duration fallback = maxWait.compareTo(Duration.ofSeconds(10)) < 0 ? maxWait : Duration.ofSeconds(10);
        if (value == null) {
            return fallback;
        }
        try {
            double seconds = Double.parseDouble(value.strip());
            if (!(seconds >= 0) || seconds * 1000 > maxWait.toMillis()) {
                throw ApiException.invalid("wait", "wait " + value + " is out of range; allowed 0 to "
                        + maxWait.toSeconds() + " seconds (server.request_timeout)");
            }
            return Duration.ofMillis((long) (seconds * 1000));
        } catch (NumberFormatException e) {
            throw ApiException.invalid("wait", "wait \"" + value + "\" is not a number of seconds");
        }
    }
}
