package org.dang.engine.assistant;

import static org.dang.engine.assistant.ScriptedChatModel.r1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dang.engine.Engine;
import org.dang.engine.access.Role;
import org.dang.engine.access.User;
import org.dang.engine.config.DangConfig;
import org.dang.engine.json.Json;
import org.dang.engine.store.ConversationSummary;
import org.dang.engine.store.ConversationTurn;

/** Conversation memory in the H2 store: restarts, isolation, the bounded window and its summaries. */
class ConversationMemoryTest {

    static final InstantSource CLOCK = InstantSource.fixed(Instant.parse("2026-11-24T10:00:00Z"));

    @TempDir
    Path dir;

    Engine open() {
        return Engine.open(DangConfig.defaults().withStore(dir.resolve("decisions")));
    }

    static AssistantReply ask(Assistant a, User u, String q) {
        return a.ask(u, q, AssistantListener.NONE).result().orTimeout(30, TimeUnit.SECONDS).join();
    }

    static JsonNode data(String prompt) throws Exception {
        int from = prompt.indexOf("<chat-data>\n") + "<chat-data>\n".length();
        return Json.mapper().readTree(prompt.substring(from, prompt.indexOf("\n</chat-data>")));
    }

    @Test
    void memorySurvivesARestartAndEachOperatorHasTheirOwn() throws Exception {
        User lee = new User("op.lee", Role.OPERATOR, "test");
        User kim = new User("op.kim", Role.OPERATOR, "test");
        try (Engine engine = open()) {
            ScriptedChatModel model = ScriptedChatModel.replying(r1("a", "Reflux is 180 m³/h."),
                    r1("b", "Kim's answer."));
            Assistant a = new Assistant(engine, model, new ConversationMemory(engine.store(), CLOCK),
                    AssistantSettings.defaults(), CLOCK);
            ask(a, lee, "What is the reflux?");
            ask(a, kim, "Kim's question");
        }
        try (Engine engine = open()) {
            ScriptedChatModel model = ScriptedChatModel.replying(r1("c", "It was 180 m³/h."));
            Assistant a = new Assistant(engine, model, new ConversationMemory(engine.store(), CLOCK),
                    AssistantSettings.defaults(), CLOCK);
            List<ConversationTurn> history = a.history(lee, 50);
            assertEquals(List.of("What is the reflux?", "Reflux is 180 m³/h."),
                    history.stream().map(ConversationTurn::text).toList());
            ask(a, lee, "And before?");
            JsonNode turns = data(model.prompts.getFirst()).path("recent_turns");
            assertEquals(2, turns.size(), turns.toString());
            assertEquals("What is the reflux?", turns.get(0).path("text").asText());
            assertTrue(!turns.toString().contains("Kim"), "another operator's turns never reach the prompt");
            assertEquals(List.of("Kim's question", "Kim's answer."),
                    a.history(kim, 50).stream().map(ConversationTurn::text).toList());
            assertEquals(2, a.clear(lee) - 2, "four turns of lee's went");
            assertTrue(a.history(lee, 50).isEmpty());
            assertEquals(2, a.history(kim, 50).size(), "clearing lee's leaves kim's");
            assertTrue(engine.store().auditTrail(20).stream().anyMatch(e -> e.actor().equals("op.lee")
                    && e.target().equals("conversation of op.lee") && e.detail().startsWith("cleared the conversation")));
        }
    }

    @Test
    void olderTurnsFallOutOfTheWindowIntoAnExtractiveSummaryWithoutAModelSummary() throws Exception {
        User lee = new User("op.lee", Role.OPERATOR, "test");
        try (Engine engine = open()) {
            ScriptedChatModel model = ScriptedChatModel.replying(r1("1", "Answer one."), r1("2", "Answer two."),
                    r1("3", "Answer three."));
            Assistant a = new Assistant(engine, model, new ConversationMemory(engine.store(), CLOCK, 2, 6_000),
                    new AssistantSettings(3, Duration.ofSeconds(10), false), CLOCK);
            ask(a, lee, "Question one. With more words.");
            ask(a, lee, "Question two.");
            ask(a, lee, "Question three.");
            JsonNode third = data(model.prompts.get(2));
            assertEquals(2, third.path("recent_turns").size());
            assertEquals("Question two.", third.path("recent_turns").get(0).path("text").asText());
            JsonNode summary = third.path("conversation_summary");
            assertEquals("EXTRACTIVE", summary.path("method").asText());
            assertEquals(2, summary.path("covers_turns_up_to").asLong());
            assertEquals("#1 Operator asked: Question one.\n#2 Assistant answered: Answer one.",
                    summary.path("text").asText());
            ConversationSummary stored = engine.store().latestSummary("op.lee").orElseThrow();
            assertEquals("EXTRACTIVE", stored.method());
        }
    }

    @Test
    void theModelSummarisesWhenItCanAndTheRecordSaysSo() throws Exception {
        User lee = new User("op.lee", Role.OPERATOR, "test");
        try (Engine engine = open()) {
            ScriptedChatModel model = ScriptedChatModel.replying(r1("1", "Answer one."),
                    r1("s", "Lee asked about question one; the answer was one."), r1("2", "Answer two."));
            Assistant a = new Assistant(engine, model, new ConversationMemory(engine.store(), CLOCK, 1, 6_000),
                    AssistantSettings.defaults(), CLOCK);
            ask(a, lee, "Question one.");
            ask(a, lee, "Question two.");
            assertTrue(model.prompts.get(1).startsWith("Summarise this part of a conversation"));
            assertTrue(model.prompts.get(1).contains("Question one."));
            JsonNode summary = data(model.prompts.get(2)).path("conversation_summary");
            assertEquals("MODEL", summary.path("method").asText());
            assertEquals("Lee asked about question one; the answer was one.", summary.path("text").asText());
        }
    }

    @Test
    void theExtractStaysBoundedDroppingItsOldestLines() {
        StringBuilder previous = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            previous.append("line ").append(i).append(" of an old summary\n");
        }
        List<ConversationTurn> dropped = List.of(new ConversationTurn("x", 500, "OPERATOR", "x".repeat(5_000),
                null, Instant.EPOCH));
        String s = ConversationMemory.extract(previous.toString(), dropped);
        assertTrue(s.length() <= ConversationMemory.SUMMARY_CHARS, String.valueOf(s.length()));
        assertTrue(s.endsWith("…") && s.contains("#500 Operator asked: xxx"), s);
        assertTrue(s.contains("line 199") && !s.contains("line 0 "), s);
    }
}
