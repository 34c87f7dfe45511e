package org.dang.engine.assistant;

import java.util.Objects;

/** What one model answer in the chat is: the final answer in prose, or one tool request. */
public sealed interface ModelAnswer {

    /**
     * The final answer for the operator.
     *
     * @param text the answer
     */
    record Prose(String text) implements ModelAnswer {
        public Prose {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * A request for data.
     *
     * @param request the validated request
     */
    record Tool(ToolRequest request) implements ModelAnswer {
        public Tool {
            Objects.requireNonNull(request, "request");
        }
    }
}
