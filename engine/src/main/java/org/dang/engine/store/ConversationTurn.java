package org.dang.engine.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One stored turn of an operator's conversation with the assistant.
 *
 * @param operator the signed-in user's name
 * @param seq      position in that operator's conversation, from 1
 * @param role     OPERATOR, ASSISTANT or TOOL
 * @param text     the question, the answer, or a tool step's summary
 * @param toolJson tool request, result and proposal cards as JSON; null for plain text
 * @param at       when it was said
 */
public record ConversationTurn(String operator, long seq, String role, String text, String toolJson, Instant at) {
    public ConversationTurn {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(role, "role");
        text = Objects.requireNonNullElse(text, "");
        Objects.requireNonNull(at, "at");
    }
}
