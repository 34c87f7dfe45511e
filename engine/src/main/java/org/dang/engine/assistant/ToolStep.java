package org.dang.engine.assistant;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One tool step of a question, as the operator sees it and the next prompt carries it.
 *
 * @param number    1 for the question's first tool request
 * @param request   the request (action, module, parameters or query)
 * @param label     what the step does, e.g. "running forecasting"
 * @param state     RUNNING, then COMPLETED or FAILED
 * @param summary   the result in one line, or why it failed; empty while running
 * @param result    the result as bounded JSON for the model; empty when none
 * @param proposals setpoint proposals the step produced
 */
public record ToolStep(int number, Map<String, Object> request, String label, State state, String summary,
                       String result, List<ProposalCard> proposals) {

    /** Where a step is. */
    public enum State {
        /** Running now. */
        RUNNING,
        /** Ended with a result. */
        COMPLETED,
        /** Ended without one (refused, timed out, failed, cancelled). */
        FAILED
    }

    public ToolStep {
        request = Map.copyOf(request);
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(state, "state");
        summary = Objects.requireNonNullElse(summary, "");
        result = Objects.requireNonNullElse(result, "");
        proposals = List.copyOf(proposals);
    }

    /** This step, ended. */
    ToolStep ended(State end, String endSummary, String endResult, List<ProposalCard> cards) {
        return new ToolStep(number, request, label, end, endSummary, endResult, cards);
    }
}
