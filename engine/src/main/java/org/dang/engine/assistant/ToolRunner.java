package org.dang.engine.assistant;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import org.dang.engine.Engine;
import org.dang.engine.access.Action;
import org.dang.engine.access.User;
import org.dang.engine.coordinator.ModuleRun;
import org.dang.engine.coordinator.SubmitOptions;
import org.dang.engine.json.Json;
import org.dang.engine.module.ModuleName;
import org.dang.engine.module.ModuleRequest;
import org.dang.engine.module.ModuleResult;
import org.dang.engine.module.WorkPriority;
import org.dang.engine.module.optimize.OptimizationProposal;
import org.dang.engine.store.StoredDecision;

/**
 * Runs the model's tool requests for the operator who asked: INVOKE through the engine's module
 * coordinator at OPERATOR_REQUEST priority, audited as a REQUEST_MODULE_RUN by that operator (the
 * same path as the API's {@code /invoke}); HISTORY as a decision-store query. A failure is a FAILED
 * step saying why, never an exception: the model is told and answers with what it has.
 */
final class ToolRunner {

    private final Engine engine;

    ToolRunner(Engine engine) {
        this.engine = engine;
    }

    /** The step as it starts. */
    static ToolStep starting(int number, ToolRequest request) {
        String label = switch (request) {
            case ToolRequest.Invoke i -> "running " + i.module().key();
            case ToolRequest.History h -> "reading decision history";
        };
        return new ToolStep(number, request.describe(), label, ToolStep.State.RUNNING, "", "", List.of());
    }

    /**
     * Runs {@code step}'s request; {@code running} is handed the module run as soon as it is submitted
     * (so that a cancel of the question cancels it).
     */
    ToolStep run(User user, ToolStep step, ToolRequest request, Consumer<ModuleRun<?>> running) {
        return switch (request) {
            case ToolRequest.Invoke i -> invoke(user, step, i, running);
            case ToolRequest.History h -> history(step, h);
        };
    }

    private ToolStep history(ToolStep step, ToolRequest.History h) {
        try {
            List<StoredDecision> found = engine.store().queryAll(h.query().toDecisionQuery());
            String summary = found.isEmpty() ? "no decision records match " + h.query().describe()
                    : found.size() + " decision record" + (found.size() == 1 ? "" : "s") + " match "
                            + h.query().describe();
            return step.ended(ToolStep.State.COMPLETED, summary,
                    ChatData.quoted(found.stream().map(ChatData::record).toList()), List.of());
        } catch (RuntimeException e) {
            return step.ended(ToolStep.State.FAILED, "the decision store could not be read: " + e.getMessage(), "",
                    List.of());
        }
    }

    private ToolStep invoke(User user, ToolStep step, ToolRequest.Invoke i, Consumer<ModuleRun<?>> running) {
        ModuleName m = i.module();
        if (!engine.installedModules().contains(m)) {
            return step.ended(ToolStep.State.FAILED, "module " + m.key() + " is not installed in this engine"
                    + (m == ModuleName.OPTIMIZATION ? " (only a unit that takes setpoint moves has one)" : ""), "",
                    List.of());
        }
        if (!engine.config().modules().of(m).enabled()) {
            return step.ended(ToolStep.State.FAILED, "module " + m.key() + " is disabled in the configuration (modules."
                    + m.key() + ".enabled)", "", List.of());
        }
        ModuleResult[] result = new ModuleResult[1];
        try {
            engine.actions().perform(user, Action.REQUEST_MODULE_RUN, "module " + m.key() + " (chat)", () -> {
                ModuleRequest request = engine.requestFor(m, i.parameters());
                // A proposal is for the unit as it is now: optimisation runs fresh, as the console's and the API's do.
                ModuleRun<ModuleResult> run = engine.modules().submit(request, WorkPriority.OPERATOR_REQUEST,
                        m == ModuleName.OPTIMIZATION ? SubmitOptions.BYPASS_CACHE : SubmitOptions.DEFAULT);
                running.accept(run);
                result[0] = await(run, m);
                return "run " + run.runId() + " COMPLETED" + (run.fromCache() ? " (cached)" : "") + ": "
                        + result[0].summary();
            });
        } catch (RuntimeException e) {
            return step.ended(ToolStep.State.FAILED, failure(m, e), "", List.of());
        }
        List<ProposalCard> cards = List.of();
        if (result[0] instanceof OptimizationProposal p) {
            // The desk hears of it from the coordinator too; offering here makes the card approvable at once.
            engine.proposals().ifPresent(d -> d.offer(p));
            cards = List.of(ProposalCard.of(p));
        }
        return step.ended(ToolStep.State.COMPLETED, result[0].summary(), ChatData.quoted(result[0]), cards);
    }

    /** Waits as long as the coordinator may take (its timeout per attempt, every retry) and a minute more. */
    private ModuleResult await(ModuleRun<ModuleResult> run, ModuleName m) {
        Duration cap = engine.config().modules().of(m).timeout()
                .multipliedBy(engine.config().decisionEngine().maxRetries() + 1L).plus(Duration.ofMinutes(1));
        try {
            return run.result().get(cap.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            run.cancel();
            Thread.currentThread().interrupt();
            throw new CancellationException("the question was cancelled");
        } catch (TimeoutException e) {
            run.cancel();
            throw new IllegalStateException("run " + run.runId() + " gave no result within " + cap.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new CompletionException(e.getCause());
        }
    }

    private static String failure(ModuleName m, RuntimeException e) {
        Throwable c = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        String kind = switch (c) {
            case IllegalArgumentException _ -> "parameters not accepted by " + m.key();
            case CancellationException _ -> m.key() + " run cancelled";
            case org.dang.engine.coordinator.ModuleTimeoutException _ -> m.key() + " run timed out";
            case org.dang.engine.coordinator.ModuleRejectedException _ -> m.key() + " run refused";
            case org.dang.engine.access.AccessDeniedException _ -> "not allowed";
            default -> m.key() + " run failed";
        };
        return kind + ": " + c.getMessage();
    }
}
