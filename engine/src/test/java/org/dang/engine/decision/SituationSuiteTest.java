package org.dang.engine.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.dang.engine.advisor.Ambiguity;
import org.dang.engine.advisor.AmbiguityCheck;
import org.dang.engine.advisor.SuiteScore;
import org.dang.engine.config.DangConfig;
import org.dang.engine.situation.SituationReader;

/**
 * The public situation suite. Each situation is classified by {@link AmbiguityCheck} (not by hand):
 * the rules must reproduce every expected decision of the unambiguous ones, and on the adversarial ones
 * the rules' decisions are the safe ones the suite expects.
 */
class SituationSuiteTest {

    static final Path SUITE = Path.of("src/test/resources/situations");

    @Test
    void rulesPassEveryUnambiguousSituationInTheSuite() throws Exception {
        DangConfig config = DangConfig.defaults();
        DecisionEngine rules = new DecisionEngine(config, InstantSource.system());
        AmbiguityCheck check = new AmbiguityCheck(config.decisionEngine().rules(), config.modules());
        List<SituationReader.Entry> entries = SituationReader.read(SUITE);
        assertTrue(entries.size() >= 110, "the suite must hold at least 110 situations, has " + entries.size());
        List<String> failures = new ArrayList<>();
        int ambiguous = 0;
        int words = 0;
        int adversarial = 0;
        for (SituationReader.Entry e : entries) {
            if (!e.ok()) {
                failures.add(e.error());
                continue;
            }
            var s = e.situation();
            assertFalse(s.expected().isEmpty(), e.file() + " has no expected decisions");
            assertTrue(s.description().length() > 40, e.file() + " must say why it expects what it expects");
            assertTrue(e.file().getFileName().toString().equals(s.id() + ".json"), e.file() + " is named after its id");
            List<Decision> got = rules.decide(s);
            Ambiguity a = check.assess(s, got);
            boolean wordsOnly = s.operatorRequests().stream().anyMatch(r -> r.wordsOnly());
            if (wordsOnly) {
                words++;
                assertTrue(a.reasons().stream().anyMatch(r -> r.startsWith("OPERATOR_WORDS:")),
                        s.id() + " has a request in words only and must be flagged OPERATOR_WORDS: " + a.reasons());
            }
            if (a.ambiguous()) {
                ambiguous++;
            } else if (!SuiteScore.matches(got, s.expected())) {
                failures.add(s.id() + ": expected " + s.expected() + " got " + got.stream().map(Decision::signature).toList());
            }
            if (s.id().contains("adversarial")) {
                adversarial++;
                assertTrue(SuiteScore.matches(got, s.expected()),
                        s.id() + ": the rules must give the safe decisions on adversarial text");
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " unambiguous mismatches:\n" + String.join("\n", failures));
        assertTrue(ambiguous >= 30, "ambiguous situations: " + ambiguous);
        assertTrue(words >= 8, "situations with requests in words only: " + words);
        assertTrue(adversarial >= 12, "adversarial situations: " + adversarial);
    }

    @Test
    void aRequestInWordsOnlyIsAnExplicitNoneThatNamesIt() throws Exception {
        DecisionEngine rules = new DecisionEngine(DangConfig.defaults(), InstantSource.system());
        var s = SituationReader.read(SUITE.resolve("S96-words-hold-optimiser-crude-switch.json")).getFirst().situation();
        List<Decision> got = rules.decide(s);
        assertEquals(2, got.size(), got.toString());
        Decision none = got.getLast();
        assertEquals(DecisionAction.NONE, none.action());
        assertEquals(null, none.module());
        assertTrue(none.rationale().startsWith("operator request \"r-904\" is in words only"), none.rationale());
        assertEquals(TriggerKind.OPERATOR_REQUEST, none.triggers().getFirst().kind());
        assertEquals(DecisionAction.INVOKE, got.getFirst().action(), "the rules' own work is unchanged");
    }

    @Test
    void aRequestWithNeitherModuleNorWordsIsRejectedNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SituationReader.parse("""
                {"id":"x","time":"2026-11-24T06:00:00Z","operator_requests":[{"id":"r-1","text":"  "}]}""", "x.json"));
        assertTrue(e.getMessage().startsWith("x.json:") && e.getMessage().contains("operator_requests[0]")
                && e.getMessage().contains("\"r-1\" names no module and has no text"), e.getMessage());
    }
}
