package org.dang.engine.watch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dang.engine.module.ModuleName;
import org.dang.engine.plant.TagDefinition;
import org.dang.engine.plant.TagSample;
import org.dang.engine.plant.TagSeries;
import org.dang.engine.plant.TagStore;
import org.dang.engine.situation.KpiReading;
import org.dang.engine.situation.MarketSignal;
import org.dang.engine.situation.ModuleStatus;
import org.dang.engine.situation.PlantEvent;
import org.dang.engine.situation.Quality;
import org.dang.engine.situation.Range;
import org.dang.engine.situation.Situation;
import org.dang.engine.situation.TagSnapshot;

/**
 * Turns the live unit into a decision-contract situation: the modules' required tags with their
 * quality, range and recent history; new abnormal events; KPIs against their baselines; the market
 * indicators as of the plant time; the load of the installed modules.
 */
final class SituationBuilder {

    private final TagStore store;
    private final Map<String, TagDefinition> definitions;
    private final Set<String> requiredTags;
    private final List<KpiBaseline> kpis;
    private final int historySamples;
    private final MarketSignal market;

    SituationBuilder(TagStore store, Map<String, TagDefinition> definitions, Set<String> requiredTags,
                     List<KpiBaseline> kpis, int historySamples, MarketSignal market) {
        this.store = store;
        this.definitions = definitions;
        this.requiredTags = requiredTags;
        this.kpis = kpis;
        this.historySamples = historySamples;
        this.market = market;
    }

    Situation build(Instant now, List<PlantEvent> events, Map<ModuleName, ModuleStatus> modules) {
        List<TagSnapshot> tags = new ArrayList<>();
        for (String tag : requiredTags) {
            store.latest(tag).ifPresent(latest -> tags.add(snapshot(tag, latest)));
        }
        List<KpiReading> performance = new ArrayList<>();
        for (KpiBaseline k : kpis) {
            k.reading(store, now).ifPresent(performance::add);
        }
        return new Situation("cdu-" + now, now, "live unit, " + events.size() + " new event(s)", tags, events,
                performance, market.at(now).orElse(null), null, null, modules, null);
    }

    private TagSnapshot snapshot(String tag, TagSample latest) {
        TagSeries s = store.series(tag, null, null);
        int from = Math.max(0, s.size() - historySamples);
        List<Double> history = new ArrayList<>(s.size() - from);
        for (int i = from; i < s.size(); i++) {
            history.add(s.values()[i]);
        }
        TagDefinition d = definitions.get(tag);
        Double value = Double.isFinite(latest.value()) ? latest.value() : null;
        Quality q = latest.quality();
        return new TagSnapshot(tag, value, d == null ? "" : d.unit(), q, d == null ? null : new Range(d.low(), d.high()),
                history.stream().filter(Double::isFinite).toList());
    }
}
