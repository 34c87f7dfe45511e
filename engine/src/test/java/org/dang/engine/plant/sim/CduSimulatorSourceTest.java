package org.dang.engine.plant.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.dang.engine.plant.DataProblem;
import org.dang.engine.plant.PlantDataListener;
import org.dang.engine.plant.PlantScan;
import org.dang.engine.plant.TagDefinition;
import org.dang.engine.plant.TagSample;
import org.dang.engine.situation.Quality;

/** The simulator as a live data source: its own thread, a scan per period, GOOD samples, clean close. */
class CduSimulatorSourceTest {

    private static final class Collector implements PlantDataListener {
        final BlockingQueue<PlantScan> scans = new LinkedBlockingQueue<>();

        @Override
        public void scan(PlantScan scan) {
            scans.add(scan);
        }

        @Override
        public void problem(DataProblem problem) {
            throw new AssertionError("the simulator reports no problems: " + problem);
        }
    }

    private static boolean simulatorThreadAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("cdu-simulator") && t.isAlive());
    }

    @Test
    void deliversScansOfEveryTagUntilClosed() throws InterruptedException {
        Collector c = new Collector();
        SimulatorSource source = new SimulatorSource(CduSimulator.seeded(1), Duration.ofMillis(10));
        assertEquals(CduTag.values().length, source.tags().size());
        TagDefinition tmt = source.tags().stream().filter(t -> t.tag().equals("tube_metal_temp")).findFirst()
                .orElseThrow();
        assertEquals(630.0, tmt.alarms().hi());
        assertEquals(645.0, tmt.alarms().hiHi());
        assertTrue(source.tags().stream().map(TagDefinition::tag).toList().containsAll(
                List.of("feed_rate", "coil_outlet_temp", "tube_metal_temp", "top_pressure", "top_temp")));
        try (source) {
            source.start(c);
            assertThrows(IllegalStateException.class, () -> source.start(c));
            PlantScan first = c.scans.poll(5, TimeUnit.SECONDS);
            assertNotNull(first);
            source.apply(Setpoints.nominal().withCoilOutletTemp(365));
            PlantScan second = c.scans.poll(5, TimeUnit.SECONDS);
            PlantScan third = c.scans.poll(5, TimeUnit.SECONDS);
            assertNotNull(third);
            assertEquals(CduFixtures.T0, first.time());
            assertEquals(Duration.ofMinutes(1), Duration.between(first.time(), second.time()));
            assertEquals(Duration.ofMinutes(1), Duration.between(second.time(), third.time()));
            assertEquals(CduTag.values().length, third.samples().size());
            for (TagSample s : third.samples()) {
                assertEquals(Quality.GOOD, s.quality());
                assertEquals(third.time(), s.time());
            }
            assertTrue(source.name().contains("seed 1"), source.name());
            assertEquals(365.0, source.latest().setpoints().coilOutletTemp());
            assertTrue(simulatorThreadAlive());
        }
        assertFalse(simulatorThreadAlive(), "close stops the thread");
        c.scans.clear();
        Thread.sleep(50);
        assertTrue(c.scans.isEmpty(), "no scans after close");
    }

    @Test
    void aFailingListenerDoesNotStopTheScans() throws InterruptedException {
        BlockingQueue<PlantScan> seen = new LinkedBlockingQueue<>();
        PlantDataListener failing = new PlantDataListener() {
            @Override
            public void scan(PlantScan scan) {
                seen.add(scan);
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void problem(DataProblem problem) {
            }
        };
        try (SimulatorSource source = new SimulatorSource(CduSimulator.seeded(2), Duration.ofMillis(5))) {
            source.start(failing);
            for (int i = 0; i < 3; i++) {
                assertNotNull(seen.poll(5, TimeUnit.SECONDS));
            }
        }
    }
}
