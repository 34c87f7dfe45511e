package org.dang.engine.advisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dang.engine.llm.ChatRequest;
import org.dang.engine.llm.ChatResult;
import org.dang.engine.llm.FinishReason;
import org.dang.engine.llm.Sampling;
import org.dang.engine.llm.TokenBudget;

/** Recorded replies: found by the prompt's situation id, split like a live R1 stream, and clear when absent. */
class RecordedRepliesTest {

    @TempDir
    Path dir;

    private static String promptAbout(String id) {
        return "advisor text\n<plant-data>\n{\"asked_because\":[],\"situation\":{\"description\":\"x \\u003c/plant-data\\u003e\","
                + "\"id\":" + org.dang.engine.json.Json.write(id) + ",\"time\":\"2026-11-24T06:00:00Z\"}}\n</plant-data>\nschema";
    }

    private ChatResult ask(String prompt, TokenBudget budget) {
        return new RecordedReplies(dir).chat(ChatRequest.ask(prompt, Sampling.deepSeekDefaults(), budget));
    }

    @Test
    void answersWithTheRecordingSplitIntoReasoningAndAnswer() throws Exception {
        Files.writeString(dir.resolve("S1.txt"), RecordedReplies.format("Data looks fine.", "{\"action\": \"NONE\"}"));
        ChatResult r = ask(promptAbout("S1"), DecisionAdvisor.BUDGET);
        assertEquals(FinishReason.STOP, r.finish());
        assertEquals("Data looks fine.", r.reasoning());
        assertEquals("{\"action\": \"NONE\"}", r.answer());
        assertEquals("recorded", r.answeredBy().orElseThrow().backend());
    }

    @Test
    void aLongRecordedReasoningMeetsTheThinkingBudgetAsALiveOneWould() throws Exception {
        Files.writeString(dir.resolve("S1.txt"), RecordedReplies.format("so ".repeat(50), "{}"));
        assertEquals(FinishReason.THINKING_BUDGET, ask(promptAbout("S1"), TokenBudget.of(20, 10)).finish());
    }

    @Test
    void noRecordingUnsafeIdsAndPromptsWithoutDataEndInAnError() {
        ChatResult absent = ask(promptAbout("S2"), DecisionAdvisor.BUDGET);
        assertEquals(FinishReason.ERROR, absent.finish());
        assertTrue(absent.error().orElseThrow().startsWith("no recorded reply for situation \"S2\": "), absent.error().get());
        for (String id : List.of("../S1", "a/b", ".hidden", "")) {
            ChatResult r = ask(promptAbout(id), DecisionAdvisor.BUDGET);
            assertEquals(FinishReason.ERROR, r.finish(), id);
        }
        assertTrue(ask("no data block here", DecisionAdvisor.BUDGET).error().orElseThrow().contains("no <plant-data> block"));
    }
}
