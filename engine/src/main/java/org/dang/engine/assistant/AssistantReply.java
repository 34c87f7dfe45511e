package org.dang.engine.assistant;

import java.util.List;
import java.util.Objects;

/**
 * The end of one question.
 *
 * @param question  what the operator asked
 * @param status    how it ended
 * @param answer    the model's final answer; empty unless ANSWERED
 * @param message   the engine's message to the operator when there is no answer (names what went wrong)
 * @param reasoning the model's reasoning over all its calls for the question
 * @param steps     the tool steps, in order
 * @param proposals the setpoint proposals the steps produced, for the operator to approve or reject
 * @param footer    who answered and how fast (the last model call), empty when none did
 */
public record AssistantReply(String question, ReplyStatus status, String answer, String message, String reasoning,
                             List<ToolStep> steps, List<ProposalCard> proposals, String footer) {
    public AssistantReply {
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(status, "status");
        answer = Objects.requireNonNullElse(answer, "");
        message = Objects.requireNonNullElse(message, "");
        reasoning = Objects.requireNonNullElse(reasoning, "");
        steps = List.copyOf(steps);
        proposals = List.copyOf(proposals);
        footer = Objects.requireNonNullElse(footer, "");
    }

    /** What the operator reads: the answer, or the engine's message. */
    public String text() {
        return status == ReplyStatus.ANSWERED ? answer : message;
    }
}
