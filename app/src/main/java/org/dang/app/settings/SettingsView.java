package org.dang.app.settings;

import java.util.List;
import java.util.Map;

import javafx.beans.value.ObservableStringValue;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * Settings form: data source (read-only), LLM backend, decision thresholds; Save for engineers, the same
 * for an embedded or a remote engine. Layout only.
 */
public final class SettingsView extends VBox {

    /** Builds the form bound to {@code vm} and asks it to read the settings. */
    public SettingsView(SettingsViewModel vm) {
        super(10);
        getStyleClass().add("settings-view");
        setPadding(new Insets(16));
        Label source = new Label("Plant data: " + vm.dataSource());
        source.getStyleClass().add("muted");
        Label llmHint = new Label("LLM backend: an OpenAI-compatible server URL, a SageMaker endpoint, or a local model"
                + " folder. \"automatic\" tries every one that is filled in; with none, the rules decide alone and the"
                + " console works on (docs/llm.md).");
        llmHint.setWrapText(true);
        llmHint.getStyleClass().add("muted");
        Label applies = new Label();
        applies.setId("settings-applies");
        applies.setWrapText(true);
        applies.getStyleClass().add("muted");
        applies.textProperty().bind(vm.appliesProperty());
        applies.setMinHeight(Region.USE_PREF_SIZE);

        GridPane form = new GridPane(12, 6);
        int row = 0;
        for (Map.Entry<String, String> f : SettingsViewModel.FIELDS.entrySet()) {
            String key = f.getKey();
            Control field = SettingsViewModel.CHOICES.containsKey(key)
                    ? choice(vm, key, SettingsViewModel.CHOICES.get(key)) : text(vm, key);
            String id = "setting-" + key.replace('.', '-');
            field.setId(id);
            field.disableProperty().bind(vm.fixedProperty(key).isNotEmpty());
            Label label = new Label(f.getValue());
            label.setTooltip(new Tooltip(key));
            Label problem = new Label();
            problem.setId(id + "-problem");
            problem.setWrapText(true);
            problem.setMaxWidth(520);
            problem.getStyleClass().add("alarm-text");
            problem.textProperty().bind(vm.problemProperty(key));
            Label waiting = new Label();
            waiting.setId(id + "-pending");
            waiting.getStyleClass().add("muted");
            waiting.textProperty().bind(vm.pendingProperty(key));
            form.addRow(row++, label, explained(field, vm.fixedProperty(key)), new VBox(problem, waiting));
        }

        Button save = new Button("Save settings");
        save.setId("settings-save");
        save.disableProperty().bind(vm.whyNoSaveProperty().isNotEmpty().or(vm.savingProperty()));
        save.setOnAction(e -> vm.save());
        Button reload = new Button("Read again");
        reload.setId("settings-reload");
        reload.setOnAction(e -> vm.load());
        Label target = new Label();
        target.textProperty().bind(vm.targetProperty());
        HBox saveBox = new HBox(8, save, reload, target);
        // The role's reason is fixed for the session; tests and tooltips read it from the container.
        if (!vm.maySave()) {
            saveBox.setUserData(vm.whyNot());
        }
        explain(saveBox, vm.whyNoSaveProperty());
        Label message = new Label();
        message.setId("settings-message");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.textProperty().bind(vm.messageProperty());
        getChildren().setAll(source, llmHint, applies, form, saveBox, message);
        vm.load();
    }

    /** A disabled control shows no tooltip itself, so the reason sits on a container around it. */
    private static Node explained(Control field, ObservableStringValue why) {
        HBox box = new HBox(field);
        explain(box, why);
        return box;
    }

    private static void explain(Node node, ObservableStringValue why) {
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(why);
        Runnable follow = () -> {
            if (why.get() == null || why.get().isEmpty()) {
                Tooltip.uninstall(node, tip);
            } else {
                Tooltip.install(node, tip);
            }
        };
        why.addListener((o, was, now) -> follow.run());
        follow.run();
    }

    private static TextField text(SettingsViewModel vm, String key) {
        TextField field = new TextField();
        field.setPrefColumnCount(36);
        field.textProperty().bindBidirectional(vm.value(key));
        return field;
    }

    private static ComboBox<String> choice(SettingsViewModel vm, String key, List<String> options) {
        ComboBox<String> box = new ComboBox<>(FXCollections.observableArrayList(options));
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(String value) {
                return value == null || value.isEmpty() ? "automatic (every one configured below)" : value;
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        });
        box.valueProperty().bindBidirectional(vm.value(key));
        return box;
    }
}
