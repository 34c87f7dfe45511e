package org.dang.app.alarm;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.dang.app.console.FilterBox;
import org.dang.app.console.Selections;
import org.dang.engine.access.Action;
import org.dang.engine.alarm.AlarmRecord;
import org.dang.engine.decision.AlertPriority;

/**
 * The alarm list: filter, acknowledge (one or all), shelve with a reason and an expiry, unshelve;
 * double-click an alarm to open its tag's trend. Rows take their priority colour while they wait for
 * acknowledgement. Layout only.
 */
public final class AlarmView extends BorderPane {

    /** Shelve times offered: up to a shift (the board allows at most 12 h). */
    enum ShelveFor {
        MIN_15("15 min", Duration.ofMinutes(15)), HOUR_1("1 hour", Duration.ofHours(1)),
        HOURS_4("4 hours", Duration.ofHours(4)), HOURS_12("12 hours (a shift)", Duration.ofHours(12));

        final String label;
        final Duration duration;

        ShelveFor(String label, Duration duration) {
            this.label = label;
            this.duration = duration;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** Builds the view bound to {@code vm}; {@code openTrend} shows a tag's trend. */
    public AlarmView(AlarmViewModel vm, Consumer<String> openTrend) {
        getStyleClass().add("alarm-view");
        TextField filter = new TextField();
        filter.setId("alarm-filter");
        filter.setPromptText("Filter by tag or text");
        filter.textProperty().bindBidirectional(vm.textProperty());
        HBox.setHgrow(filter, Priority.ALWAYS);
        ComboBox<AlertPriority> priority = FilterBox.of("alarm-priority", "All priorities", AlertPriority.values(),
                AlertPriority::name);
        priority.valueProperty().bindBidirectional(vm.priorityProperty());
        CheckBox shelved = new CheckBox("Show shelved");
        shelved.selectedProperty().bindBidirectional(vm.showShelvedProperty());

        TableView<AlarmRecord> table = new TableView<>(vm.rows());
        table.setId("alarm-table");
        table.setPlaceholder(new Label("No alarms: the unit is within its limits."));
        table.getColumns().add(column("Priority", 90, a -> a.priority().name()));
        table.getColumns().add(column("State", 120, a -> a.state().name() + (a.chattering() ? " (chattering)" : "")));
        table.getColumns().add(column("Alarm", 200, AlarmRecord::id));
        table.getColumns().add(column("Value", 90, a -> Double.isNaN(a.value()) ? "" : String.format(Locale.ROOT,
                "%.4g", a.value())));
        table.getColumns().add(column("Limit", 80, a -> Double.isNaN(a.limit()) ? "" : String.format(Locale.ROOT,
                "%.4g", a.limit())));
        table.getColumns().add(column("Raised (UTC)", 170, a -> a.raisedAt() == null ? "" : a.raisedAt().toString()));
        table.getColumns().add(column("Acknowledged by", 120, a -> a.acknowledgedBy() == null ? ""
                : a.acknowledgedBy()));
        table.getColumns().add(column("Message", 480, a -> a.message() + (a.shelvedUntil() == null ? ""
                : "  [shelved until " + a.shelvedUntil() + ": " + a.shelveReason() + "]")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Selections.keepAcrossRefreshes(table, AlarmRecord::id);
        table.setRowFactory(t -> {
            TableRow<AlarmRecord> row = new TableRow<>() {
                @Override
                protected void updateItem(AlarmRecord a, boolean empty) {
                    super.updateItem(a, empty);
                    getStyleClass().removeIf(c -> c.startsWith("alert-"));
                    if (!empty && a != null && a.state().name().startsWith("UNACK")) {
                        getStyleClass().add("alert-" + a.priority().name().toLowerCase(Locale.ROOT));
                    }
                }
            };
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    openTrend.accept(row.getItem().tag());
                }
            });
            return row;
        });

        Button ack = gated(vm, Action.ACKNOWLEDGE_ALARM, new Button("Acknowledge"), "alarm-ack");
        ack.setOnAction(e -> selected(table, vm::acknowledge));
        Button ackAll = gated(vm, Action.ACKNOWLEDGE_ALARM, new Button("Acknowledge all listed"), "alarm-ack-all");
        ackAll.setOnAction(e -> vm.acknowledgeAll(List.copyOf(table.getItems())));
        TextField reason = new TextField();
        reason.setId("alarm-shelve-reason");
        reason.setPromptText("Reason for shelving");
        ComboBox<ShelveFor> expiry = new ComboBox<>();
        expiry.setId("alarm-shelve-for");
        expiry.getItems().setAll(ShelveFor.values());
        expiry.setValue(ShelveFor.HOUR_1);
        Button shelve = gated(vm, Action.SHELVE_ALARM, new Button("Shelve"), "alarm-shelve");
        shelve.setOnAction(e -> selected(table, a -> vm.shelve(a, reason.getText(), expiry.getValue().duration)));
        Button unshelve = gated(vm, Action.UNSHELVE_ALARM, new Button("Unshelve"), "alarm-unshelve");
        unshelve.setOnAction(e -> selected(table, vm::unshelve));
        reason.setDisable(!vm.may(Action.SHELVE_ALARM));
        expiry.setDisable(!vm.may(Action.SHELVE_ALARM));

        Label message = new Label();
        message.setId("alarm-message");
        message.textProperty().bind(vm.messageProperty());

        HBox filters = new HBox(8, filter, priority, shelved);
        filters.getStyleClass().add("filter-bar");
        filters.setPadding(new Insets(6, 8, 6, 8));
        HBox commands = new HBox(8, wrap(vm, Action.ACKNOWLEDGE_ALARM, ack), wrap(vm, Action.ACKNOWLEDGE_ALARM, ackAll),
                reason, expiry, wrap(vm, Action.SHELVE_ALARM, shelve), wrap(vm, Action.UNSHELVE_ALARM, unshelve),
                message);
        commands.getStyleClass().add("filter-bar");
        commands.setPadding(new Insets(0, 8, 6, 8));
        setTop(new VBox(filters, commands));
        setCenter(table);
    }

    private static void selected(TableView<AlarmRecord> table, Consumer<AlarmRecord> action) {
        AlarmRecord a = table.getSelectionModel().getSelectedItem();
        if (a != null) {
            action.accept(a);
        }
    }

    private static Button gated(AlarmViewModel vm, Action action, Button b, String id) {
        b.setId(id);
        b.setDisable(!vm.may(action));
        return b;
    }

    /** A disabled button shows no tooltip itself, so the reason sits on a wrapper around it. */
    private static Node wrap(AlarmViewModel vm, Action action, Button b) {
        HBox box = new HBox(b);
        if (!vm.may(action)) {
            Tooltip.install(box, new Tooltip(vm.whyNot(action)));
            box.setUserData(vm.whyNot(action));
        }
        return box;
    }

    private static TableColumn<AlarmRecord, String> column(String title, double width,
                                                           Function<AlarmRecord, String> value) {
        TableColumn<AlarmRecord, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(value.apply(cd.getValue())));
        return c;
    }
}
