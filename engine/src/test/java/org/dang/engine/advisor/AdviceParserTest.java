package org.dang.engine.advisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.dang.engine.decision.DecisionAction;
import org.dang.engine.module.ModuleName;

class AdviceParserTest {

    private final AdviceParser parser = new AdviceParser(AdviceSchema.standard());

    private static String advice(String module, String parameters) {
        return """
                {"action":"INVOKE","module":%s,"parameters":%s,"confidence":0.9,"rationale":"margin moved"}"""
                .formatted(module, parameters);
    }

    @Test
    void publishedSchemaIsTheOneTheEngineUses() throws Exception {
        Path docs = Path.of("../docs/advisor-decision.schema.json");
        assertEquals(Files.readString(docs), AdviceSchema.standard().text());
    }

    @Test
    void validAdviceParses() {
        ModelAdvice a = parser.parse(advice("\"forecasting\"", "{\"horizon\":12.0,\"tags\":[\"naphtha_yield\"]}"));
        assertEquals(DecisionAction.INVOKE, a.action());
        assertEquals(ModuleName.FORECASTING, a.module());
        assertEquals(Map.of("horizon", 12L, "tags", java.util.List.of("naphtha_yield")), a.parameters());
        assertEquals(0.9, a.confidence());
    }

    @Test
    void oneFencedObjectIsAccepted() {
        ModelAdvice a = parser.parse("```json\n" + advice("\"optimization\"", "{\"constraints\":\"tightened\"}") + "\n```");
        assertEquals(ModuleName.OPTIMIZATION, a.module());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown module           | \"blending\"      | {}                               | UNKNOWN_MODULE",
            "horizon above range      | \"forecasting\"   | {\"horizon\":500}                | PARAMETER_OUT_OF_RANGE",
            "horizon not integer      | \"forecasting\"   | {\"horizon\":1.5}                | PARAMETER_OUT_OF_RANGE",
            "unknown parameter        | \"optimization\"  | {\"setpoint\":400}               | PARAMETER_OUT_OF_RANGE",
            "enum parameter           | \"optimization\"  | {\"constraints\":\"loose\"}      | PARAMETER_OUT_OF_RANGE",
            "lookback below range     | \"analysis\"      | {\"lookback_days\":0}            | PARAMETER_OUT_OF_RANGE",
            "INVOKE without module    | null              | {}                               | SCHEMA_VIOLATION",
            "module as number         | 7                 | {}                               | SCHEMA_VIOLATION",
    })
    void invalidAdviceIsRejectedWithItsReason(String name, String module, String parameters, OverruleReason reason) {
        var e = assertThrows(AdviceRejectedException.class, () -> parser.parse(advice(module, parameters)));
        assertEquals(reason, e.overrule().reason(), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown field    | {\"action\":\"NONE\",\"module\":null,\"parameters\":{},\"confidence\":0.9,\"rationale\":\"x\",\"run\":true} | $.run: unknown field",
            "missing field    | {\"action\":\"NONE\",\"module\":null,\"parameters\":{},\"confidence\":0.9}                   | required field 'rationale'",
            "bad action       | {\"action\":\"ALERT\",\"module\":null,\"parameters\":{},\"confidence\":0.9,\"rationale\":\"x\"} | $.action",
            "confidence > 1   | {\"action\":\"NONE\",\"module\":null,\"parameters\":{},\"confidence\":1.5,\"rationale\":\"x\"} | above the maximum",
            "confidence text  | {\"action\":\"NONE\",\"module\":null,\"parameters\":{},\"confidence\":\"high\",\"rationale\":\"x\"} | $.confidence: expected",
            "empty rationale  | {\"action\":\"NONE\",\"module\":null,\"parameters\":{},\"confidence\":0.5,\"rationale\":\"\"} | shorter than 1",
    })
    void schemaViolationsNameTheField(String name, String json, String expected) {
        var e = assertThrows(AdviceRejectedException.class, () -> parser.parse(json));
        assertEquals(OverruleReason.SCHEMA_VIOLATION, e.overrule().reason(), e.getMessage());
        assertTrue(e.overrule().detail().contains(expected), e.overrule().detail());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "prose             | I think we should run the optimiser.",
            "truncated         | {\"action\":\"INVOKE\",\"module\":\"analysis\"",
            "two objects       | {\"a\":1} {\"b\":2}",
            "text after        | {\"action\":\"NONE\"} and that is my answer",
            "array             | [1,2]",
            "duplicate key     | {\"action\":\"NONE\",\"action\":\"INVOKE\",\"module\":null,\"parameters\":{},\"confidence\":1,\"rationale\":\"x\"}",
            "NaN confidence    | {\"action\":\"NONE\",\"module\":null,\"parameters\":{},\"confidence\":NaN,\"rationale\":\"x\"}",
    })
    void malformedAnswersAreMalformedJson(String name, String answer) {
        var e = assertThrows(AdviceRejectedException.class, () -> parser.parse(answer));
        assertEquals(OverruleReason.MALFORMED_JSON, e.overrule().reason(), e.getMessage());
    }

    @Test
    void emptyAnswerIsMalformed() {
        var e = assertThrows(AdviceRejectedException.class, () -> parser.parse("  \n"));
        assertEquals(OverruleReason.MALFORMED_JSON, e.overrule().reason());
    }
}
