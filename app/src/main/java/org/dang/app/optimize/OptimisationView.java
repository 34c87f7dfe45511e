package org.dang.app.optimize;

import java.util.Locale;
import java.util.function.Function;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.dang.engine.module.optimize.ConstraintMargin;

/**
 * The optimisation view: current against proposed setpoints with a checkbox per row, the expected
 * effect, every hard constraint before and after, and propose / approve / reject. Layout only.
 */
public final class OptimisationView extends BorderPane {

    /** Lays out the view over {@code vm}. */
    public OptimisationView(OptimisationViewModel vm) {
        getStyleClass().add("optimisation-view");

        Button propose = new Button("Propose");
        propose.setId("optimisation-propose");
        Button approve = new Button("Approve selected");
        approve.setId("optimisation-approve");
        Button reject = new Button("Reject");
        reject.setId("optimisation-reject");
        TextField reason = new TextField();
        reason.setId("optimisation-reason");
        reason.setPromptText("reason for rejecting (audited)");
        reason.setPrefColumnCount(24);

        HBox proposeBox = new HBox(propose);
        if (vm.mayPropose()) {
            propose.disableProperty().bind(vm.busyProperty());
        } else {
            propose.setDisable(true);
            // A disabled control shows no tooltip of its own, so the reason sits on its container.
            Tooltip.install(proposeBox, new Tooltip(vm.proposeDeniedReason()));
        }
        HBox decideBox = new HBox(8, approve, reject, reason);
        if (vm.mayApprove()) {
            var noProposal = vm.proposalProperty().isNull().or(vm.busyProperty());
            approve.disableProperty().bind(noProposal.or(Bindings.createBooleanBinding(
                    () -> vm.proposalProperty().get() != null && vm.proposalProperty().get().refused(),
                    vm.proposalProperty())));
            reject.disableProperty().bind(noProposal);
        } else {
            approve.setDisable(true);
            reject.setDisable(true);
            reason.setDisable(true);
            Tooltip.install(decideBox, new Tooltip(vm.approveDeniedReason()));
        }
        approve.setOnAction(e -> vm.approve());
        reject.setOnAction(e -> vm.reject(reason.getText()));
        propose.setOnAction(e -> vm.propose());

        Label status = new Label();
        status.setId("optimisation-status");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        HBox bar = new HBox(12, proposeBox, decideBox);
        bar.getStyleClass().add("filter-bar");
        bar.setPadding(new Insets(6, 8, 6, 8));

        TableView<ProposalRow> moves = new TableView<>(vm.rows());
        moves.setId("optimisation-moves");
        moves.setEditable(true);
        moves.setPlaceholder(new Label("Press Propose to ask the optimisation agent for its next move."));
        TableColumn<ProposalRow, Boolean> use = new TableColumn<>("Apply");
        use.setCellValueFactory(cd -> cd.getValue().selectedProperty());
        use.setCellFactory(CheckBoxTableCell.forTableColumn(use));
        use.setEditable(vm.mayApprove());
        use.setPrefWidth(70);
        moves.getColumns().add(use);
        moves.getColumns().add(column("Setpoint", 200, r -> r.move().setpoint()));
        moves.getColumns().add(column("Current", 130, r -> number(r.move().current()) + " " + r.move().unit()));
        moves.getColumns().add(column("Proposed", 130, r -> number(r.move().proposed()) + " " + r.move().unit()));
        moves.getColumns().add(column("Change", 130, r -> r.move().moves()
                ? (r.move().change() > 0 ? "+" : "") + number(r.move().change()) : "-"));
        moves.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        moves.setPrefHeight(240);

        Label effect = new Label();
        effect.setId("optimisation-effect");
        effect.setWrapText(true);
        effect.textProperty().bind(vm.effectProperty());

        TableView<ConstraintMargin> limits = new TableView<>(vm.constraints());
        limits.setId("optimisation-constraints");
        limits.setPlaceholder(new Label("Constraint margins appear with a proposal."));
        limits.getColumns().add(textColumn("Hard constraint", 200, ConstraintMargin::constraint));
        limits.getColumns().add(textColumn("Limit", 130, c -> (c.maximum() ? "max " : "min ") + number(c.limit())
                + " " + c.unit()));
        limits.getColumns().add(textColumn("Now", 130, c -> number(c.current())));
        limits.getColumns().add(textColumn("After move", 130, c -> number(c.proposed())));
        limits.getColumns().add(textColumn("Margin after", 130, c -> number(c.marginAfter())));
        limits.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        limits.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(ConstraintMargin c, boolean empty) {
                super.updateItem(c, empty);
                // Colour only for the abnormal: a limit that would be crossed.
                getStyleClass().remove("alarm-text");
                if (!empty && c != null && c.marginAfter() < 0) {
                    getStyleClass().add("alarm-text");
                }
            }
        });

        Label movesTitle = new Label("Current and proposed setpoints");
        movesTitle.getStyleClass().add("section-title");
        Label limitsTitle = new Label("Hard constraints, steady state before and after the move");
        limitsTitle.getStyleClass().add("section-title");
        VBox body = new VBox(8, movesTitle, moves, effect, limitsTitle, limits, status);
        VBox.setVgrow(limits, Priority.ALWAYS);
        body.setPadding(new Insets(8));
        setTop(bar);
        setCenter(body);
    }

    private static TableColumn<ProposalRow, String> column(String title, double width,
                                                           Function<ProposalRow, String> f) {
        TableColumn<ProposalRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(f.apply(cd.getValue())));
        c.setPrefWidth(width);
        c.setEditable(false);
        return c;
    }

    private static TableColumn<ConstraintMargin, String> textColumn(String title, double width,
                                                                    Function<ConstraintMargin, String> f) {
        TableColumn<ConstraintMargin, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(f.apply(cd.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private static String number(double v) {
        double a = Math.abs(v);
        return a >= 1000 ? String.format(Locale.ROOT, "%,.0f", v)
                : a >= 10 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.3f", v);
    }
}
