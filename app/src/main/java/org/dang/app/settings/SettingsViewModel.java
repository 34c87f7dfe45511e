package org.dang.app.settings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import org.dang.engine.access.AccessDeniedException;
import org.dang.engine.client.EngineSettings;
import org.dang.engine.client.SavedSettings;
import org.dang.engine.client.SettingsSnapshot;
import org.dang.engine.client.remote.RemoteEngineException;
import org.dang.engine.config.SettingRefusedException;
import org.dang.engine.config.SageMakerBackendConfig;

/**
 * The settings an engineer edits in the console, as text fields over the engine's configuration (the LLM
 * backend, the decision thresholds), embedded or remote alike through {@link EngineSettings}. The form shows
 * the configuration file (what the engine's next start uses). Reading and saving run off the FX thread; a
 * save sends only the fields that differ from what was read, and the engine
 * validates (a refusal names the field), writes its configuration file and audits it. Changes take effect at
 * the engine's next start. A failed save keeps every edit in the form.
 */
public final class SettingsViewModel {

    /** The editable fields, in form order: key (as in the YAML) to label. */
    static final Map<String, String> FIELDS = fields();
    /** Fields picked from a list rather than typed: key to the allowed values ("" means automatic). */
    static final Map<String, List<String>> CHOICES = Map.of(
            "orchestrator.llm.backends", List.of("", "openai", "sagemaker", "local"),
            "orchestrator.llm.sagemaker.format", SageMakerBackendConfig.FORMATS);

    private static final String CANNOT_READ = "Cannot read the settings from ";

    private final EngineSettings settings;
    private final String dataSource;
    private final ExecutorService background;
    private final Map<String, StringProperty> values = new LinkedHashMap<>();
    private final Map<String, ReadOnlyStringWrapper> problems = new LinkedHashMap<>();
    private final Map<String, ReadOnlyStringWrapper> fixed = new LinkedHashMap<>();
    private final Map<String, ReadOnlyStringWrapper> pending = new LinkedHashMap<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper applies = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper target = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper whyNoSave = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(false);
    /** The text of each field as the engine last gave it or took it; FX thread only. */
    private final Map<String, String> baseline = new LinkedHashMap<>();
    /** What was read last; FX thread only, null until the first read. */
    private SettingsSnapshot snapshot;

    /** Settings of the engine behind {@code settings}; {@code dataSource} says where plant data comes from. */
    public SettingsViewModel(EngineSettings settings, String dataSource, ExecutorService background) {
        this.settings = settings;
        this.dataSource = dataSource;
        this.background = background;
        String notYet = settings.mayChange() ? "Reading the settings from " + settings.where() + " ..."
                : settings.whyNot();
        for (String key : FIELDS.keySet()) {
            values.put(key, new SimpleStringProperty(""));
            baseline.put(key, "");
            problems.put(key, new ReadOnlyStringWrapper(""));
            pending.put(key, new ReadOnlyStringWrapper(""));
            fixed.put(key, new ReadOnlyStringWrapper(notYet));
        }
        whyNoSave.set(notYet);
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

    /** Reads the settings (any thread); fields the user has not touched take the engine's values. */
    public void load() {
        background.execute(() -> {
            try {
                SettingsSnapshot read = settings.read();
                Platform.runLater(() -> show(read));
            } catch (RuntimeException e) {
                String text = CANNOT_READ + settings.where() + ": " + e.getMessage();
                Platform.runLater(() -> {
                    message.set(text);
                    if (snapshot == null && settings.mayChange()) {
                        String why = "The settings could not be read from " + settings.where() + "; read them again.";
                        fixed.values().forEach(f -> f.set(why));
                        whyNoSave.set(why);
                    }
                });
            }
        });
    }

    private void show(SettingsSnapshot read) {
        snapshot = read;
        if (message.get().startsWith(CANNOT_READ)) {
            message.set("");
        }
        Map<String, Object> waiting = read.pending();
        for (String key : FIELDS.keySet()) {
            String text = text(read.next(key));
            // An edit the user made (e.g. while the engine was away) stays; untouched fields follow the engine.
            if (text(values.get(key).get()).strip().equals(baseline.get(key))) {
                values.get(key).set(text);
            }
            baseline.put(key, text);
            fixed.get(key).set(whyFixed(read, key));
            pending.get(key).set(waiting.containsKey(key) ? "saved; the engine runs with " + text(waiting.get(key))
                    + " until it restarts" : "");
        }
        whyNoSave.set(!settings.mayChange() ? settings.whyNot() : read.file().isEmpty() ? noFile() : "");
        target.set(read.file().map(f -> "to " + f + " (" + settings.where() + ")").orElse("(no file to write)"));
        applies.set(applies(read));
    }

    private String whyFixed(SettingsSnapshot read, String key) {
        if (!settings.mayChange()) {
            return settings.whyNot();
        }
        if (read.file().isEmpty()) {
            return noFile();
        }
        if (!read.running().containsKey(key)) {
            return "The engine at " + settings.where() + " has no setting " + key + " (an older engine?).";
        }
        if (!read.mayChange(key)) {
            return key.substring(0, key.indexOf('.')) + " settings are changed only in the configuration file on"
                    + " the engine host, not from a console.";
        }
        return "";
    }

    private String noFile() {
        return "The engine (" + settings.where() + ") was started without a configuration file to write, so its"
                + " settings cannot be changed from here (dang serve --config FILE).";
    }

    private static String applies(SettingsSnapshot read) {
        StringBuilder b = new StringBuilder("Changes apply when the engine next starts: it reads its configuration"
                + " once, at start.");
        if (!read.fixedSections().isEmpty()) {
            b.append(" Not changeable from a console: ").append(String.join(", ", read.fixedSections()))
                    .append(" settings (edit the file on the engine host).");
        }
        if (read.restartPending()) {
            b.append(" The file holds saved changes that wait for that restart: the form shows the file, and each"
                    + " waiting field says what the engine runs with now.");
        }
        return b.toString();
    }

    /** Saves the fields that differ from the engine's; the outcome shows in {@link #messageProperty()}. */
    public void save() {
        if (snapshot == null) {
            message.set("Not saved: the settings have not been read from " + settings.where() + " yet.");
            load();
            return;
        }
        problems.values().forEach(p -> p.set(""));
        Map<String, Object> changes = new LinkedHashMap<>();
        Map<String, String> texts = new LinkedHashMap<>();
        for (Map.Entry<String, StringProperty> v : values.entrySet()) {
            String text = v.getValue().get() == null ? "" : v.getValue().get().strip();
            if (text.equals(baseline.get(v.getKey()))) {
                continue;
            }
            try {
                changes.put(v.getKey(), value(v.getKey(), text, snapshot.next(v.getKey())));
            } catch (IllegalArgumentException e) {
                problems.get(v.getKey()).set(e.getMessage());
                message.set("Not saved: " + e.getMessage());
                return;
            }
            texts.put(v.getKey(), text);
        }
        if (changes.isEmpty()) {
            message.set("Nothing to save: every field is as the engine has it.");
            return;
        }
        saving.set(true);
        background.execute(() -> {
            try {
                SavedSettings saved = settings.change(changes);
                Platform.runLater(() -> saved(saved, texts));
            } catch (SettingRefusedException e) {
                Platform.runLater(() -> refused(e));
            } catch (AccessDeniedException e) {
                failed("Not saved: " + e.getMessage());
            } catch (RemoteEngineException e) {
                failed("Not saved: " + e.getMessage() + (e.status() == 0 ? ". Your edits are kept in the form;"
                        + " save again when the engine is back." : ". Your edits are kept in the form."));
            } catch (RuntimeException e) {
                failed("Not saved: " + e.getMessage() + ". Your edits are kept in the form.");
            }
        });
    }

    private void saved(SavedSettings saved, Map<String, String> texts) {
        baseline.putAll(texts);
        saving.set(false);
        load(); // the saved values come back as the file's, with what waits for a restart
        message.set("Saved to " + saved.file() + " (" + settings.where() + "). The engine uses them from its next"
                + " start.");
    }

    private void refused(SettingRefusedException e) {
        saving.set(false);
        String label = FIELDS.get(e.key());
        if (label != null) {
            problems.get(e.key()).set(e.getMessage());
        }
        message.set("Not saved: " + (label == null ? "" : label + ": ") + e.getMessage());
    }

    private void failed(String text) {
        Platform.runLater(() -> {
            saving.set(false);
            message.set(text);
        });
    }

    /** The form's text of a configuration value. */
    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof List<?> list) {
            return String.join(", ", list.stream().map(String::valueOf).toList());
        }
        return String.valueOf(value);
    }

    /** The value to send for {@code text}, of the kind the engine has ({@code current}). */
    private static Object value(String key, String text, Object current) {
        String named = FIELDS.get(key) + " (" + key + ")";
        if (current instanceof List<?>) {
            return text.isEmpty() ? List.of() : List.of(text.split("\\s*,\\s*"));
        }
        if (current instanceof Boolean) {
            if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
                throw new IllegalArgumentException(named + " must be true or false, not '" + text + "'");
            }
            return Boolean.parseBoolean(text.toLowerCase(Locale.ROOT));
        }
        if (current instanceof Number) {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException notWhole) {
                try {
                    double d = Double.parseDouble(text);
                    if (Double.isFinite(d)) {
                        return d;
                    }
                } catch (NumberFormatException e) {
                    // falls through to the message below
                }
                throw new IllegalArgumentException(named + " must be a number, not '" + text + "'");
            }
        }
        return text;
    }

    /** The text of one field. */
    public StringProperty value(String key) {
        return values.get(key);
    }

    /** The engine's refusal of one field's value; empty when none. */
    public ReadOnlyStringProperty problemProperty(String key) {
        return problems.get(key).getReadOnlyProperty();
    }

    /** A saved value the running engine does not use yet, in words; empty when the engine runs with it. */
    public ReadOnlyStringProperty pendingProperty(String key) {
        return pending.get(key).getReadOnlyProperty();
    }

    /** Why one field cannot be edited (role, no file, a section fixed on the engine host); empty when it can. */
    public ReadOnlyStringProperty fixedProperty(String key) {
        return fixed.get(key).getReadOnlyProperty();
    }

    /** Why nothing can be saved now; empty when a save may go. */
    public ReadOnlyStringProperty whyNoSaveProperty() {
        return whyNoSave.getReadOnlyProperty();
    }

    /** Whether a save is on its way. */
    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    /** Where a save goes, e.g. "to /etc/dang/site.yaml (the engine at https://...)". */
    public ReadOnlyStringProperty targetProperty() {
        return target.getReadOnlyProperty();
    }

    /** When changes apply and what cannot change from a console. */
    public ReadOnlyStringProperty appliesProperty() {
        return applies.getReadOnlyProperty();
    }

    /** Where the plant data comes from. */
    public String dataSource() {
        return dataSource;
    }

    /** Whether the user's role may save settings. */
    public boolean maySave() {
        return settings.mayChange();
    }

    /** Why not, for a tooltip; empty when the role may. */
    public String whyNot() {
        return settings.whyNot();
    }

    /** The outcome of the last read or save. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
