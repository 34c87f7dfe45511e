package org.dang.engine.watch;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dang.engine.Engine;
import org.dang.engine.config.DangConfig;
import org.dang.engine.decision.Decision;
import org.dang.engine.decision.DecisionAction;
import org.dang.engine.decision.TriggerKind;
import org.dang.engine.module.ModuleName;
import org.dang.engine.plant.CsvReplaySource;
import org.dang.engine.store.DecisionQuery;
import org.dang.engine.store.StoredDecision;

/**
 * The engine watching the simulated month of sample-plant-data/cdu: the injected events of its
 * ground-truth schedule (furnace fouling, tube-metal temperature over its limit, sensor faults on
 * required tags, pump wear) must show up as the decisions the contract prescribes.
 */
class DecisionCycleTest {

    static final Path CDU = Path.of("../sample-plant-data/cdu");

    @TempDir
    Path dir;

    @Test
    void aMonthOfPlantDataYieldsTheContractsDecisions() throws Exception {
        DangConfig d = DangConfig.defaults();
        List<Decision> all;
        Set<String> alarms;
        // Alarm and decision times are plant time (November 2026 of the sample), not wall-clock time.
        try (Engine engine = Engine.open(d.withStore(dir.resolve("decisions")))) {
            engine.attach(new CsvReplaySource(CDU.resolve("history.csv.gz"), CDU.resolve("tags.csv"),
                    new CsvReplaySource.Options(0, false)));
            for (int i = 0; i < 1200 && engine.plant().scanCount() < 43_200; i++) {
                TimeUnit.MILLISECONDS.sleep(100);
            }
            TimeUnit.SECONDS.sleep(1);
            all = engine.store().query(DecisionQuery.latest(10_000)).items().stream().map(StoredDecision::decision)
                    .toList();
            assertTrue(engine.store().verify().intact());
            TimeUnit.SECONDS.sleep(2); // the alarm journal writes in batches behind the board
            alarms = engine.store().alarmEvents(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"), 100_000).stream()
                    .map(e -> e.alarm() + " " + e.event()).collect(Collectors.toSet());
        }
        System.out.println("alarm events over the month: " + alarms.size() + " kinds");
        // Ground truth (sample-plant-data/cdu/labels.csv): fouling takes the tube-metal temperature over HI 630
        // late in the month; the charge pump wears (vibration HI) and the maintenance window swaps it.
        assertTrue(alarms.contains("tube_metal_temp.HI RAISED"), "fouling raises the TMT high alarm");
        assertTrue(alarms.contains("feed_pump_vibration.HI RAISED"), "pump wear raises the vibration alarm");
        assertTrue(alarms.contains("feed_pump_vibration.HI CLEARED"), "the spare pump clears it");
        assertTrue(alarms.stream().anyMatch(a -> a.endsWith(".QUALITY RAISED")), "sensor faults raise quality alarms");
        Map<String, Long> summary = all.stream().collect(Collectors.groupingBy(
                x -> x.action() + " " + (x.module() == null ? "-" : x.module().key()) + " " + x.priority(),
                Collectors.counting()));
        System.out.println("decisions over the month: " + all.size() + " " + summary);
        Predicate<Decision> tmtAlert = x -> x.action() == DecisionAction.ALERT
                && x.rationale().contains("alarm tube_metal_temp.HI");
        Predicate<Decision> qualityGate = x -> x.action() == DecisionAction.DEFER
                && x.triggers().stream().anyMatch(t -> t.kind() == TriggerKind.DATA_QUALITY);
        Predicate<Decision> degraded = x -> x.module() == ModuleName.OPTIMIZATION
                && x.triggers().stream().anyMatch(t -> t.kind() == TriggerKind.PERFORMANCE);
        Predicate<Decision> anomaly = x -> x.action() == DecisionAction.ALERT && x.rationale().contains("multivariate");
        assertTrue(all.size() > 2500, "one cycle per 15 minutes over 30 days: " + all.size());
        assertTrue(all.stream().anyMatch(tmtAlert), "tube-metal temperature over its limit alerts");
        assertTrue(all.stream().anyMatch(qualityGate), "a sensor fault on a required tag gates its module");
        assertTrue(all.stream().anyMatch(degraded), "furnace fouling is a performance degradation");
        assertTrue(all.stream().anyMatch(anomaly), "the multivariate monitor reports an anomaly");
    }
}
