package org.dang.app.history;

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

import org.dang.engine.decision.DecisionAction;
import org.dang.engine.decision.DecisionSource;
import org.dang.engine.module.ModuleName;
import org.dang.engine.store.DecisionPage;
import org.dang.engine.store.DecisionQuery;
import org.dang.engine.store.DecisionStore;
import org.dang.engine.store.StoredDecision;

/**
 * State of the decision history view: filters in, one page of matching decisions and the selected
 * decision's detail out. Queries run on a background executor; results land on the FX thread in one
 * {@link Platform#runLater}, and a stale result (an older query finishing late) is dropped.
 */
public final class DecisionHistoryViewModel {

    private static final int PAGE = 500;

    private final DecisionStore store;
    private final ExecutorService background;
    private final AtomicLong generation = new AtomicLong();

    private final StringProperty text = new SimpleStringProperty("");
    private final ObjectProperty<ModuleName> module = new SimpleObjectProperty<>();
    private final ObjectProperty<DecisionAction> action = new SimpleObjectProperty<>();
    private final ObjectProperty<DecisionSource> source = new SimpleObjectProperty<>();
    private final ObservableList<StoredDecision> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper("Select a decision to see its inputs,"
            + " rationale and chain hash.");

    /** A view-model over {@code store}, querying on {@code background}. */
    public DecisionHistoryViewModel(DecisionStore store, ExecutorService background) {
        this.store = store;
        this.background = background;
        text.addListener((o, a, b) -> refresh());
        module.addListener((o, a, b) -> refresh());
        action.addListener((o, a, b) -> refresh());
        source.addListener((o, a, b) -> refresh());
    }

    /** Re-runs the query with the current filters (any thread). */
    public void refresh() {
        DecisionQuery q = DecisionQuery.latest(PAGE).withText(text.get()).withModule(module.get())
                .withAction(action.get()).withSource(source.get());
        long mine = generation.incrementAndGet();
        background.execute(() -> {
            DecisionPage page = store.query(q);
            Platform.runLater(() -> {
                if (mine == generation.get()) {
                    rows.setAll(page.items());
                    summary.set(page.items().size() + " of " + page.total() + " matching decisions");
                }
            });
        });
    }

    /** Loads the detail of {@code s} (its stored inputs) off the FX thread. */
    public void select(StoredDecision s) {
        if (s == null) {
            return;
        }
        background.execute(() -> {
            String text = DecisionDetail.describe(s, store.situationJson(s.situationHash()));
            Platform.runLater(() -> detail.set(text));
        });
    }

    /** Free-text filter. */
    public StringProperty textProperty() {
        return text;
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
