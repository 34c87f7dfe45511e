package org.dang.engine.alarm;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.dang.engine.access.Role;
import org.dang.engine.access.User;
import org.dang.engine.decision.AlertPriority;
import org.dang.engine.plant.AlarmLimits;
import org.dang.engine.plant.PlantScan;
import org.dang.engine.plant.TagDefinition;
import org.dang.engine.plant.TagSample;
import org.dang.engine.situation.Quality;

/** Tags, scans and boards for the alarm tests. */
final class AlarmFixtures {

    static final Instant T0 = Instant.parse("2026-11-24T04:00:00Z");
    /** An engineer: may acknowledge, shelve and unshelve. */
    static final User ANNA = new User("anna", Role.ENGINEER, "console-cr1");
    /** An operator: may acknowledge, not shelve. */
    static final User OLE = new User("ole", Role.OPERATOR, "console-cr2");
    /** A viewer: may do neither. */
    static final User VERA = new User("vera", Role.VIEWER, "console-cr3");

    /** Column top temperature: LOLO 50, LO 80, HI 350, HIHI 380, MEDIUM, deadband 5. */
    static final TagDefinition TOP_TEMP = new TagDefinition("TI-101", "column top temperature", "degC", 0, 500,
            new AlarmLimits(50.0, 80.0, 350.0, 380.0, AlertPriority.MEDIUM, 5));

    private AlarmFixtures() {
    }

    static PlantScan scan(Instant t, String tag, double value) {
        return scan(t, tag, value, Quality.GOOD);
    }

    static PlantScan scan(Instant t, String tag, double value, Quality q) {
        return new PlantScan(t, List.of(new TagSample(tag, t, value, q)));
    }

    static AlarmBoard board(List<AlarmDefinition> defs, AlarmJournal journal, MutableClock clock) {
        return new AlarmBoard("CDU", defs, AlarmBoardConfig.defaults(), journal, clock);
    }

    static List<AlarmDefinition> limits(TagDefinition tag) {
        return AlarmDefinitions.fromLimits(tag, Duration.ZERO, Duration.ZERO);
    }

    /** A tag with only a HI limit of 100 at {@code p}, range 0..500, no deadband. */
    static TagDefinition hiTag(String name, AlertPriority p) {
        return new TagDefinition(name, "", "", 0, 500, new AlarmLimits(null, null, 100.0, null, p, 0));
    }

    static AlarmState state(AlarmBoard board, String id) {
        return board.alarm(id).orElseThrow().state();
    }
}
