package org.dang.engine.client;

import java.util.Objects;
import java.util.Optional;

/**
 * The engine's language model as the chat pane shows it.
 *
 * @param model   who answers (e.g. "openai deepseek-r1 at ..."), empty without a model
 * @param explain without a model why not; with one, which configured backends are missing (else empty)
 */
public record ChatModelState(Optional<String> model, String explain) {
    public ChatModelState {
        Objects.requireNonNull(model, "model");
        explain = Objects.requireNonNullElse(explain, "");
    }

    /** Whether questions can be asked. */
    public boolean available() {
        return model.isPresent();
    }
}
