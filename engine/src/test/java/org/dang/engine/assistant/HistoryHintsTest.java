package org.dang.engine.assistant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.dang.engine.module.ModuleName;

/** Which questions get decision records up front, and which records. */
class HistoryHintsTest {

    static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    @Test
    void aClockTimeAndAModuleNarrowTheRecords() {
        HistoryQuery q = HistoryHints.match("Why did you run the optimiser at 03:00?", NOW).orElseThrow().query();
        assertEquals(Optional.of(Instant.parse("2026-11-24T02:00:00Z")), q.from());
        assertEquals(Optional.of(Instant.parse("2026-11-24T04:00:00Z")), q.to());
        assertEquals(Optional.of(ModuleName.OPTIMIZATION), q.module());
    }

    @Test
    void aLaterClockTimeIsYesterdaysAndYesterdayIsTheWholeDay() {
        HistoryQuery q = HistoryHints.match("what happened at 11pm with the forecast", NOW).orElseThrow().query();
        assertEquals(Optional.of(Instant.parse("2026-11-23T22:00:00Z")), q.from());
        assertEquals(Optional.of(ModuleName.FORECASTING), q.module());
        HistoryQuery y = HistoryHints.match("Which decisions were made yesterday?", NOW).orElseThrow().query();
        assertEquals(Optional.of(Instant.parse("2026-11-23T00:00:00Z")), y.from());
        assertEquals(Optional.of(Instant.parse("2026-11-24T00:00:00Z")), y.to());
    }

    @Test
    void questionsAboutTheFutureGetNone() {
        assertTrue(HistoryHints.match("Forecast the naphtha yield for the next 12 hours", NOW).isEmpty());
        assertTrue(HistoryHints.match("What does the market say about diesel?", NOW).isEmpty());
    }

    @Test
    void setpointWordsAreSpotted() {
        SetpointWords.Ask a = SetpointWords.in("Please raise the coil outlet to 365.").orElseThrow();
        assertEquals("raise the coil outlet to 365", a.words());
        assertEquals(java.util.Map.of("setpoint", "coil_outlet_temp", "target", 365.0), a.parameters());
        assertEquals(java.util.Map.of(), SetpointWords.in("Set reflux by -5 %").orElseThrow().parameters(),
                "a relative change runs the optimiser for its own move");
        assertEquals(java.util.Map.of(), SetpointWords.in("lower the temperature to 350").orElseThrow().parameters(),
                "no setpoint in particular");
        assertTrue(SetpointWords.in("Why is the coil outlet at 365?").isEmpty());
        assertTrue(SetpointWords.in("Forecast the feed for the next 12 hours").isEmpty());
    }
}
