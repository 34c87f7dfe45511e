package org.dang.app.settings;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import org.dang.engine.access.AccessDeniedException;
import org.dang.engine.access.Action;
import org.dang.engine.access.AuditedActions;
import org.dang.engine.access.User;
import org.dang.engine.config.ConfigException;
import org.dang.engine.config.ConfigWriter;
import org.dang.engine.config.DangConfig;
import org.dang.engine.config.DecisionEngineConfig;
import org.dang.engine.config.LlmConfig;
import org.dang.engine.config.OpenAiBackendConfig;
import org.dang.engine.config.SageMakerBackendConfig;
import org.dang.engine.config.OrchestratorConfig;
import org.dang.engine.config.RuleThresholds;

/**
 * The settings an engineer edits in the console, as text fields over the configuration: the LLM
 * backend, the decision thresholds. Saving validates with the configuration loader (every problem
 * named), writes the user's config file atomically, and is audited; it takes effect at restart.
 */
public final class SettingsViewModel {

    /** The editable fields, in form order: key (as in the YAML) to label. */
    static final Map<String, String> FIELDS = fields();
    /** Fields picked from a list rather than typed: key to the allowed values ("" means automatic). */
    static final Map<String, List<String>> CHOICES = Map.of(
            "orchestrator.llm.backends", List.of("", "openai", "sagemaker", "local"),
            "orchestrator.llm.sagemaker.format", SageMakerBackendConfig.FORMATS);

    private final DangConfig current;
    private final Path file;
    private final String dataSource;
    private final User user;
    private final AuditedActions actions;
    private final ExecutorService background;
    private final Map<String, StringProperty> values = new LinkedHashMap<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    /** Settings starting from {@code current}, saved to {@code file}. */
    public SettingsViewModel(DangConfig current, Path file, String dataSource, User user, AuditedActions actions,
                             ExecutorService background) {
        this.current = current;
        this.file = file;
        this.dataSource = dataSource;
        this.user = user;
        this.actions = actions;
        this.background = background;
        LlmConfig llm = current.orchestrator().llm();
        DecisionEngineConfig d = current.decisionEngine();
        RuleThresholds r = d.rules();
        set("orchestrator.llm.backends", llm.backends().size() == 1 ? llm.backends().getFirst() : "");
        set("orchestrator.llm.openai.url", llm.openai().url().orElse(""));
        set("orchestrator.llm.openai.model", llm.openai().model().orElse(""));
        set("orchestrator.llm.sagemaker_endpoint", llm.sagemakerEndpoint().orElse(""));
        set("orchestrator.llm.sagemaker.region", llm.sagemaker().region().orElse(""));
        set("orchestrator.llm.sagemaker.format", llm.sagemaker().format());
        set("orchestrator.llm.hf_model_path", llm.hfModelPath().orElse(""));
        set("orchestrator.llm.model", llm.model());
        set("orchestrator.llm.temperature", num(llm.temperature()));
        set("orchestrator.llm.top_p", num(llm.topP()));
        set("orchestrator.llm.thinking_budget", Integer.toString(llm.thinkingBudget()));
        set("orchestrator.llm.answer_budget", Integer.toString(llm.answerBudget()));
        set("orchestrator.llm.max_tokens", Integer.toString(llm.maxTokens()));
        set("decision_engine.confidence_threshold", num(d.confidenceThreshold()));
        set("decision_engine.max_retries", Integer.toString(d.maxRetries()));
        set("decision_engine.cache_ttl", Long.toString(d.cacheTtl().toSeconds()));
        set("decision_engine.rules.efficiency_margin_pct", num(r.efficiencyMarginPct()));
        set("decision_engine.rules.market_sigma", num(r.marketSigma()));
        set("decision_engine.rules.forecast_ttl", Long.toString(r.forecastTtl().toSeconds()));
    }

    private static Map<String, String> fields() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("orchestrator.llm.backends", "LLM backend");
        f.put("orchestrator.llm.openai.url", "OpenAI-compatible server URL");
        f.put("orchestrator.llm.openai.model", "Model name on that server");
        f.put("orchestrator.llm.sagemaker_endpoint", "SageMaker endpoint name");
        f.put("orchestrator.llm.sagemaker.region", "SageMaker region (empty: AWS default)");
        f.put("orchestrator.llm.sagemaker.format", "SageMaker body format");
        f.put("orchestrator.llm.hf_model_path", "Local model folder (Hugging Face layout)");
        f.put("orchestrator.llm.model", "Model id");
        f.put("orchestrator.llm.temperature", "Temperature (0 to 2)");
        f.put("orchestrator.llm.top_p", "Top-p (0 to 1)");
        f.put("orchestrator.llm.thinking_budget", "Thinking budget (tokens)");
        f.put("orchestrator.llm.answer_budget", "Answer budget (tokens)");
        f.put("orchestrator.llm.max_tokens", "Token cap, thinking plus answer");
        f.put("decision_engine.confidence_threshold", "Model confidence threshold (0 to 1)");
        f.put("decision_engine.max_retries", "Module retries");
        f.put("decision_engine.cache_ttl", "Result cache lifetime (s)");
        f.put("decision_engine.rules.efficiency_margin_pct", "Performance margin (%)");
        f.put("decision_engine.rules.market_sigma", "Market move threshold (sigma)");
        f.put("decision_engine.rules.forecast_ttl", "Forecast refresh after (s)");
        return f;
    }

    private void set(String key, String value) {
        values.put(key, new SimpleStringProperty(value));
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%s", v);
    }

    /** The text of one field. */
    public StringProperty value(String key) {
        return values.get(key);
    }

    /** Saves the fields (any thread); the outcome or every problem shows in {@link #messageProperty()}. */
    public void save() {
        Map<String, String> snapshot = new LinkedHashMap<>();
        values.forEach((k, v) -> snapshot.put(k, v.get().strip()));
        background.execute(() -> {
            String outcome;
            try {
                DangConfig edited = edited(snapshot);
                actions.perform(user, Action.CHANGE_SETTINGS, file.toString(), () -> {
                    try {
                        ConfigWriter.save(ConfigWriter.yaml(edited), file);
                    } catch (IOException e) {
                        throw new IllegalStateException("cannot write " + file + ": " + e.getMessage(), e);
                    }
                    return "settings saved";
                });
                outcome = "Saved to " + file + ". The engine uses them from the next start.";
            } catch (ConfigException e) {
                outcome = "Not saved:\n" + e.getMessage();
            } catch (IllegalArgumentException | IllegalStateException | AccessDeniedException e) {
                outcome = "Not saved: " + e.getMessage();
            }
            String text = outcome;
            Platform.runLater(() -> message.set(text));
        });
    }

    private DangConfig edited(Map<String, String> v) {
        LlmConfig was = current.orchestrator().llm();
        String backend = v.get("orchestrator.llm.backends");
        SageMakerBackendConfig sm = was.sagemaker();
        LlmConfig llm = new LlmConfig(v.get("orchestrator.llm.model"),
                optional(v.get("orchestrator.llm.sagemaker_endpoint")), optional(v.get("orchestrator.llm.hf_model_path")),
                number(v, "orchestrator.llm.temperature"), number(v, "orchestrator.llm.top_p"),
                (int) whole(v, "orchestrator.llm.max_tokens"), backend.isEmpty() ? List.of() : List.of(backend),
                (int) whole(v, "orchestrator.llm.thinking_budget"), (int) whole(v, "orchestrator.llm.answer_budget"),
                was.seed(), new OpenAiBackendConfig(optional(v.get("orchestrator.llm.openai.url")),
                        optional(v.get("orchestrator.llm.openai.model")), was.openai().apiKeyEnv(), was.openai().timeout()),
                new SageMakerBackendConfig(optional(v.get("orchestrator.llm.sagemaker.region")), sm.endpointUrl(),
                        v.get("orchestrator.llm.sagemaker.format"), sm.streaming(), sm.timeout(), sm.maxAttempts()),
                was.local(), was.circuitBreaker());
        DecisionEngineConfig d = current.decisionEngine();
        RuleThresholds r = d.rules();
        RuleThresholds rules = new RuleThresholds(number(v, "decision_engine.rules.efficiency_margin_pct"),
                number(v, "decision_engine.rules.market_sigma"), r.inventorySigma(), r.marginShiftPct(),
                r.windowLead(), Duration.ofSeconds(whole(v, "decision_engine.rules.forecast_ttl")), r.inputMovePct(),
                r.flatlineSamples());
        DecisionEngineConfig decisions = new DecisionEngineConfig(number(v, "decision_engine.confidence_threshold"),
                (int) whole(v, "decision_engine.max_retries"), d.retryBackoff(),
                Duration.ofSeconds(whole(v, "decision_engine.cache_ttl")), rules);
        return new DangConfig(new OrchestratorConfig(llm), current.modules(), decisions, current.store(),
                current.server(), current.advisor(), current.console());
    }

    private static Optional<String> optional(String s) {
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    private static double number(Map<String, String> v, String key) {
        try {
            return Double.parseDouble(v.get(key));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(FIELDS.get(key) + " (" + key + ") must be a number, not '"
                    + v.get(key) + "'");
        }
    }

    private static long whole(Map<String, String> v, String key) {
        try {
            return Long.parseLong(v.get(key));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(FIELDS.get(key) + " (" + key + ") must be a whole number, not '"
                    + v.get(key) + "'");
        }
    }

    /** Where the plant data comes from (chosen when the console starts). */
    public String dataSource() {
        return dataSource;
    }

    /** The file settings are saved to. */
    public Path file() {
        return file;
    }

    /** Whether the user may save settings. */
    public boolean maySave() {
        return Action.CHANGE_SETTINGS.allowedFor(user.role());
    }

    /** Why not. */
    public String whyNot() {
        return Action.CHANGE_SETTINGS.denialReason(user.role());
    }

    /** The outcome of the last save. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
