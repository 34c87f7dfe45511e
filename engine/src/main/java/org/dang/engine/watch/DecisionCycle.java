package org.dang.engine.watch;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.dang.engine.alarm.AlarmEvent;
import org.dang.engine.alarm.AlarmEventType;
import org.dang.engine.alarm.AlarmKind;
import org.dang.engine.alarm.AlarmListener;
import org.dang.engine.config.DangConfig;
import org.dang.engine.coordinator.ModuleLoad;
import org.dang.engine.decision.AlertPriority;
import org.dang.engine.module.ModuleName;
import org.dang.engine.plant.DataProblem;
import org.dang.engine.plant.PlantDataListener;
import org.dang.engine.plant.PlantScan;
import org.dang.engine.plant.TagDefinition;
import org.dang.engine.plant.TagStore;
import org.dang.engine.situation.EventKind;
import org.dang.engine.situation.MarketSignal;
import org.dang.engine.situation.ModuleStatus;
import org.dang.engine.situation.PlantEvent;
import org.dang.engine.situation.Situation;

/**
 * The engine watching the plant: every {@code period} of plant time (data time, so a replay at any
 * speed decides the same), it builds a situation from the live unit and hands it to the decision
 * engine. Between cycles it collects what is news: HIGH and CRITICAL process alarms that were
 * raised, and the start of multivariate anomaly episodes.
 */
public final class DecisionCycle implements PlantDataListener, AlarmListener {

    private static final Logger LOG = System.getLogger(DecisionCycle.class.getName());

    /** Tags that describe equipment condition: their alarms are equipment issues, not process upsets. */
    private static final Set<String> EQUIPMENT_TAGS = Set.of("feed_pump_vibration", "tube_metal_temp", "column_dp");
    /** How many recent samples each tag carries (rule 1's flat-line check needs 30). */
    private static final int HISTORY = 30;

    private final Duration period;
    private final SituationBuilder builder;
    private final AnomalyWatch anomalies;
    private final Function<ModuleName, ModuleLoad> load;
    private final Consumer<Situation> decide;
    private final ConcurrentLinkedQueue<PlantEvent> alarmEvents = new ConcurrentLinkedQueue<>();
    private Instant next;
    /** Plant time of the newest scan, read by {@link #current} from other threads. */
    private volatile Instant lastScan;

    /**
     * A cycle over {@code store} for the tags {@code tags}: decides every {@code period}, learns normal
     * operation from the first {@code learnScans} good scans, reads module load from {@code load}.
     */
    public DecisionCycle(DangConfig config, TagStore store, List<TagDefinition> tags, Duration period, int learnScans,
                         Function<ModuleName, ModuleLoad> load, Consumer<Situation> decide) {
        this(config, store, tags, period, learnScans, load, decide, MarketSignal.NONE);
    }

    /** As above, with the market part of each situation from {@code market}, as of the plant time. */
    public DecisionCycle(DangConfig config, TagStore store, List<TagDefinition> tags, Duration period, int learnScans,
                         Function<ModuleName, ModuleLoad> load, Consumer<Situation> decide, MarketSignal market) {
        this.period = period;
        this.load = load;
        this.decide = decide;
        Set<String> required = new LinkedHashSet<>();
        for (ModuleName m : ModuleName.values()) {
            required.addAll(config.modules().of(m).requiredTags());
        }
        Map<String, TagDefinition> defs = tags.stream().collect(Collectors.toMap(TagDefinition::tag, t -> t));
        List<KpiBaseline> kpis = new ArrayList<>();
        // The unit's performance: furnace efficiency down or energy per barrel up means degradation (rule 3).
        if (defs.containsKey("furnace_efficiency")) {
            kpis.add(new KpiBaseline("furnace_efficiency", true, Duration.ofDays(1), Duration.ofHours(1)));
        }
        if (defs.containsKey("energy_per_bbl")) {
            kpis.add(new KpiBaseline("energy_per_bbl", false, Duration.ofDays(1), Duration.ofHours(1)));
        }
        this.builder = new SituationBuilder(store, defs, required, kpis, HISTORY, market);
        this.anomalies = new AnomalyWatch(tags.stream().map(TagDefinition::tag).toList(), learnScans);
    }

    @Override
    public void scan(PlantScan scan) {
        lastScan = scan.time();
        anomalies.scan(scan);
        if (next == null) {
            next = scan.time().plus(period);
            return;
        }
        if (scan.time().isBefore(next)) {
            return;
        }
        next = scan.time().plus(period);
        List<PlantEvent> events = new ArrayList<>(anomalies.drainEvents());
        PlantEvent e;
        while ((e = alarmEvents.poll()) != null) {
            events.add(e);
        }
        try {
            decide.accept(builder.build(scan.time(), events, installedModules()));
        } catch (RuntimeException ex) {
            // The watch keeps running: a failed cycle is logged, the next one tries again.
            LOG.log(Level.ERROR, "decision cycle at " + scan.time() + " failed: " + ex.getMessage(), ex);
        }
    }

    /**
     * The live unit as of the newest scan, for a question asked between cycles (the operator's "ask the
     * advisor"): the same tags, KPIs, market and module load a cycle would see, with the serious alarms
     * raised since the last cycle (left for that cycle too); empty before the first scan. Safe from any thread.
     *
     * @param idSuffix appended to the situation id so it differs from the cycle's own
     */
    public Optional<Situation> current(String idSuffix) {
        Instant at = lastScan;
        if (at == null) {
            return Optional.empty();
        }
        Situation s = builder.build(at, List.copyOf(alarmEvents), installedModules());
        return Optional.of(new Situation(s.id() + idSuffix, s.time(), s.description(), s.tags(), s.events(),
                s.performance(), s.market(), s.schedule(), s.operatorRequests(), s.modules(), null));
    }

    private Map<ModuleName, ModuleStatus> installedModules() {
        Map<ModuleName, ModuleStatus> out = new EnumMap<>(ModuleName.class);
        for (ModuleName m : ModuleName.values()) {
            ModuleLoad l = load.apply(m);
            if (l.workers() > 0) {
                out.put(m, l.toStatus(l.lastSuccess().isEmpty() ? 100 : 0));
            }
        }
        return out;
    }

    @Override
    public void problem(DataProblem problem) {
        // Bad data reaches the situation through quality flags (rule 1), not as events.
    }

    @Override
    public void alarmEvent(AlarmEvent e) {
        boolean serious = e.priority() == AlertPriority.HIGH || e.priority() == AlertPriority.CRITICAL;
        if (e.type() == AlarmEventType.RAISED && serious && e.kind() != AlarmKind.QUALITY && e.tag() != null) {
            boolean equipment = EQUIPMENT_TAGS.contains(e.tag());
            alarmEvents.add(new PlantEvent(equipment ? EventKind.EQUIPMENT : EventKind.ANOMALY, "alarm " + e.alarmId(),
                    e.priority(), e.message(), List.of(e.tag()), true));
        }
    }

    /** The multivariate monitor's view of the unit now, with the latest anomaly's tag contributions. */
    public AnomalyStatus anomalyStatus() {
        return anomalies.status();
    }
}
