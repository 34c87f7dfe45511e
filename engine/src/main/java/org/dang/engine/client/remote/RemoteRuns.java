package org.dang.engine.client.remote;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;

import org.dang.engine.access.AccessDeniedException;
import org.dang.engine.client.MarketWatcher;
import org.dang.engine.client.ModuleRuns;
import org.dang.engine.client.RunFailure;
import org.dang.engine.client.RunProgress;
import org.dang.engine.client.Subscription;
import org.dang.engine.json.Json;
import org.dang.engine.module.forecast.ForecastResult;
import org.dang.engine.module.market.MarketReport;

/**
 * Requested runs on a remote engine: {@code POST /invoke/{module}}, which checks the token's role, audits and
 * runs the module through the engine's coordinator, and answers with the typed result. The answer is
 * synchronous, so progress is indeterminate; a run still going after the wait (202) is asked for again with
 * the same body, which joins that run on the engine (or takes its cached result) rather than starting another.
 */
final class RemoteRuns implements ModuleRuns {

    /** How long one request waits on the server (within the default {@code server.request_timeout} of 30 s). */
    static final Duration WAIT = RemoteProposals.PROPOSE_WAIT;

    private final EngineHttp http;
    private final EventStream events;
    private final Duration wait;
    /** Analyses this console asked for: in flight, and the run ids the engine gave them. */
    private final AtomicInteger ownAnalyses = new AtomicInteger();
    private final Set<Long> ownRuns = ConcurrentHashMap.newKeySet();

    RemoteRuns(EngineHttp http, EventStream events, Duration wait) {
        this.http = http;
        this.events = events;
        this.wait = wait;
    }

    @Override
    public CompletableFuture<ForecastResult> forecast(String tag, int horizon, RunProgress progress) {
        return invoke("forecasting", Map.of("tags", List.of(tag), "horizon", horizon), ForecastResult.class,
                "forecast of " + tag, progress);
    }

    @Override
    public CompletableFuture<MarketReport> analyseMarket(LocalDate asOf, RunProgress progress) {
        ownAnalyses.incrementAndGet();
        CompletableFuture<MarketReport> report = invoke("analysis", Map.of("as_of", asOf.toString()),
                MarketReport.class, "market analysis as of " + asOf, progress);
        report.whenComplete((r, f) -> ownAnalyses.decrementAndGet());
        return report;
    }

    private <R> CompletableFuture<R> invoke(String module, Map<String, Object> body, Class<R> type, String what,
                                            RunProgress progress) {
        CompletableFuture<R> answer = new CompletableFuture<>();
        Thread.ofVirtual().name("remote-run-" + module).start(() -> {
            try {
                answer.complete(await(module, body, type, what, progress, answer));
            } catch (RunFailure f) {
                answer.completeExceptionally(f);
            } catch (RuntimeException e) {
                answer.completeExceptionally(RunFailure.of(RunFailure.Kind.FAILED, what, e.getMessage(), e));
            }
        });
        return answer;
    }

    private <R> R await(String module, Map<String, Object> body, Class<R> type, String what, RunProgress progress,
                        CompletableFuture<R> answer) {
        progress.progress(-1, what + ": running on the engine at " + http.engine());
        while (!answer.isDone()) {
            JsonNode a = post(module, body, what);
            long runId = a.path("run_id").asLong(-1);
            ownRuns.add(runId);
            if ("COMPLETED".equals(a.path("status").asText())) {
                try {
                    return Json.mapper().treeToValue(a.path("result"), type);
                } catch (Exception e) {
                    throw RunFailure.of(RunFailure.Kind.FAILED, what, "the result of run " + runId + " from "
                            + http.engine() + " could not be read: " + e.getMessage(), e);
                }
            }
            progress.progress(-1, what + ": run " + runId + " still running on the engine at " + http.engine());
        }
        throw RunFailure.of(RunFailure.Kind.CANCELLED, what, "no longer waited for", null);
    }

    private JsonNode post(String module, Map<String, Object> body, String what) {
        try {
            return http.post("/invoke/" + module + "?wait=" + wait.toSeconds(), body, wait.plusSeconds(10));
        } catch (AccessDeniedException e) {
            throw RunFailure.of(RunFailure.Kind.REFUSED, what, e.getMessage(), e);
        } catch (RemoteEngineException e) {
            RunFailure.Kind kind = switch (e.status()) {
                case 0, 503 -> RunFailure.Kind.UNREACHABLE;
                case 401 -> RunFailure.Kind.REFUSED;
                case 504 -> RunFailure.Kind.TIMED_OUT;
                case 409 -> "module_cancelled".equals(e.error()) ? RunFailure.Kind.CANCELLED : RunFailure.Kind.REJECTED;
                case 400, 404 -> RunFailure.Kind.REJECTED;
                default -> RunFailure.Kind.FAILED;
            };
            throw RunFailure.of(kind, what, e.getMessage(), e);
        }
    }

    /**
     * {@code module_run} events carry no result, so an analysis the engine ran for someone else is announced
     * in words (its report is one Run analysis away); this console's own runs arrive with their answer.
     */
    @Override
    public Subscription watchMarket(MarketWatcher watcher) {
        return events.on("module_run", e -> {
            if ("analysis".equals(e.path("module").asText()) && "SUCCEEDED".equals(e.path("event").asText())
                    && ownAnalyses.get() == 0 && !ownRuns.contains(e.path("run_id").asLong())) {
                watcher.working(-1, "The engine ran a market analysis (run " + e.path("run_id").asText()
                        + ", see Activity); run the analysis here to see its report.");
            }
        });
    }
}
