package org.dang.app.overview;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import org.dang.engine.client.TagReadings;
import org.dang.engine.decision.AlertPriority;
import org.dang.engine.plant.TagDefinition;
import org.dang.engine.plant.TagSample;
import org.dang.engine.situation.MarketQuote;
import org.dang.engine.situation.Quality;
import org.dang.engine.watch.AnomalyStatus;

/**
 * State of the overview: for each tile, the newest value, its quality and the highest active alarm
 * on its tag. Built off the FX thread; published in one {@link Platform#runLater}.
 */
public final class OverviewViewModel {

    /** Market figures on the overview are spreads in dollars per barrel. */
    private static final String MARKET_UNIT = "USD/bbl";

    private final List<TileSpec> specs;
    private final TagReadings store;
    private final Map<String, TagDefinition> definitions;
    private final Supplier<Map<String, AlertPriority>> activeAlarms;
    private final ExecutorService background;
    private final Supplier<Optional<AnomalyStatus>> anomalies;
    private final Map<String, Function<Instant, Optional<MarketQuote>>> marketFigures;
    private final ReadOnlyObjectWrapper<List<TileState>> tiles = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<AnomalyStatus> anomaly = new ReadOnlyObjectWrapper<>();

    /**
     * An overview of {@code specs} over {@code store}; {@code activeAlarms} gives the highest active
     * alarm priority per tag (read once per refresh), {@code anomalies} the multivariate monitor's view,
     * and {@code marketFigures} the tiles that show a market figure (by tile name) as of the plant time.
     */
    public OverviewViewModel(List<TileSpec> specs, TagReadings store, List<TagDefinition> tags,
                             Supplier<Map<String, AlertPriority>> activeAlarms,
                             Supplier<Optional<AnomalyStatus>> anomalies,
                             Map<String, Function<Instant, Optional<MarketQuote>>> marketFigures,
                             ExecutorService background) {
        this.specs = List.copyOf(specs);
        this.store = store;
        this.definitions = tags.stream().collect(Collectors.toMap(TagDefinition::tag, t -> t, (a, b) -> a));
        this.activeAlarms = activeAlarms;
        this.anomalies = anomalies;
        this.marketFigures = Map.copyOf(marketFigures);
        this.background = background;
    }

    /** The tiles, in layout order. */
    public List<TileSpec> specs() {
        return specs;
    }

    /** Recomputes every tile (any thread). */
    public void refresh() {
        background.execute(() -> {
            List<TileState> out = new ArrayList<>(specs.size());
            Map<String, AlertPriority> alarms = activeAlarms.get();
            Instant plantTime = plantTime();
            for (TileSpec spec : specs) {
                var market = marketFigures.get(spec.tag());
                out.add(market != null ? marketState(spec, plantTime == null ? Optional.empty() : market.apply(plantTime))
                        : state(spec, alarms.get(spec.tag())));
            }
            AnomalyStatus health = anomalies.get().orElse(null);
            Platform.runLater(() -> {
                tiles.set(List.copyOf(out));
                anomaly.set(health);
            });
        });
    }

    private TileState state(TileSpec spec, AlertPriority alarm) {
        TagDefinition d = definitions.get(spec.tag());
        TagSample s = store.latest(spec.tag()).orElse(null);
        double value = s == null ? Double.NaN : s.value();
        Quality q = s == null ? Quality.MISSING : s.quality();
        double min = d == null ? 0 : d.low();
        double max = d == null ? 100 : d.high();
        double lo = d == null || d.alarms().lo() == null ? Double.NaN : d.alarms().lo();
        double hi = d == null || d.alarms().hi() == null ? Double.NaN : d.alarms().hi();
        return new TileState(spec, d == null ? "" : d.unit(), value, q, alarm, min, max, lo, hi);
    }

    /** The newest sample time over the plant tiles, null before the first scan. */
    private Instant plantTime() {
        Instant newest = null;
        for (TileSpec spec : specs) {
            Optional<TagSample> s = store.latest(spec.tag());
            if (s.isPresent() && (newest == null || s.get().time().isAfter(newest))) {
                newest = s.get().time();
            }
        }
        return newest;
    }

    /** A market figure's tile: its newest published value, MISSING without market data; no alarm limits. */
    private static TileState marketState(TileSpec spec, Optional<MarketQuote> quote) {
        return new TileState(spec, MARKET_UNIT, quote.map(MarketQuote::value).orElse(Double.NaN),
                quote.map(MarketQuote::quality).orElse(Quality.MISSING), null, 0, 60, Double.NaN, Double.NaN);
    }

    /** The multivariate monitor's view of the unit, null without plant data. */
    public ReadOnlyObjectProperty<AnomalyStatus> anomalyProperty() {
        return anomaly.getReadOnlyProperty();
    }

    /** The tiles' current state. */
    public ReadOnlyObjectProperty<List<TileState>> tilesProperty() {
        return tiles.getReadOnlyProperty();
    }
}
