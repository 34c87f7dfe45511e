package org.dang.engine.alarm;

import static org.dang.engine.alarm.AlarmFixtures.T0;
import static org.dang.engine.alarm.AlarmFixtures.TOP_TEMP;
import static org.dang.engine.alarm.AlarmFixtures.scan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.dang.engine.decision.AlertPriority;
import org.dang.engine.plant.PlantScan;
import org.dang.engine.situation.Quality;

class AlarmQualityTest {

    private final MutableClock clock = new MutableClock(T0);
    private final MemoryJournal journal = new MemoryJournal();
    private final AlarmDefinition quality = AlarmDefinitions.quality(TOP_TEMP, AlertPriority.LOW,
            Duration.ofSeconds(30), Duration.ofSeconds(2));

    @Test
    void badQualityForLongerThanTheOnDelayRaisesAQualityAlarm() {
        try (AlarmBoard board = AlarmFixtures.board(List.of(quality), journal, clock)) {
            for (int i = 0; i <= 29; i++) {
                board.scan(scan(T0.plusSeconds(i), "TI-101", 150, Quality.STALE));
            }
            assertTrue(journal.events().isEmpty(), "29 s stale is within the on-delay");
            board.scan(scan(T0.plusSeconds(30), "TI-101", 150, Quality.STALE));
            assertEquals(List.of(AlarmEventType.RAISED), journal.types("TI-101.QUALITY"));
            assertEquals("TI-101 column top temperature data quality STALE", journal.events().getFirst().message());

            for (int i = 31; i <= 33; i++) {
                board.scan(scan(T0.plusSeconds(i), "TI-101", 150, Quality.GOOD));
            }
            assertEquals(List.of(AlarmEventType.RAISED, AlarmEventType.CLEARED), journal.types("TI-101.QUALITY"));
            assertEquals(T0.plusSeconds(33), journal.events().get(1).time());
        }
    }

    @Test
    void changingBadQualitiesKeepTheDelayRunningAndAnAbsentTagIsMissing() {
        Quality[] seq = {Quality.SPIKE, Quality.FLATLINE, Quality.OUT_OF_RANGE, Quality.MISSING};
        try (AlarmBoard board = AlarmFixtures.board(List.of(quality), journal, clock)) {
            for (int i = 0; i < 20; i++) {
                board.scan(scan(T0.plusSeconds(i), "TI-101", 150, seq[i % seq.length]));
            }
            for (int i = 20; i <= 30; i++) {
                board.scan(new PlantScan(T0.plusSeconds(i), List.of()));
            }
            assertEquals(List.of(AlarmEventType.RAISED), journal.types("TI-101.QUALITY"));
            assertEquals(T0.plusSeconds(30), journal.events().getFirst().time());
            assertTrue(journal.events().getFirst().message().endsWith("MISSING"));
        }
    }

    @Test
    void aGoodSampleInsideTheOnDelayResetsIt() {
        try (AlarmBoard board = AlarmFixtures.board(List.of(quality), journal, clock)) {
            for (int i = 0; i <= 40; i++) {
                board.scan(scan(T0.plusSeconds(i), "TI-101", 150, i == 20 ? Quality.GOOD : Quality.STALE));
            }
            assertTrue(journal.events().isEmpty(), journal.events().toString());
        }
    }
}
