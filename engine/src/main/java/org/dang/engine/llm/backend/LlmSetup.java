package org.dang.engine.llm.backend;

import java.util.List;
import java.util.Optional;

import org.dang.engine.llm.ChatModel;

/**
 * What the configuration gave: the model to ask (a fallback ladder over the backends that could be
 * built), and a problem line for each backend that could not. No model at all means the rules decide alone.
 *
 * @param model    the ladder, empty when no backend is configured or none could be built
 * @param problems one line per configured backend that could not be built
 */
public record LlmSetup(Optional<ChatModel> model, List<String> problems) {

    public LlmSetup {
        problems = List.copyOf(problems);
    }

    /** Nothing configured. */
    public static LlmSetup none() {
        return new LlmSetup(Optional.empty(), List.of());
    }

    /** Whether no backend was configured at all (as opposed to configured but broken). */
    public boolean notConfigured() {
        return model.isEmpty() && problems.isEmpty();
    }

    /** For the operator: what is missing, in a sentence or two. */
    public String explain() {
        if (model.isPresent()) {
            return problems.isEmpty() ? "" : "Some backends are not available: " + String.join("; ", problems);
        }
        if (problems.isEmpty()) {
            return "No language model is configured: set orchestrator.llm.openai.url,"
                    + " orchestrator.llm.sagemaker_endpoint or orchestrator.llm.hf_model_path (Settings, or the config"
                    + " file; see docs/llm.md). The decision rules work without one.";
        }
        return "The language model is not available: " + String.join("; ", problems)
                + ". The decision rules work without one.";
    }
}
