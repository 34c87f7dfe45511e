package org.dang.app.settings;

import java.util.List;
import java.util.Map;

import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** Settings form: data source (read-only), LLM backend, decision thresholds; Save for engineers. Layout only. */
public final class SettingsView extends VBox {

    /** Builds the form bound to {@code vm}. */
    public SettingsView(SettingsViewModel vm) {
        super(10);
        getStyleClass().add("settings-view");
        setPadding(new Insets(16));
        Label source = new Label("Plant data: " + vm.dataSource() + "   (chosen at start: dang console --source,"
                + " --history, --speed)");
        source.getStyleClass().add("muted");
        Label llmHint = new Label("LLM backend: an OpenAI-compatible server URL, a SageMaker endpoint, or a local model"
                + " folder. \"automatic\" tries every one that is filled in; with none, the rules decide alone and the"
                + " console works on (docs/llm.md).");
        llmHint.setWrapText(true);
        llmHint.getStyleClass().add("muted");

        GridPane form = new GridPane(12, 6);
        int row = 0;
        for (Map.Entry<String, String> f : SettingsViewModel.FIELDS.entrySet()) {
            Control field = SettingsViewModel.CHOICES.containsKey(f.getKey())
                    ? choice(vm, f.getKey(), SettingsViewModel.CHOICES.get(f.getKey())) : text(vm, f.getKey());
            field.setId("setting-" + f.getKey().replace('.', '-'));
            Label label = new Label(f.getValue());
            label.setTooltip(new Tooltip(f.getKey()));
            form.addRow(row++, label, field);
        }

        Button save = new Button("Save settings");
        save.setId("settings-save");
        save.setDisable(!vm.maySave());
        save.setOnAction(e -> vm.save());
        HBox saveBox = new HBox(8, save, new Label("to " + vm.file()));
        if (!vm.maySave()) {
            // A disabled button shows no tooltip itself, so the reason sits on its container.
            Tooltip.install(saveBox, new Tooltip(vm.whyNot()));
            saveBox.setUserData(vm.whyNot());
        }
        Label message = new Label();
        message.setId("settings-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        getChildren().setAll(source, llmHint, form, saveBox, message);
    }

    private static TextField text(SettingsViewModel vm, String key) {
        TextField field = new TextField();
        field.setPrefColumnCount(36);
        field.textProperty().bindBidirectional(vm.value(key));
        field.setEditable(vm.maySave());
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
        box.setDisable(!vm.maySave());
        return box;
    }
}
