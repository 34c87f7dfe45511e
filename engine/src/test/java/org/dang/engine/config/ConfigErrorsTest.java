package org.dang.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigErrorsTest {

    private static ConfigException failure(String yaml) {
        return assertThrows(ConfigException.class, () -> ConfigLoader.parse(yaml, "bad.yaml"));
    }

    /** The one problem of a text that has exactly one, checked for key and line. */
    private static ConfigProblem onlyProblem(String yaml, String key, int line) {
        ConfigException e = failure(yaml);
        assertEquals(1, e.problems().size(), e.getMessage());
        ConfigProblem problem = e.problems().getFirst();
        assertEquals(key, problem.key(), e.getMessage());
        assertEquals(line, problem.line(), e.getMessage());
        return problem;
    }

    @Test
    void unknownTopLevelKeyIsNamedWithAHintAndTheAllowedKeys() {
        ConfigProblem p = onlyProblem("orchestrater:\n  llm: {}\n", "orchestrater", 1);
        assertEquals("unknown key \"orchestrater\" (did you mean \"orchestrator\"?); "
                + "allowed keys: orchestrator, modules, decision_engine, store, server, advisor, console", p.message());
    }

    @Test
    void advisorDeadlineAndQueueOutOfRangeAreNamed() {
        ConfigException e = failure("""
                advisor:
                  deadline: 0.5
                  max_pending: 0
                """);
        assertEquals(2, e.problems().size(), e.getMessage());
        assertEquals("advisor.deadline", e.problems().get(0).key());
        assertEquals(2, e.problems().get(0).line());
        assertTrue(e.problems().get(0).message().contains("1s to 30m"), e.problems().get(0).message());
        assertEquals("advisor.max_pending", e.problems().get(1).key());
        assertTrue(e.problems().get(1).message().contains("1 to 64"), e.problems().get(1).message());
        DangConfig ok = ConfigLoader.parse("advisor:\n  enabled: false\n  deadline: 5m\n  max_pending: 2\n", "ok.yaml");
        assertEquals(new AdvisorConfig(false, Duration.ofMinutes(5), 2), ok.advisor());
    }

    @Test
    void unknownNestedKeyWithoutACloseMatchListsTheAllowedKeysOnly() {
        ConfigProblem p = onlyProblem("""
                decision_engine:
                  rules:
                    market_sigma: 2.5
                    banana: 1
                """, "decision_engine.rules.banana", 4);
        assertEquals("unknown key \"banana\"; allowed keys: efficiency_margin_pct, market_sigma, inventory_sigma, "
                + "margin_shift_pct, window_lead, forecast_ttl, input_move_pct, flatline_samples", p.message());
    }

    @Test
    void misspeltModuleAndCamelCaseKeysGetHints() {
        ConfigException e = failure("""
                modules:
                  forcasting:
                    enabled: true
                  analysis:
                    queueCapacity: 3
                """);
        assertEquals(2, e.problems().size(), e.getMessage());
        assertEquals("modules.forcasting", e.problems().get(0).key());
        assertEquals(2, e.problems().get(0).line());
        assertTrue(e.problems().get(0).message().contains("(did you mean \"forecasting\"?)"), e.getMessage());
        assertTrue(e.problems().get(0).message().endsWith("allowed keys: forecasting, analysis, optimization"));
        assertEquals("modules.analysis.queueCapacity", e.problems().get(1).key());
        assertEquals(5, e.problems().get(1).line());
        assertTrue(e.problems().get(1).message().contains("(did you mean \"queue_capacity\"?)"), e.getMessage());
    }

    @Test
    void wordWhereAnIntegerIsExpected() {
        ConfigProblem p = onlyProblem("decision_engine:\n  max_retries: three\n", "decision_engine.max_retries", 2);
        assertEquals("expected an integer (0 to 10), found string \"three\"", p.message());
    }

    @Test
    void quotedTextWhereABooleanIsExpected() {
        ConfigProblem p = onlyProblem("""
                modules:
                  optimization:
                    enabled: "yes please"
                """, "modules.optimization.enabled", 3);
        assertEquals("expected true or false, found string \"yes please\"", p.message());
    }

    @Test
    void listWhereAMappingIsExpected() {
        ConfigProblem p = onlyProblem("decision_engine:\n  - max_retries\n  - 3\n", "decision_engine", 1);
        assertEquals("expected a mapping with the keys confidence_threshold, max_retries, retry_backoff, cache_ttl, "
                + "rules, found a list", p.message());
    }

    @Test
    void mappingWhereAListIsExpected() {
        ConfigProblem p = onlyProblem("""
                modules:
                  forecasting:
                    models:
                      xgboost: true
                """, "modules.forecasting.models", 3);
        assertEquals("expected a list of strings such as [a, b] ([] for none), found a mapping", p.message());
    }

    @Test
    void numberWhereTextIsExpectedSuggestsQuotes() {
        ConfigProblem p = onlyProblem("orchestrator:\n  llm:\n    model: 7\n", "orchestrator.llm.model", 3);
        assertEquals("expected a non-empty string, found number 7; put it in quotes to use it as text", p.message());
    }

    @Test
    void textWhereANumberIsExpected() {
        ConfigProblem p = onlyProblem("orchestrator:\n  llm:\n    temperature: hot\n", "orchestrator.llm.temperature", 3);
        assertEquals("expected a number (0 to 2), found string \"hot\"", p.message());
    }

    @Test
    void decimalWhereAnIntegerIsExpected() {
        ConfigProblem p = onlyProblem("modules:\n  analysis:\n    workers: 2.5\n", "modules.analysis.workers", 3);
        assertEquals("expected an integer (1 to 16), found number 2.5", p.message());
    }

    @Test
    void emptyValueIsAnErrorThatSaysHowToGetTheDefault() {
        ConfigProblem p = onlyProblem("decision_engine:\n  max_retries:\n", "decision_engine.max_retries", 2);
        assertEquals("expected an integer (0 to 10), found an empty value; leave the key out to use the default",
                p.message());
    }

    @Test
    void badListItemsAreNamedByIndexAndLine() {
        ConfigException e = failure("""
                modules:
                  forecasting:
                    required_tags:
                      - feed_rate
                      - 101
                      - ""
                """);
        assertEquals(List.of("modules.forecasting.required_tags[1]", "modules.forecasting.required_tags[2]"),
                e.problems().stream().map(ConfigProblem::key).toList());
        assertEquals(List.of(5, 6), e.problems().stream().map(ConfigProblem::line).toList());
        assertEquals("expected a non-empty string, found number 101; put it in quotes to use it as text",
                e.problems().get(0).message());
        assertEquals("expected a non-empty string, found string \"\"", e.problems().get(1).message());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "orchestrator.llm.temperature              | 2.5      | value 2.5 is out of range; allowed 0 to 2",
            "orchestrator.llm.temperature              | -0.1     | value -0.1 is out of range; allowed 0 to 2",
            "orchestrator.llm.top_p                    | 0        | value 0 is out of range; allowed greater than 0, up to 1",
            "orchestrator.llm.top_p                    | 1.01     | value 1.01 is out of range; allowed greater than 0, up to 1",
            "orchestrator.llm.max_tokens               | 0        | value 0 is out of range; allowed 1 to 131072",
            "orchestrator.llm.max_tokens               | 99999999999999999999 | value 99999999999999999999 is out of range; allowed 1 to 131072",
            "modules.forecasting.timeout               | 25h      | value 25h is out of range; allowed 1s to 24h",
            "modules.forecasting.timeout               | 0.5      | value 0.5 is out of range; allowed 1s to 24h",
            "modules.analysis.queue_capacity           | 1001     | value 1001 is out of range; allowed 1 to 1000",
            "modules.optimization.workers              | 17       | value 17 is out of range; allowed 1 to 16",
            "decision_engine.confidence_threshold      | 1.5      | value 1.5 is out of range; allowed 0 to 1",
            "decision_engine.max_retries               | 11       | value 11 is out of range; allowed 0 to 10",
            "decision_engine.retry_backoff             | 0        | value 0 is out of range; allowed 1ms to 10m",
            "decision_engine.retry_backoff             | 11m      | value 11m is out of range; allowed 1ms to 10m",
            "decision_engine.cache_ttl                 | 8d       | value 8d is out of range; allowed 0s to 7d",
            "decision_engine.cache_ttl                 | .inf     | value .inf is out of range; allowed 0s to 7d",
            "decision_engine.rules.efficiency_margin_pct | 0      | value 0 is out of range; allowed greater than 0, up to 100",
            "decision_engine.rules.market_sigma        | 21       | value 21 is out of range; allowed greater than 0, up to 20",
            "decision_engine.rules.inventory_sigma     | -1       | value -1 is out of range; allowed greater than 0, up to 20",
            "decision_engine.rules.margin_shift_pct    | 100.5    | value 100.5 is out of range; allowed greater than 0, up to 100",
            "decision_engine.rules.window_lead         | -5m      | value -5m is out of range; allowed 0s to 24h",
            "decision_engine.rules.forecast_ttl        | 30s      | value 30s is out of range; allowed 1m to 30d",
            "decision_engine.rules.input_move_pct      | 101      | value 101 is out of range; allowed 0 to 100",
            "decision_engine.rules.flatline_samples    | 1        | value 1 is out of range; allowed 2 to 100000",
    })
    void outOfRangeValuesSayTheAllowedRange(String key, String value, String message) {
        String[] parts = key.split("\\.");
        StringBuilder yaml = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            yaml.append("  ".repeat(i)).append(parts[i]).append(':');
            yaml.append(i == parts.length - 1 ? " " + value + "\n" : "\n");
        }
        ConfigProblem p = onlyProblem(yaml.toString(), key, parts.length);
        assertEquals(message, p.message());
    }

    @Test
    void textThatIsNoDurationSaysWhatADurationLooksLike() {
        ConfigProblem p = onlyProblem("decision_engine:\n  retry_backoff: 5 minutes\n", "decision_engine.retry_backoff", 2);
        assertEquals("expected a duration such as 90 (seconds), 500ms, 90s, 15m, 2h, 1d or PT15M (1ms to 10m), "
                + "found string \"5 minutes\"", p.message());
    }

    @Test
    void duplicateKeyNamesBothLines() {
        ConfigProblem p = onlyProblem("""
                decision_engine:
                  max_retries: 2
                  cache_ttl: 60
                  max_retries: 4
                """, "decision_engine.max_retries", 4);
        assertEquals("duplicate key \"max_retries\", first given on line 2; each key may appear once", p.message());
    }

    @Test
    void duplicateSectionIsReported() {
        ConfigProblem p = onlyProblem("store:\n  path: /a\nmodules: {}\nstore:\n  path: /b\n", "store", 4);
        assertTrue(p.message().startsWith("duplicate key \"store\", first given on line 1"), p.message());
    }

    @Test
    void malformedIndentationGivesTheParsersLineAndColumn() {
        ConfigProblem p = onlyProblem("""
                decision_engine:
                  max_retries: 3
                    cache_ttl: 60
                """, "", 3);
        assertEquals("invalid YAML at column 14: mapping values are not allowed here", p.message());
    }

    @Test
    void tabIndentationIsASyntaxError() {
        ConfigProblem p = onlyProblem("decision_engine:\n\tmax_retries: 3\n", "", 2);
        assertTrue(p.message().startsWith("invalid YAML at column 1: "), p.message());
        assertTrue(p.message().contains("TAB"), p.message());
    }

    @Test
    void unclosedFlowListIsASyntaxError() {
        ConfigProblem p = onlyProblem("modules:\n  forecasting:\n    models: [xgboost, ridge\n", "", 4);
        assertTrue(p.message().contains("while parsing a flow sequence"), p.message());
    }

    @Test
    void secondDocumentIsASyntaxError() {
        ConfigProblem p = onlyProblem("store:\n  path: /a\n---\nstore:\n  path: /b\n", "", 3);
        assertEquals("invalid YAML at column 1: expected a single document in the stream, but found another document",
                p.message());
    }

    @Test
    void recursiveAliasIsRejected() {
        // snakeyaml resolves the alias to its anchor's node, so the line is where the anchor is.
        ConfigProblem p = onlyProblem("modules: &m\n  forecasting: *m\n", "", 1);
        assertTrue(p.message().contains("recursive"), p.message());
    }

    @Test
    void aliasBombIsRejectedInsteadOfExpanded() {
        StringBuilder yaml = new StringBuilder("l0: &l0 [x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 9; i++) {
            yaml.append("l").append(i).append(": &l").append(i).append(" [");
            for (int j = 0; j < 9; j++) {
                yaml.append(j == 0 ? "" : ", ").append("*l").append(i - 1);
            }
            yaml.append("]\n");
        }
        ConfigException e = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> failure(yaml.toString()));
        assertEquals(1, e.problems().size(), e.getMessage());
        assertTrue(e.problems().getFirst().message().startsWith("invalid YAML: Number of aliases"), e.getMessage());
    }

    @Test
    void topLevelListIsRejected() {
        ConfigProblem p = onlyProblem("- orchestrator\n- modules\n", "", 1);
        assertEquals("the top level must be a mapping with the sections orchestrator, modules, decision_engine, store, server, "
                + "advisor, console, found a list", p.message());
    }

    @Test
    void topLevelTextIsRejected() {
        ConfigProblem p = onlyProblem("\n# a comment\nhello world\n", "", 3);
        assertTrue(p.message().endsWith("found string \"hello world\""), p.message());
    }

    @Test
    void storePathOfAnotherUsersHomeIsRejected() {
        ConfigProblem p = onlyProblem("store:\n  path: ~bob/decisions\n", "store.path", 2);
        assertEquals("\"~bob/decisions\": only ~ or ~/ (your own home folder) can be expanded; write an absolute path",
                p.message());
    }

    @Test
    void loneTildeIsYamlNullAndTheMessageSaysHowToQuoteIt() {
        ConfigProblem p = onlyProblem("store:\n  path: ~\n", "store.path", 2);
        assertEquals("a lone ~ means \"empty\" in YAML; write \"~\" in quotes for your home folder", p.message());
    }

    @Test
    void emptyStorePathIsRejected() {
        ConfigProblem p = onlyProblem("store:\n  path: \"\"\n", "store.path", 2);
        assertEquals("expected a non-empty path, found string \"\"", p.message());
    }

    @Test
    void everyProblemIsReportedInOnePassInFileOrder() {
        ConfigException e = failure("""
                orchestrator:
                  llm:
                    temperature: 3
                    top_k: 40
                modules:
                  forecasting:
                    workers: many
                decision_engine:
                  max_retries: 3
                  max_retries: 4
                  rules:
                    window_lead: soon
                store: /var/dang
                """);
        assertEquals(List.of("orchestrator.llm.temperature", "orchestrator.llm.top_k", "modules.forecasting.workers",
                        "decision_engine.max_retries", "decision_engine.rules.window_lead", "store"),
                e.problems().stream().map(ConfigProblem::key).toList());
        assertEquals(List.of(3, 4, 7, 10, 12, 13), e.problems().stream().map(ConfigProblem::line).toList());
        String[] lines = e.getMessage().split("\n");
        assertEquals(6, lines.length);
        assertEquals("bad.yaml:3: orchestrator.llm.temperature: value 3 is out of range; allowed 0 to 2", lines[0]);
        assertEquals("bad.yaml:7: modules.forecasting.workers: expected an integer (1 to 16), found string \"many\"",
                lines[2]);
        assertEquals("bad.yaml:13: store: expected a mapping with the keys path, found string \"/var/dang\"", lines[5]);
    }

    @Test
    void problemsOfTheWholeFileLeaveTheKeyOut() {
        ConfigException e = failure("- a\n");
        assertEquals("bad.yaml:1: the top level must be a mapping with the sections orchestrator, modules, "
                + "decision_engine, store, server, advisor, console, found a list", e.getMessage());
    }

    @Test
    void missingFileIsAProblemWithoutALine(@TempDir Path dir) {
        Path missing = dir.resolve("nope.yaml");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(missing));
        assertEquals(missing.toString(), e.source());
        assertEquals(List.of(new ConfigProblem("", 0, "cannot read the configuration file: no such file")), e.problems());
        assertEquals(missing + ": cannot read the configuration file: no such file", e.getMessage());
    }

    @Test
    void problemsInAFileOnDiskNameTheFile(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("config.yaml"), "decision_engine:\n  cache_ttl: forever\n");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file));
        assertTrue(e.getMessage().startsWith(file + ":2: decision_engine.cache_ttl: expected a duration"),
                e.getMessage());
    }

    @Test
    void unknownKeysInsideAWronglyTypedSectionAreNotInvented() {
        ConfigException e = failure("orchestrator: deepseek\n");
        assertEquals(1, e.problems().size(), e.getMessage());
        assertFalse(e.getMessage().contains("unknown key"), e.getMessage());
    }
}
