package org.dang.app.history;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;

import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.dang.engine.client.DecisionHistory;
import org.dang.engine.decision.DecisionAction;
import org.dang.engine.decision.DecisionSource;
import org.dang.engine.module.ModuleName;
import org.dang.engine.store.DecisionExport;
import org.dang.engine.store.DecisionPage;
import org.dang.engine.store.DecisionQuery;
import org.dang.engine.store.OutcomeStatus;
import org.dang.engine.store.StoredDecision;

/**
 * State of the decision history view: filters in, one page of matching decisions and the selected
 * decision's detail out. Queries run on a background executor; results land on the FX thread in one
 * {@link Platform#runLater}, and a stale result (an older query finishing late) is dropped.
 */
public final class DecisionHistoryViewModel {

    private static final int PAGE = 500;

    private final DecisionHistory store;
    private final ExecutorService background;
    private final AtomicLong generation = new AtomicLong();

    private final StringProperty text = new SimpleStringProperty("");
    private final ObjectProperty<ModuleName> module = new SimpleObjectProperty<>();
    private final ObjectProperty<DecisionAction> action = new SimpleObjectProperty<>();
    private final ObjectProperty<DecisionSource> source = new SimpleObjectProperty<>();
    private final ObjectProperty<OutcomeStatus> outcome = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> fromDay = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> toDay = new SimpleObjectProperty<>();
    private final ObservableList<StoredDecision> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper("Select a decision to see its inputs,"
            + " rationale and chain hash.");

    /** A view-model over the engine's decision history (embedded or remote), querying on {@code background}. */
    public DecisionHistoryViewModel(DecisionHistory store, ExecutorService background) {
        this.store = store;
        this.background = background;
        text.addListener((o, a, b) -> refresh());
        module.addListener((o, a, b) -> refresh());
        action.addListener((o, a, b) -> refresh());
        source.addListener((o, a, b) -> refresh());
        outcome.addListener((o, a, b) -> refresh());
        fromDay.addListener((o, a, b) -> refresh());
        toDay.addListener((o, a, b) -> refresh());
    }

    /** Re-runs the query with the current filters (any thread; the filters are read on the FX thread). */
    public void refresh() {
        if (!Platform.isFxApplicationThread()) {
            // A throttle's refresh must not read the filters while the operator edits them, nor overtake that edit.
            Platform.runLater(this::refresh);
            return;
        }
        DecisionQuery q = query(PAGE);
        long mine = generation.incrementAndGet();
        background.execute(() -> {
            DecisionPage page = store.page(q);
            Platform.runLater(() -> {
                if (mine == generation.get()) {
                    rows.setAll(page.items());
                    summary.set(page.items().size() + " of " + page.total() + " matching decisions");
                }
            });
        });
    }

    private DecisionQuery query(int limit) {
        // Days are UTC days, inclusive at both ends, as the times in the table are UTC.
        return DecisionQuery.latest(limit).withText(text.get()).withModule(module.get()).withAction(action.get())
                .withSource(source.get()).withOutcome(outcome.get())
                .between(fromDay.get() == null ? null : fromDay.get().atStartOfDay().toInstant(ZoneOffset.UTC),
                        toDay.get() == null ? null : toDay.get().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
    }

    /**
     * Writes every decision matching the filters to {@code file} off the FX thread; the summary tells the
     * outcome. Call on the FX thread: the filters are read here, as they are when the operator asks.
     */
    public void exportTo(Path file, boolean jsonLines) {
        DecisionQuery q = query(DecisionQuery.MAX_LIMIT);
        background.execute(() -> {
            String text;
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                text = "exported " + export(q, w, jsonLines) + " decisions to " + file;
            } catch (IOException | RuntimeException e) {
                text = "export to " + file + " failed: " + e.getMessage();
            }
            String done = text;
            Platform.runLater(() -> summary.set(done));
        });
    }

    /** Writes every decision matching the filters (not only the page shown) as CSV or JSON Lines. */
    public long export(Writer out, boolean jsonLines) throws IOException {
        return export(query(DecisionQuery.MAX_LIMIT), out, jsonLines);
    }

    private long export(DecisionQuery q, Writer out, boolean jsonLines) throws IOException {
        List<StoredDecision> all = store.all(q);
        if (jsonLines) {
            DecisionExport.jsonLines(all, out);
        } else {
            DecisionExport.csv(all, out);
        }
        return all.size();
    }

    /** Loads the detail of {@code s} (its stored inputs) off the FX thread. */
    public void select(StoredDecision s) {
        if (s == null) {
            return;
        }
        background.execute(() -> {
            String text = DecisionDetail.describe(s, store.situationJson(s.situationHash()),
                    store.adviceFor(s.decision().id()));
            Platform.runLater(() -> detail.set(text));
        });
    }

    /** Free-text filter. */
    public StringProperty textProperty() {
        return text;
    }

    /** Latest-outcome filter; null for all. */
    public ObjectProperty<OutcomeStatus> outcomeProperty() {
        return outcome;
    }

    /** First UTC day shown; null for no lower bound. */
    public ObjectProperty<LocalDate> fromDayProperty() {
        return fromDay;
    }

    /** Last UTC day shown; null for no upper bound. */
    public ObjectProperty<LocalDate> toDayProperty() {
        return toDay;
    }

    /** Module filter; null for all. */
    public ObjectProperty<ModuleName> moduleProperty() {
        return module;
    }

    /** Action filter; null for all. */
    public ObjectProperty<DecisionAction> actionProperty() {
        return action;
    }

    /** Source filter; null for all. */
    public ObjectProperty<DecisionSource> sourceProperty() {
        return source;
    }

    /** The current page of decisions, newest first. */
    public ObservableList<StoredDecision> rows() {
        return rows;
    }

    /** "N of M matching decisions". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Detail text of the selected decision. */
    public ReadOnlyStringProperty detailProperty() {
        return detail.getReadOnlyProperty();
    }
}
