package org.dang.engine.client;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

import org.dang.engine.access.AccessDeniedException;
import org.dang.engine.access.Action;
import org.dang.engine.access.AuditedActions;
import org.dang.engine.access.User;
import org.dang.engine.coordinator.ModuleCoordinator;
import org.dang.engine.coordinator.ModuleRejectedException;
import org.dang.engine.coordinator.ModuleRun;
import org.dang.engine.coordinator.ModuleRunEvent;
import org.dang.engine.coordinator.ModuleRunListener;
import org.dang.engine.coordinator.ModuleTimeoutException;
import org.dang.engine.module.ModuleName;
import org.dang.engine.module.ModuleRequest;
import org.dang.engine.module.ModuleResult;
import org.dang.engine.module.WorkPriority;
import org.dang.engine.module.forecast.ForecastRequest;
import org.dang.engine.module.forecast.ForecastResult;
import org.dang.engine.module.market.MarketReport;
import org.dang.engine.module.market.MarketRequest;

/**
 * Requested runs of an engine in this process: submitted to its coordinator as operator requests inside an
 * audited {@link Action#REQUEST_MODULE_RUN}, progress from the coordinator's events for that run.
 */
final class EmbeddedRuns implements ModuleRuns {

    private final ModuleCoordinator coordinator;
    private final AuditedActions actions;
    private final User user;
    private final List<Subscription> owned;

    EmbeddedRuns(ModuleCoordinator coordinator, AuditedActions actions, User user, List<Subscription> owned) {
        this.coordinator = coordinator;
        this.actions = actions;
        this.user = user;
        this.owned = owned;
    }

    @Override
    public CompletableFuture<ForecastResult> forecast(String tag, int horizon, RunProgress progress) {
        return run(ForecastRequest.of(List.of(tag), horizon), "forecasting " + tag, "forecast of " + tag,
                id -> "forecast of " + tag + " for " + horizon + " h submitted as run " + id, progress);
    }

    @Override
    public CompletableFuture<MarketReport> analyseMarket(LocalDate asOf, RunProgress progress) {
        return run(MarketRequest.endOf(asOf), "analysis as of " + asOf, "market analysis as of " + asOf,
                id -> "analysis run " + id + " submitted", progress);
    }

    private <R extends ModuleResult> CompletableFuture<R> run(ModuleRequest request, String target, String what,
                                                              LongFunction<String> audited, RunProgress progress) {
        AtomicLong runId = new AtomicLong(-1);
        ModuleRunListener listener = event -> {
            if (event.runId() == runId.get()) {
                switch (event) {
                    case ModuleRunEvent.Progress p -> progress.progress(p.fraction(), p.message());
                    case ModuleRunEvent.Started s -> progress.progress(-1, what + ": running (attempt " + s.attempt()
                            + ")");
                    case ModuleRunEvent.Retrying r -> progress.progress(-1, what + ": retrying after " + r.cause());
                    default -> {
                        // Queued before the id is known; the end comes with the result.
                    }
                }
            }
        };
        coordinator.addListener(listener);
        ModuleRun<R> run;
        try {
            @SuppressWarnings("unchecked")
            ModuleRun<R>[] submitted = new ModuleRun[1];
            actions.perform(user, Action.REQUEST_MODULE_RUN, target, () -> {
                submitted[0] = coordinator.submit(request, WorkPriority.OPERATOR_REQUEST);
                runId.set(submitted[0].runId());
                return audited.apply(submitted[0].runId());
            });
            run = submitted[0];
        } catch (AccessDeniedException e) {
            coordinator.removeListener(listener);
            return CompletableFuture.failedFuture(RunFailure.of(RunFailure.Kind.REFUSED, what, e.getMessage(), e));
        } catch (RuntimeException e) {
            coordinator.removeListener(listener);
            return CompletableFuture.failedFuture(RunFailure.of(RunFailure.Kind.REJECTED, what, e.getMessage(), e));
        }
        progress.progress(-1, what + ": queued as run " + run.runId());
        CompletableFuture<R> answer = new CompletableFuture<>();
        run.result().whenComplete((result, failure) -> {
            coordinator.removeListener(listener);
            if (failure == null) {
                answer.complete(result);
            } else {
                answer.completeExceptionally(failure(what, failure));
            }
        });
        return answer;
    }

    /** The coordinator's failure of a run as the status line says it. */
    static RunFailure failure(String what, Throwable failure) {
        Throwable cause = failure instanceof CompletionException c && c.getCause() != null ? c.getCause() : failure;
        RunFailure.Kind kind = switch (cause) {
            case ModuleTimeoutException t -> RunFailure.Kind.TIMED_OUT;
            case ModuleRejectedException r -> RunFailure.Kind.REJECTED;
            case CancellationException c -> RunFailure.Kind.CANCELLED;
            default -> RunFailure.Kind.FAILED;
        };
        return RunFailure.of(kind, what, cause.getMessage(), cause);
    }

    @Override
    public Subscription watchMarket(MarketWatcher watcher) {
        ModuleRunListener l = event -> {
            if (event.module() != ModuleName.ANALYSIS) {
                return;
            }
            if (event instanceof ModuleRunEvent.Succeeded s && s.result() instanceof MarketReport r) {
                watcher.finished(r);
            } else if (event instanceof ModuleRunEvent.Progress p) {
                watcher.working(p.fraction(), p.message());
            }
        };
        coordinator.addListener(l);
        Subscription s = () -> coordinator.removeListener(l);
        owned.add(s);
        return s;
    }
}
