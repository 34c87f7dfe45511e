package org.dang.engine.client;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.dang.engine.Engine;
import org.dang.engine.plant.DataProblem;
import org.dang.engine.plant.PlantDataListener;
import org.dang.engine.plant.PlantDataSource;
import org.dang.engine.plant.PlantScan;
import org.dang.engine.plant.TagDefinition;
import org.dang.engine.plant.TagSample;
import org.dang.engine.plant.TagSeries;
import org.dang.engine.situation.MarketQuote;
import org.dang.engine.watch.AnomalyStatus;

/** Tag readings of an engine in this process: its tag store, and a scan listener on its plant feed. */
final class EmbeddedTags implements TagReadings {

    private final Engine engine;
    private final List<Subscription> owned;

    EmbeddedTags(Engine engine, List<Subscription> owned) {
        this.engine = engine;
        this.owned = owned;
    }

    @Override
    public List<TagDefinition> definitions() {
        PlantDataSource source = engine.plant().source();
        return source == null ? List.of() : source.tags();
    }

    @Override
    public Optional<TagSample> latest(String tag) {
        return engine.plant().tags().latest(tag);
    }

    @Override
    public TagSeries series(String tag, Instant from, Instant to) {
        return engine.plant().tags().series(tag, from, to);
    }

    @Override
    public Optional<MarketQuote> crackSpreadAt(Instant time) {
        return engine.crackSpreadAt(time);
    }

    @Override
    public Optional<AnomalyStatus> anomalies() {
        return engine.anomalies();
    }

    @Override
    public Subscription watch(Runnable changed) {
        PlantDataListener l = new PlantDataListener() {
            @Override
            public void scan(PlantScan scan) {
                changed.run();
            }

            @Override
            public void problem(DataProblem problem) {
                // Data problems are listed by the status bar, not redrawn in views.
            }
        };
        engine.plant().addListener(l);
        Subscription s = () -> engine.plant().removeListener(l);
        owned.add(s);
        return s;
    }
}
