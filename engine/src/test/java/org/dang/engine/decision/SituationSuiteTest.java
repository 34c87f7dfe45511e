package org.dang.engine.decision;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.dang.engine.config.DangConfig;
import org.dang.engine.situation.SituationReader;

/** The public situation suite: the rules must reproduce every expected decision. */
class SituationSuiteTest {

    static final Path SUITE = Path.of("src/test/resources/situations");

    @Test
    void rulesPassEverySituationInTheSuite() throws Exception {
        DecisionEngine rules = new DecisionEngine(DangConfig.defaults(), InstantSource.system());
        List<SituationReader.Entry> entries = SituationReader.read(SUITE);
        assertTrue(entries.size() >= 40, "the suite must hold at least 40 situations, has " + entries.size());
        List<String> failures = new ArrayList<>();
        for (SituationReader.Entry e : entries) {
            if (!e.ok()) {
                failures.add(e.error());
                continue;
            }
            assertTrue(!e.situation().expected().isEmpty(), e.file() + " has no expected decisions");
            List<ExpectedDecision> got = rules.decide(e.situation()).stream().map(Decision::signature).toList();
            if (!counts(got).equals(counts(e.situation().expected()))) {
                failures.add(e.situation().id() + ": expected " + e.situation().expected() + " got " + got);
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " mismatches:\n" + String.join("\n", failures));
    }

    private static Map<ExpectedDecision, Integer> counts(List<ExpectedDecision> list) {
        Map<ExpectedDecision, Integer> m = new HashMap<>();
        list.forEach(x -> m.merge(x, 1, Integer::sum));
        return m;
    }
}
