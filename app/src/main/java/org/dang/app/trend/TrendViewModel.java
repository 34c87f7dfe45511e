package org.dang.app.trend;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

import org.dang.engine.client.TagReadings;
import org.dang.engine.plant.TagDefinition;
import org.dang.engine.plant.TagSeries;
import org.dang.engine.situation.Quality;

/**
 * State of the trends view: which tags over which range in, pens ready to draw out. Series are
 * copied from the tag store and converted off the FX thread; the FX thread only swaps the result.
 */
public final class TrendViewModel {

    private final TagReadings store;
    private final Map<String, TagDefinition> definitions;
    private final ExecutorService background;
    private final AtomicLong generation = new AtomicLong();
    private final ObservableList<String> available = FXCollections.observableArrayList();
    private final ObservableList<String> selected = FXCollections.observableArrayList();
    private final ObjectProperty<TrendRange> range = new SimpleObjectProperty<>(TrendRange.DAY);
    private final ReadOnlyObjectWrapper<List<TrendData>> pens = new ReadOnlyObjectWrapper<>(List.of());

    /** A view-model over the engine's tag readings (embedded or remote); {@code tags} describes units and names. */
    public TrendViewModel(TagReadings store, List<TagDefinition> tags, ExecutorService background) {
        this.store = store;
        this.definitions = tags.stream().collect(Collectors.toMap(TagDefinition::tag, Function.identity(),
                (a, b) -> a, LinkedHashMap::new));
        this.background = background;
        available.setAll(definitions.keySet());
        selected.addListener((ListChangeListener<String>) c -> refresh());
        range.addListener((o, a, b) -> refresh());
    }

    /** Reloads the pens from the tag store (any thread; the selection is read on the FX thread). */
    public void refresh() {
        if (!Platform.isFxApplicationThread()) {
            // A throttle's refresh must not copy the selection while the operator changes it, nor overtake that change.
            Platform.runLater(this::refresh);
            return;
        }
        List<String> tags = List.copyOf(selected);
        TrendRange r = range.get();
        long mine = generation.incrementAndGet();
        background.execute(() -> {
            List<TrendData> out = new ArrayList<>(tags.size());
            for (String tag : tags) {
                out.add(pen(tag, r));
            }
            Platform.runLater(() -> {
                if (mine == generation.get()) {
                    pens.set(List.copyOf(out));
                }
            });
        });
    }

    private TrendData pen(String tag, TrendRange r) {
        Instant to = store.latest(tag).map(s -> s.time().plusMillis(1)).orElse(null);
        Instant from = r.span() == null || to == null ? null : to.minus(r.span());
        TagSeries s = store.series(tag, from, to);
        double[] x = new double[s.size()];
        boolean[] bad = new boolean[s.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = s.epochMillis()[i] / 1000.0;
            bad[i] = s.qualities()[i] != Quality.GOOD;
        }
        TagDefinition d = definitions.get(tag);
        return new TrendData(tag, d == null ? "" : d.description(), d == null ? "" : d.unit(), x, s.values(), bad);
    }

    /** Writes the pens on screen as CSV. */
    public void exportCsv(Writer out) throws IOException {
        TrendExport.csv(pens.get(), out);
    }

    /** Tags that can be trended. */
    public ObservableList<String> available() {
        return available;
    }

    /** Tags on the trend, top to bottom. */
    public ObservableList<String> selected() {
        return selected;
    }

    /** The time range. */
    public ObjectProperty<TrendRange> rangeProperty() {
        return range;
    }

    /** Pens ready to draw. */
    public ReadOnlyObjectProperty<List<TrendData>> pensProperty() {
        return pens.getReadOnlyProperty();
    }

    /** Description of a tag for labels. */
    public String describe(String tag) {
        TagDefinition d = definitions.get(tag);
        return d == null ? tag : tag + " - " + d.description() + (d.unit().isEmpty() ? "" : " [" + d.unit() + "]");
    }
}
