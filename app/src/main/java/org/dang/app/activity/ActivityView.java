package org.dang.app.activity;

import java.util.function.Function;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.ProgressBarTableCell;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.dang.app.console.Selections;
import org.dang.engine.coordinator.ActiveRun;
import org.dang.engine.store.ModuleRunRecord;

/** Activity: module work running and queued, with progress and cancel; recent runs below. Layout only. */
public final class ActivityView extends BorderPane {

    /** Builds the view bound to {@code vm}. */
    public ActivityView(ActivityViewModel vm) {
        getStyleClass().add("activity-view");
        TableView<ActiveRun> active = new TableView<>(vm.active());
        active.setId("activity-active");
        active.setPlaceholder(new Label("No module work is running or queued."));
        active.getColumns().add(text("Run", 60, r -> Long.toString(r.runId())));
        active.getColumns().add(text("Module", 110, r -> r.module().key()));
        active.getColumns().add(text("Priority", 140, r -> r.priority().name()));
        active.getColumns().add(text("State", 120, r -> r.state().name() + (r.attempt() > 1 ? " (try " + r.attempt()
                + ")" : "")));
        TableColumn<ActiveRun, Double> progress = new TableColumn<>("Progress");
        progress.setPrefWidth(160);
        progress.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue().progress() < 0 ? -1.0
                : cd.getValue().progress()));
        progress.setCellFactory(ProgressBarTableCell.forTableColumn());
        active.getColumns().add(progress);
        active.getColumns().add(text("Step", 320, ActiveRun::progressMessage));
        active.getColumns().add(text("Queued (UTC)", 190, r -> r.queuedAt().toString()));
        active.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Selections.keepAcrossRefreshes(active, ActiveRun::runId);

        Button cancel = new Button("Cancel selected run");
        cancel.setId("activity-cancel");
        if (vm.mayCancel()) {
            cancel.disableProperty().bind(active.getSelectionModel().selectedItemProperty().isNull());
        } else {
            cancel.setDisable(true);
        }
        cancel.setOnAction(e -> vm.cancel(active.getSelectionModel().getSelectedItem()));
        Label reason = new Label(vm.mayCancel() ? "" : vm.cancelDeniedReason());
        reason.getStyleClass().add("muted");
        HBox cancelBox = new HBox(8, cancel, reason);
        if (!vm.mayCancel()) {
            // A disabled control shows no tooltip of its own, so the reason sits on its container.
            Tooltip.install(cancelBox, new Tooltip(vm.cancelDeniedReason()));
        }
        Label message = new Label();
        message.setId("activity-message");
        message.textProperty().bind(vm.messageProperty());
        HBox bar = new HBox(12, cancelBox, message);
        bar.getStyleClass().add("filter-bar");
        bar.setPadding(new Insets(6, 8, 6, 8));

        TableView<ModuleRunRecord> recent = new TableView<>(vm.recent());
        recent.setId("activity-recent");
        recent.setPlaceholder(new Label("No module has run yet."));
        recent.getColumns().add(recentText("Finished (UTC)", 190, r -> r.finishedAt().toString()));
        recent.getColumns().add(recentText("Module", 110, ModuleRunRecord::module));
        recent.getColumns().add(recentText("Priority", 140, ModuleRunRecord::priority));
        recent.getColumns().add(recentText("Status", 110, ModuleRunRecord::status));
        recent.getColumns().add(recentText("Took", 80, r -> r.duration() == null ? "" : r.duration().toMillis()
                + " ms"));
        recent.getColumns().add(recentText("Result", 500, ModuleRunRecord::detail));
        recent.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        SplitPane split = new SplitPane(new VBox(new Label("  Running and queued"), active),
                new VBox(new Label("  Recent runs"), recent));
        split.setOrientation(Orientation.VERTICAL);
        VBox.setVgrow(active, Priority.ALWAYS);
        VBox.setVgrow(recent, Priority.ALWAYS);
        setTop(bar);
        setCenter(split);
    }

    private static TableColumn<ActiveRun, String> text(String title, double width, Function<ActiveRun, String> f) {
        TableColumn<ActiveRun, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(f.apply(cd.getValue())));
        return c;
    }

    private static TableColumn<ModuleRunRecord, String> recentText(String title, double width,
                                                                   Function<ModuleRunRecord, String> f) {
        TableColumn<ModuleRunRecord, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(f.apply(cd.getValue())));
        return c;
    }
}
