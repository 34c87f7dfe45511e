package org.dang.engine.client;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.dang.engine.assistant.AssistantHandle;
import org.dang.engine.assistant.AssistantListener;
import org.dang.engine.store.ConversationTurn;

/**
 * The chat assistant for the signed-in user: ask (progress streams to a listener), read and clear the
 * user's own conversation. The engine checks the role and audits; proposal cards a reply carries are
 * approved or rejected through the connection's {@link ProposalQueue}.
 */
public interface OperatorChat {

    /**
     * The engine's model as the chat pane shows it; completes once known (building backends takes a moment),
     * exceptionally when the engine cannot be asked.
     */
    CompletableFuture<ChatModelState> model();

    /**
     * Starts answering {@code question}; returns at once. {@code listener} gets the progress and exactly one
     * {@code completed}, also when the engine cannot be reached or refuses (a status, never an exception).
     */
    AssistantHandle ask(String question, AssistantListener listener);

    /** The newest {@code limit} turns of the user's conversation, oldest first. */
    List<ConversationTurn> history(int limit);

    /** Forgets the user's conversation (audited); returns how many turns went. */
    int clear();
}
