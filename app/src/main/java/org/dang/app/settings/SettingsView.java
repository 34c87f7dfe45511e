package org.dang.app.settings;

import java.util.Map;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

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
        Label llmHint = new Label("LLM backend: give a local model folder, or a SageMaker endpoint; with neither, the"
                + " rules decide alone and the console works on (docs/configuration.md).");
        llmHint.setWrapText(true);
        llmHint.getStyleClass().add("muted");

        GridPane form = new GridPane(12, 6);
        int row = 0;
        for (Map.Entry<String, String> f : SettingsViewModel.FIELDS.entrySet()) {
            TextField field = new TextField();
            field.setId("setting-" + f.getKey().replace('.', '-'));
            field.setPrefColumnCount(36);
            field.textProperty().bindBidirectional(vm.value(f.getKey()));
            field.setEditable(vm.maySave());
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
}
