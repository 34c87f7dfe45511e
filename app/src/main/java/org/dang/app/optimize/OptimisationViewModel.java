package org.dang.app.optimize;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.dang.engine.access.AccessDeniedException;
import org.dang.engine.access.Action;
import org.dang.engine.access.User;
import org.dang.engine.client.ProposalQueue;
import org.dang.engine.module.optimize.ConstraintMargin;
import org.dang.engine.module.optimize.OptimizationProposal;

/**
 * State of the optimisation view: the latest proposal (rows with a per-row selection, expected
 * effect, constraint margins), whether a run is in progress, and the operator's propose, approve
 * and reject, each on the background executor (never the FX thread), role-checked and audited.
 */
public final class OptimisationViewModel {

    private final Optional<ProposalQueue> desk;
    private final User user;
    private final ExecutorService background;
    private final ObservableList<ProposalRow> rows = FXCollections.observableArrayList();
    private final ObservableList<ConstraintMargin> constraints = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<OptimizationProposal> proposal = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper effect = new ReadOnlyStringWrapper("No proposal yet.");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    /** Id of the proposal last approved or rejected (FX thread only). */
    private String closedId = "";

    /**
     * A view-model over the engine's proposals (embedded or remote); when no plant takes setpoint moves
     * (replayed history) nothing can be proposed. Approvals go through the engine's proposal desk, so a
     * proposal closed here is closed for the API and every other console too.
     */
    public OptimisationViewModel(ProposalQueue proposals, User user, ExecutorService background) {
        this.desk = proposals.available() ? Optional.of(proposals) : Optional.empty();
        this.user = user;
        this.background = background;
        if (desk.isEmpty()) {
            status.set(proposals.unavailableReason());
        }
    }

    /** Runs the optimisation module through the coordinator (fresh, not from the cache). */
    public void propose() {
        busy.set(true);
        status.set("Asking the optimisation agent ...");
        background.execute(() -> {
            if (desk.isEmpty()) {
                return;
            }
            desk.get().propose().whenComplete((p, failure) -> {
                if (failure != null) {
                    Throwable c = failure instanceof CompletionException e && e.getCause() != null ? e.getCause() : failure;
                    Platform.runLater(() -> {
                        busy.set(false);
                        status.set("Optimisation failed: " + c.getMessage());
                    });
                } else {
                    show(p);
                }
            });
        });
    }

    /**
     * Shows {@code p} (any thread): one runLater with the whole new state. The same proposal
     * arriving twice (the propose button's own run and the mediator's event) keeps the operator's
     * row selection.
     */
    public void show(OptimizationProposal p) {
        String text = effectText(p);
        Platform.runLater(() -> {
            busy.set(false);
            OptimizationProposal shown = proposal.get();
            if (shown != null && shown.id().equals(p.id()) || p.id().equals(closedId)) {
                return; // already shown, or already approved or rejected
            }
            proposal.set(p);
            rows.setAll(p.moves().stream().map(ProposalRow::new).toList());
            constraints.setAll(p.constraints());
            effect.set(text);
            status.set(p.refused() ? "The safety layer refused the agent's move; nothing to approve."
                    : "Proposal " + p.id() + " from " + p.policy() + ": deselect rows you do not want, then approve.");
        });
    }

    /** Shows that the module is working (any thread). */
    public void working(String message) {
        Platform.runLater(() -> {
            busy.set(true);
            status.set(message);
        });
    }

    /** Shows a failure of a run the engine started (any thread). */
    public void failed(String cause) {
        Platform.runLater(() -> {
            busy.set(false);
            status.set("Optimisation failed: " + cause);
        });
    }

    /** Approves the selected rows of the shown proposal (call on the FX thread; the work runs in the background). */
    public void approve() {
        OptimizationProposal p = proposal.get();
        if (p == null || desk.isEmpty()) {
            return;
        }
        Set<String> selected = new LinkedHashSet<>();
        for (ProposalRow r : rows) {
            if (r.selectedProperty().get()) {
                selected.add(r.move().setpoint());
            }
        }
        act(() -> desk.get().approve(p.id(), selected), "Approved: ");
    }

    /** Rejects the shown proposal (FX thread; the work runs in the background). */
    public void reject(String reason) {
        OptimizationProposal p = proposal.get();
        if (p == null || desk.isEmpty()) {
            return;
        }
        act(() -> desk.get().reject(p.id(), reason), "Rejected: ");
    }

    private void act(Supplier<String> work, String prefix) {
        busy.set(true);
        background.execute(() -> {
            String text;
            boolean done = false;
            try {
                text = prefix + work.get();
                done = true;
            } catch (AccessDeniedException | IllegalArgumentException | IllegalStateException | NoSuchElementException e) {
                text = e.getMessage();
            } catch (RuntimeException e) {
                text = "Action failed: " + e.getMessage();
            }
            String shown = text;
            boolean clear = done;
            Platform.runLater(() -> {
                busy.set(false);
                status.set(shown);
                if (clear) {
                    OptimizationProposal closed = proposal.get();
                    closedId = closed == null ? closedId : closed.id();
                    proposal.set(null);
                    rows.clear();
                    constraints.clear();
                    effect.set("No proposal open.");
                }
            });
        });
    }

    static String effectText(OptimizationProposal p) {
        return String.format(Locale.ROOT, "Expected effect: %+,.0f USD/h (margin %.2f -> %.2f USD/bbl),"
                        + " confidence %.2f%s", p.expectedGain(), p.marginNow(), p.marginProposed(), p.confidence(),
                p.notes().isEmpty() ? "" : "; safety layer: " + String.join("; ", p.notes()));
    }

    /** Whether the user may run the module. */
    public boolean mayPropose() {
        return desk.isPresent() && Action.REQUEST_MODULE_RUN.allowedFor(user.role());
    }

    /** Why not, for the tooltip. */
    public String proposeDeniedReason() {
        return desk.isEmpty() ? status.get() : Action.REQUEST_MODULE_RUN.denialReason(user.role());
    }

    /** Whether the user may approve or reject setpoint moves. */
    public boolean mayApprove() {
        return desk.isPresent() && Action.APPROVE_SETPOINT.allowedFor(user.role())
                && Action.REJECT_SETPOINT.allowedFor(user.role());
    }

    /** Why not, for the tooltip. */
    public String approveDeniedReason() {
        return desk.isEmpty() ? status.get() : Action.APPROVE_SETPOINT.denialReason(user.role());
    }

    /** Rows of the shown proposal. */
    public ObservableList<ProposalRow> rows() {
        return rows;
    }

    /** Constraints before and after the shown proposal. */
    public ObservableList<ConstraintMargin> constraints() {
        return constraints;
    }

    /** The shown proposal, or null. */
    public ReadOnlyObjectProperty<OptimizationProposal> proposalProperty() {
        return proposal.getReadOnlyProperty();
    }

    /** Expected effect of the shown proposal. */
    public ReadOnlyStringProperty effectProperty() {
        return effect.getReadOnlyProperty();
    }

    /** What happened last. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** True while a run or an action is in progress. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
