package org.dang.engine.assistant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.dang.engine.decision.DecisionAction;
import org.dang.engine.module.ModuleName;

/** The chat's tool requests: the published schema, the advisor's parameter ranges, and strictness. */
class ToolRequestParserTest {

    final ToolRequestParser parser = new ToolRequestParser();

    ToolRequestRejectedException rejected(String answer) {
        return assertThrows(ToolRequestRejectedException.class, () -> parser.parse(answer));
    }

    @Test
    void thePublishedSchemaIsTheOneTheEngineShips() throws Exception {
        assertEquals(Files.readString(Path.of("../docs/chat-tool-request.schema.json")), parser.schemaText());
    }

    @Test
    void proseIsTheFinalAnswer() {
        ModelAnswer a = parser.parse("  The column is stable; no action needed.\n");
        assertEquals(new ModelAnswer.Prose("The column is stable; no action needed."), a);
    }

    @Test
    void anInvokeIsCheckedAgainstTheAdvisorsRanges() {
        ModelAnswer a = parser.parse("{\"action\": \"INVOKE\", \"module\": \"forecasting\", \"parameters\": {\"horizon\":"
                + " 12.0, \"tags\": [\"naphtha_yield\"]}, \"confidence\": 0.9, \"rationale\": \"r\"}");
        ToolRequest.Invoke i = (ToolRequest.Invoke) assertInstanceOf(ModelAnswer.Tool.class, a).request();
        assertEquals(ModuleName.FORECASTING, i.module());
        assertEquals(Map.of("horizon", 12L, "tags", List.of("naphtha_yield")), i.parameters());

        var e = rejected("{\"action\": \"INVOKE\", \"module\": \"forecasting\", \"parameters\": {\"horizon\": 0},"
                + " \"confidence\": 0.9, \"rationale\": \"r\"}");
        assertEquals("$.parameters.horizon", e.field());
        assertTrue(e.getMessage().startsWith("PARAMETER_OUT_OF_RANGE"), e.getMessage());
        e = rejected("{\"action\": \"INVOKE\", \"module\": \"optimization\", \"parameters\": {\"setpoint\": 365},"
                + " \"confidence\": 0.9, \"rationale\": \"r\"}");
        assertEquals("$.parameters.setpoint", e.field());
        assertEquals("$.module", rejected("{\"action\": \"INVOKE\", \"module\": \"blending\", \"parameters\": {},"
                + " \"confidence\": 0.9, \"rationale\": \"r\"}").field());
        assertEquals("$", rejected("{\"action\": \"INVOKE\", \"parameters\": {}, \"confidence\": 0.9,"
                + " \"rationale\": \"r\"}").field());
    }

    @Test
    void aHistoryQueryReadsTimesModulesAndActions() {
        ModelAnswer a = parser.parse("```json\n{\"action\": \"HISTORY\", \"query\": {\"from\": \"2026-11-24T02:00:00Z\","
                + " \"to\": \"2026-11-24\", \"module\": \"optimization\", \"action\": \"INVOKE\", \"text\": \"furnace\","
                + " \"limit\": 5}, \"confidence\": 1, \"rationale\": \"r\"}\n```");
        HistoryQuery q = ((ToolRequest.History) ((ModelAnswer.Tool) a).request()).query();
        assertEquals(new HistoryQuery(Optional.of(Instant.parse("2026-11-24T02:00:00Z")),
                Optional.of(Instant.parse("2026-11-25T00:00:00Z")), Optional.of(ModuleName.OPTIMIZATION),
                Optional.of(DecisionAction.INVOKE), Optional.of("furnace"), 5), q);
        assertEquals("$.query.from", rejected("{\"action\": \"HISTORY\", \"query\": {\"from\": \"last tuesday!\"},"
                + " \"confidence\": 1, \"rationale\": \"r\"}").field());
        assertEquals("$.query.limit", rejected("{\"action\": \"HISTORY\", \"query\": {\"limit\": 500},"
                + " \"confidence\": 1, \"rationale\": \"r\"}").field());
        assertEquals("$.module", rejected("{\"action\": \"HISTORY\", \"module\": \"analysis\", \"query\": {},"
                + " \"confidence\": 1, \"rationale\": \"r\"}").field());
        assertEquals("$", rejected("{\"action\": \"HISTORY\", \"confidence\": 1, \"rationale\": \"r\"}").field());
    }

    @Test
    void garbageIsRefusedNamingWhere() {
        assertTrue(rejected("{\"action\": \"INVOKE\",").getMessage().startsWith("not one JSON object (line 1"));
        assertEquals("$.confidence", rejected("{\"action\": \"HISTORY\", \"query\": {}, \"confidence\": 7,"
                + " \"rationale\": \"r\"}").field());
        assertTrue(rejected("{\"action\": \"HISTORY\", \"action\": \"INVOKE\", \"query\": {}, \"confidence\": 1,"
                + " \"rationale\": \"r\"}").getMessage().contains("Duplicate field 'action'"));
        assertTrue(rejected("{\"action\": \"HISTORY\", \"query\": {}, \"confidence\": 1, \"rationale\": \"r\"} {}")
                .getMessage().startsWith("not one JSON object"));
        assertEquals("$.action", rejected("{\"action\": \"APPLY_SETPOINT\", \"confidence\": 1, \"rationale\": \"r\"}")
                .field());
        assertTrue(rejected("Sure, running it: {\"action\": \"INVOKE\"}").getMessage().contains("whole answer"));
        assertEquals("the answer is empty", rejected("   ").getMessage());
        assertTrue(rejected("{\"a\": NaN}").getMessage().contains("not one JSON object"));
    }
}
