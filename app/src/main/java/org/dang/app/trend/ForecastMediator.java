package org.dang.app.trend;

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
import org.dang.engine.access.User;
import org.dang.engine.client.ModuleRuns;
import org.dang.engine.client.RunFailure;

/**
 * Asks the engine (embedded or remote, through {@link ModuleRuns}) for a forecast of one tag and publishes its
 * progress and result to the trend view. The run happens on the engine; this class only asks, listens and hands
 * each change to the FX thread with one {@code Platform.runLater}. Requests are audited module-run requests,
 * refused to roles that may not request runs; any failure becomes the status line.
 */
public final class ForecastMediator {

    /** Steps forecast from the trend: twelve hours at the module's default one-hour step. */
    static final int HORIZON = 12;

    private final ModuleRuns runs;
    private final User user;
    private final ReadOnlyObjectWrapper<ForecastBand> band = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);

    /** A mediator asking {@code runs} (embedded or remote engine) for forecasts on behalf of {@code user}. */
    public ForecastMediator(ModuleRuns runs, User user) {
        this.runs = runs;
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
        runs.forecast(tag, HORIZON, (fraction, message) -> Platform.runLater(() -> {
            if (running.get()) {
                progress.set(fraction);
                status.set(message);
            }
        })).whenComplete((result, failure) -> {
            ForecastBand b = result == null ? null : ForecastBand.of(result.forecasts().getFirst());
            String text = failure == null ? b.model() : RunFailure.from(failure, "forecast of " + tag).getMessage();
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
