package org.dang.app.market;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;

import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

import org.dang.engine.access.Action;
import org.dang.engine.access.User;
import org.dang.engine.client.ModuleRuns;
import org.dang.engine.client.RunFailure;
import org.dang.engine.module.market.Finding;
import org.dang.engine.module.market.MarketReport;
import org.dang.engine.situation.MarketIndicators;

/**
 * State of the market view: the as-of date in, the latest analysis out. A run is requested through
 * {@link ModuleRuns} (the engine checks the role and audits it, embedded or remote); its report, or any
 * analysis the engine ran on its own, is turned into a {@link MarketViewState} off the FX thread, and the
 * FX thread only swaps it in. A failure (role, unreachable engine, module) is the status line.
 */
public final class MarketViewModel {

    private final ModuleRuns runs;
    private final User user;
    private final ExecutorService background;
    private final AtomicLong shown = new AtomicLong();
    private final ObjectProperty<LocalDate> asOf = new SimpleObjectProperty<>(LocalDate.now(ZoneOffset.UTC));
    private final ReadOnlyObjectWrapper<MarketViewState> state = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(
            "No analysis yet: pick a date and run the analysis.");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);

    /** A market view-model asking {@code runs} (embedded or remote engine) as {@code user}. */
    public MarketViewModel(ModuleRuns runs, User user, ExecutorService background) {
        this.runs = runs;
        this.user = user;
        this.background = background;
    }

    /** Runs the analysis as of the chosen date through the engine (any thread; the work runs elsewhere). */
    public void refresh() {
        LocalDate date = asOf.get();
        if (date == null) {
            status.set("Pick a date first.");
            return;
        }
        running.set(true);
        status.set("Analysing the market as of " + date + " ...");
        // The request is audited before it runs (a store write): off the FX thread.
        background.execute(() -> runs.analyseMarket(date, this::progress).whenComplete((report, failure) -> {
            if (failure != null) {
                finish(RunFailure.from(failure, "market analysis as of " + date).getMessage());
            } else {
                show(report);
            }
        }));
    }

    /** Shows {@code report} (from this view's request or from a run the engine decided on); any thread. */
    public void show(MarketReport report) {
        long mine = shown.incrementAndGet();
        MarketViewState s = state(report);
        String text = report.summary();
        Platform.runLater(() -> {
            if (mine == shown.get()) {
                state.set(s);
                status.set(text);
                running.set(false);
            }
        });
    }

    /** Reports the progress of a running analysis; any thread. */
    public void progress(double fraction, String message) {
        String text = fraction < 0 ? message : String.format(Locale.ROOT, "%s (%.0f%%)", message, 100 * fraction);
        Platform.runLater(() -> status.set(text));
    }

    private void finish(String text) {
        Platform.runLater(() -> {
            status.set(text);
            running.set(false);
        });
    }

    static MarketViewState state(MarketReport r) {
        List<FindingRow> rows = new ArrayList<>(r.findings().size());
        int rank = 1;
        for (Finding f : r.findings()) {
            rows.add(new FindingRow(rank++, f.change(), words(f.kind().name()), f.headline(),
                    Double.isFinite(f.sigma()) ? String.format(Locale.ROOT, "%+.1f", f.sigma()) : ""));
        }
        MarketIndicators m = r.indicators();
        String indicators = String.format(Locale.ROOT, "Rule 4 inputs: price %+.1f sigma, crack spread %+.1f sigma,"
                        + " inventory surprise %+.1f sigma, margin shift %+.1f %%, market data %s", m.priceMoveSigma(),
                m.crackSpreadMoveSigma(), m.inventorySurpriseSigma(), m.marginShiftPct(),
                m.dataQuality().name().toLowerCase(Locale.ROOT));
        return new MarketViewState(r.asOf(), indicators, rows, String.join("\n", r.notes()), r.stocks(),
                r.crackSpread(), r.daysOfSupply());
    }

    private static String words(String constant) {
        String s = constant.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Whether the user's role may request the analysis. */
    public boolean mayRefresh() {
        return Action.REQUEST_MODULE_RUN.allowedFor(user.role());
    }

    /** Why not, for the disabled button's tooltip. */
    public String refreshDeniedReason() {
        return Action.REQUEST_MODULE_RUN.denialReason(user.role());
    }

    /** The date the analysis is run as of (end of that day, UTC). */
    public ObjectProperty<LocalDate> asOfProperty() {
        return asOf;
    }

    /** The analysis on screen; null before the first. */
    public ReadOnlyObjectProperty<MarketViewState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** What is happening, or what the last run said. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** True while an analysis this view asked for runs. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }
}
