package org.dang.app.history;

import java.io.File;
import java.util.function.Function;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.FileChooser;

import org.dang.app.console.FilterBox;
import org.dang.engine.decision.DecisionAction;
import org.dang.engine.decision.DecisionSource;
import org.dang.engine.module.ModuleName;
import org.dang.engine.store.OutcomeStatus;
import org.dang.engine.store.StoredDecision;

/** Decision history for engineers: filter bar, table of decisions, detail pane. Layout only. */
public final class DecisionHistoryView extends BorderPane {

    /** Builds the view bound to {@code vm}. */
    public DecisionHistoryView(DecisionHistoryViewModel vm) {
        getStyleClass().add("history-view");

        TextField text = new TextField();
        text.setId("history-text");
        text.setPromptText("Search rationale, triggers, situation");
        text.textProperty().bindBidirectional(vm.textProperty());
        HBox.setHgrow(text, Priority.ALWAYS);

        ComboBox<ModuleName> module = FilterBox.of("history-module", "All modules", ModuleName.values(), ModuleName::key);
        module.valueProperty().bindBidirectional(vm.moduleProperty());
        ComboBox<DecisionAction> action = FilterBox.of("history-action", "All actions", DecisionAction.values(),
                DecisionAction::name);
        action.valueProperty().bindBidirectional(vm.actionProperty());
        ComboBox<DecisionSource> source = FilterBox.of("history-source", "All sources", DecisionSource.values(),
                DecisionSource::name);
        source.valueProperty().bindBidirectional(vm.sourceProperty());

        ComboBox<OutcomeStatus> outcome = FilterBox.of("history-outcome", "All outcomes", OutcomeStatus.values(),
                OutcomeStatus::name);
        outcome.valueProperty().bindBidirectional(vm.outcomeProperty());
        DatePicker from = new DatePicker();
        from.setId("history-from");
        from.setPromptText("From (UTC day)");
        from.setPrefWidth(150);
        from.valueProperty().bindBidirectional(vm.fromDayProperty());
        DatePicker to = new DatePicker();
        to.setId("history-to");
        to.setPromptText("To (UTC day)");
        to.setPrefWidth(150);
        to.valueProperty().bindBidirectional(vm.toDayProperty());
        Button csv = new Button("Export CSV");
        csv.setId("history-export-csv");
        csv.setOnAction(e -> export(vm, false));
        Button jsonl = new Button("Export JSON Lines");
        jsonl.setId("history-export-jsonl");
        jsonl.setOnAction(e -> export(vm, true));

        Label count = new Label();
        count.getStyleClass().add("muted");
        count.textProperty().bind(vm.summaryProperty());

        HBox bar = new HBox(8, text, from, to, module, action, source, outcome, csv, jsonl, count);
        bar.getStyleClass().add("filter-bar");
        bar.setPadding(new Insets(6, 8, 6, 8));

        TableView<StoredDecision> table = new TableView<>(vm.rows());
        table.setId("history-table");
        table.getColumns().add(column("#", 60, s -> Long.toString(s.seq())));
        table.getColumns().add(column("Time (UTC)", 190, s -> s.decision().time().toString().replace('T', ' ')
                .replaceAll("\\.\\d+Z$", "Z")));
        table.getColumns().add(column("Action", 80, s -> s.decision().action().name()));
        table.getColumns().add(column("Module", 100, s -> s.decision().module() == null ? ""
                : s.decision().module().key()));
        table.getColumns().add(column("Priority", 130, s -> s.decision().priority() == null ? ""
                : s.decision().priority().name()));
        table.getColumns().add(column("Source", 80, s -> s.decision().source().name()));
        table.getColumns().add(column("Outcome", 90, s -> s.outcome().map(o -> o.status().name()).orElse("")));
        TableColumn<StoredDecision, String> why = column("Rationale", 520, s -> s.decision().rationale());
        table.getColumns().add(why);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(StoredDecision item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("alert-critical", "alert-high", "alert-medium", "alert-low");
                if (!empty && item != null && item.decision().action() == DecisionAction.ALERT
                        && item.decision().priority() != null) {
                    getStyleClass().add("alert-" + item.decision().priority().name().toLowerCase());
                }
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> vm.select(b));

        TextArea detail = new TextArea();
        detail.setId("history-detail");
        detail.setEditable(false);
        detail.setWrapText(true);
        detail.getStyleClass().add("detail");
        detail.textProperty().bind(vm.detailProperty());

        SplitPane split = new SplitPane(table, detail);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.66);

        setTop(bar);
        setCenter(split);
    }

    /** Writes every decision matching the filters to a file the user picks. */
    private void export(DecisionHistoryViewModel vm, boolean jsonLines) {
        FileChooser fc = new FileChooser();
        fc.setTitle("Export decisions as " + (jsonLines ? "JSON Lines" : "CSV"));
        fc.getExtensionFilters().add(jsonLines ? new FileChooser.ExtensionFilter("JSON Lines", "*.jsonl")
                : new FileChooser.ExtensionFilter("CSV", "*.csv"));
        File file = fc.showSaveDialog(getScene().getWindow());
        if (file != null) {
            vm.exportTo(file.toPath(), jsonLines);
        }
    }

    private static TableColumn<StoredDecision, String> column(String title, double width,
                                                              Function<StoredDecision, String> value) {
        TableColumn<StoredDecision, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(value.apply(cd.getValue())));
        return c;
    }
}
