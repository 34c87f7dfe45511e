package org.dang.engine.llm.backend;

import org.dang.engine.config.LlmConfig;
import org.dang.engine.llm.ChatModel;
import org.dang.engine.llm.LlmSetupException;

/** Builds the backend of one kind from the {@code orchestrator.llm} settings. */
@FunctionalInterface
public interface BackendFactory {

    /**
     * The backend; called only when the kind is in {@link LlmConfig#order()}.
     *
     * @throws LlmSetupException when the settings do not allow it, naming the key to fix
     */
    ChatModel create(LlmConfig config);
}
