package org.dang.engine.assistant;

/**
 * Progress of one question, as it happens: the model's reasoning, tool steps starting and ending,
 * the final answer as it streams, and exactly one {@link #completed}. Calls come from the question's
 * thread or the model backend's, one at a time; implementations must be quick and must not throw.
 */
public interface AssistantListener {

    /** Ignores everything. */
    AssistantListener NONE = new AssistantListener() { };

    /** A piece of the model's reasoning. */
    default void thinking(String text) {
    }

    /** A piece of the final answer (tool requests are never streamed here). */
    default void answer(String text) {
    }

    /** A tool step started ({@link ToolStep.State#RUNNING}) or ended. */
    default void step(ToolStep step) {
    }

    /** A line from the engine about the loop (e.g. the model's request was refused and it is asked again). */
    default void note(String text) {
    }

    /** The question ended; {@code reply} is authoritative. */
    default void completed(AssistantReply reply) {
    }
}
