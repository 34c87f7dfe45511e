package org.dang.app.trend;

import java.util.List;
import java.util.concurrent.CompletionException;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import org.dang.engine.access.Action;
import org.dang.engine.access.AuditedActions;
import org.dang.engine.access.User;
import org.dang.engine.coordinator.ModuleCoordinator;
import org.dang.engine.coordinator.ModuleRun;
import org.dang.engine.coordinator.ModuleRunEvent;
import org.dang.engine.coordinator.ModuleRunListener;
import org.dang.engine.module.WorkPriority;
import org.dang.engine.module.forecast.ForecastRequest;
import org.dang.engine.module.forecast.ForecastResult;

/**
 * Asks the engine's coordinator for a forecast of one tag (an operator request) and publishes its progress and
 * result to the trend view. The run happens on the coordinator's threads; this class only submits, listens and
 * hands each change to the FX thread with one {@code Platform.runLater}. Requests are audited module-run requests,
 * refused to roles that may not request runs.
 */
public final class ForecastMediator {

    /** Steps forecast from the trend: twelve hours at the module's default one-hour step. */
    static final int HORIZON = 12;

    private final ModuleCoordinator coordinator;
    private final AuditedActions actions;
    private final User user;
    private final ReadOnlyObjectWrapper<ForecastBand> band = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);

    /** A mediator submitting to {@code coordinator} on behalf of {@code user}, audited through {@code actions}. */
    public ForecastMediator(ModuleCoordinator coordinator, AuditedActions actions, User user) {
        this.coordinator = coordinator;
        this.actions = actions;
        this.user = user;
    }

    /** Whether the user's role may request a forecast. */
    public boolean allowed() {
        return Action.REQUEST_MODULE_RUN.allowedFor(user.role());
    }

    /** Why the user may not request a forecast (empty when allowed). */
    public String deniedReason() {
        return allowed() ? "" : Action.REQUEST_MODULE_RUN.denialReason(user.role());
    }

    /** Starts a forecast of {@code tag}; call on the FX thread. Ignored while one is running. */
    public void forecast(String tag) {
        if (running.get()) {
            return;
        }
        running.set(true);
        band.set(null);
        progress.set(-1);
        status.set("forecast of " + tag + " queued");
        ModuleRun<ForecastResult> run;
        try {
            @SuppressWarnings("unchecked")
            ModuleRun<ForecastResult>[] submitted = new ModuleRun[1];
            actions.perform(user, Action.REQUEST_MODULE_RUN, "forecasting " + tag, () -> {
                submitted[0] = coordinator.submit(ForecastRequest.of(List.of(tag), HORIZON), WorkPriority.OPERATOR_REQUEST);
                return "forecast of " + tag + " for " + HORIZON + " h submitted as run " + submitted[0].runId();
            });
            run = submitted[0];
        } catch (RuntimeException e) { // AccessDeniedException included: the reason is shown
            finish(null, "forecast of " + tag + " not started: " + e.getMessage());
            return;
        }
        ModuleRunListener listener = event -> {
            if (event.runId() == run.runId() && event instanceof ModuleRunEvent.Progress p) {
                Platform.runLater(() -> {
                    progress.set(p.fraction());
                    status.set(p.message());
                });
            }
        };
        coordinator.addListener(listener);
        run.result().whenComplete((result, failure) -> {
            coordinator.removeListener(listener);
            Throwable cause = failure instanceof CompletionException c && c.getCause() != null ? c.getCause() : failure;
            ForecastBand b = result == null ? null : ForecastBand.of(result.forecasts().getFirst());
            String text = cause == null ? b.model() : "forecast of " + tag + " failed: " + cause.getMessage();
            Platform.runLater(() -> finish(b, text));
        });
    }

    private void finish(ForecastBand b, String text) {
        band.set(b);
        progress.set(b == null ? 0 : 1);
        status.set(text);
        running.set(false);
    }

    /** The newest forecast, null while none or after a failure. */
    public ReadOnlyObjectProperty<ForecastBand> bandProperty() {
        return band.getReadOnlyProperty();
    }

    /** Progress of the running forecast, −1 when unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** What is happening, or the chosen model and why, or the failure. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** True while a forecast runs. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }
}
