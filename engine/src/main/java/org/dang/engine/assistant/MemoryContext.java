package org.dang.engine.assistant;

import java.util.List;
import java.util.Optional;

import org.dang.engine.store.ConversationSummary;
import org.dang.engine.store.ConversationTurn;

/**
 * What the model is given of an operator's conversation: the latest summary and the newest turns after it.
 *
 * @param summary the summary of the older turns, if any
 * @param turns   the newest turns within the window, oldest first
 */
public record MemoryContext(Optional<ConversationSummary> summary, List<ConversationTurn> turns) {
    public MemoryContext {
        turns = List.copyOf(turns);
    }
}
