package org.dang.app.activity;

import java.util.List;
import java.util.concurrent.ExecutorService;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.dang.engine.access.AccessDeniedException;
import org.dang.engine.access.Action;
import org.dang.engine.access.User;
import org.dang.engine.client.ModuleActivity;
import org.dang.engine.coordinator.ActiveRun;
import org.dang.engine.store.ModuleRunRecord;

/**
 * State of the activity view: module work running and queued (with progress), recent finished
 * runs, and the operator's cancel, checked against the role and audited.
 */
public final class ActivityViewModel {

    private final ModuleActivity modules;
    private final User user;
    private final ExecutorService background;
    private final ObservableList<ActiveRun> active = FXCollections.observableArrayList();
    private final ObservableList<ModuleRunRecord> recent = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    /** An activity view-model over the engine's module work (embedded or remote) for {@code user}. */
    public ActivityViewModel(ModuleActivity modules, User user, ExecutorService background) {
        this.modules = modules;
        this.user = user;
        this.background = background;
    }

    /** Reloads running, queued and recent runs (any thread). */
    public void refresh() {
        background.execute(() -> {
            List<ActiveRun> now = modules.active();
            List<ModuleRunRecord> done = modules.recent(100);
            Platform.runLater(() -> {
                active.setAll(now);
                recent.setAll(done);
            });
        });
    }

    /** Cancels {@code run} on behalf of the user; the outcome shows in {@link #messageProperty()}. */
    public void cancel(ActiveRun run) {
        String target = run.module().key() + " run " + run.runId();
        background.execute(() -> {
            String outcome;
            try {
                outcome = modules.cancel(run);
            } catch (AccessDeniedException | IllegalStateException e) {
                outcome = e.getMessage();
            } catch (RuntimeException e) {
                outcome = "cancelling " + target + " failed: " + e.getMessage();
            }
            String text = outcome;
            Platform.runLater(() -> message.set(text));
            refresh();
        });
    }

    /** Whether the user's role may cancel runs. */
    public boolean mayCancel() {
        return Action.CANCEL_MODULE_RUN.allowedFor(user.role());
    }

    /** Why not, for the disabled button's tooltip. */
    public String cancelDeniedReason() {
        return Action.CANCEL_MODULE_RUN.denialReason(user.role());
    }

    /** Running first, then queued in run order, then waiting to retry. */
    public ObservableList<ActiveRun> active() {
        return active;
    }

    /** Newest finished runs. */
    public ObservableList<ModuleRunRecord> recent() {
        return recent;
    }

    /** The outcome of the last action. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
