package org.dang.engine.assistant;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dang.engine.access.User;
import org.dang.engine.advisor.PlantSummary;
import org.dang.engine.decision.Decision;
import org.dang.engine.json.Json;
import org.dang.engine.store.ConversationSummary;
import org.dang.engine.store.ConversationTurn;
import org.dang.engine.store.StoredDecision;

/**
 * The JSON data block of one chat prompt: the operator, the question, the conversation window, the
 * decision records, the tool results so far. Every text from outside (operator words, earlier turns,
 * records, module results) is a JSON string escaped by Jackson, with {@code <} and {@code >} written
 * as {@code \u003c} and {@code \u003e} as in the advisor's {@link PlantSummary}, so nothing in it can
 * close the {@code <chat-data>} delimiter; every text and list is cut, so the block stays bounded.
 */
final class ChatData {

    /** Longest question kept. */
    static final int MAX_QUESTION = 2_000;
    /** Longest module result (JSON) kept per tool step. */
    static final int MAX_RESULT = 4_000;
    /** Longest text inside a record. */
    static final int MAX_TEXT = 300;

    private ChatData() {
    }

    /**
     * The block.
     *
     * @param user          who asks
     * @param now           when
     * @param question      the operator's question
     * @param memory        the conversation window
     * @param records       decision records given up front or by a HISTORY step
     * @param recordsNote   why those records (or that none matched)
     * @param steps         tool steps of this question so far
     * @param toolsLeft     tool requests the model may still make
     * @param rejected      why the model's last answer was not accepted, if so
     */
    static String block(User user, Instant now, String question, MemoryContext memory, List<StoredDecision> records,
                        String recordsNote, List<ToolStep> steps, int toolsLeft, Optional<String> rejected) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("operator", cut(user.name(), 64));
        m.put("now", now.toString());
        m.put("question", cut(question, MAX_QUESTION));
        memory.summary().ifPresent(s -> m.put("conversation_summary", summary(s)));
        m.put("recent_turns", memory.turns().stream().map(ChatData::turn).toList());
        if (!recordsNote.isEmpty()) {
            m.put("decision_records_note", cut(recordsNote, MAX_TEXT));
        }
        m.put("decision_records", records.stream().limit(HistoryQuery.MAX_LIMIT).map(ChatData::record).toList());
        m.put("tool_results", steps.stream().map(ChatData::step).toList());
        m.put("tool_requests_left", toolsLeft);
        rejected.ifPresent(r -> m.put("previous_answer_rejected", cut(r, 1_000)));
        return quoted(m);
    }

    /** {@code value} as JSON in which no string can close a tag. */
    static String quoted(Object value) {
        return Json.write(value).replace("<", "\\u003c").replace(">", "\\u003e");
    }

    /** The bounded form of a stored decision the model reads. */
    static Map<String, Object> record(StoredDecision s) {
        Decision d = s.decision();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", s.seq());
        m.put("id", d.id().toString());
        m.putAll(PlantSummary.recent(d));
        m.put("rationale", cut(d.rationale(), MAX_TEXT));
        m.put("parameters", cut(Json.write(d.parameters()), MAX_TEXT));
        m.put("triggers", d.triggers().stream().limit(5).map(t -> cut(t.kind().name() + ": " + t.detail(), MAX_TEXT))
                .toList());
        m.put("confidence", d.confidence());
        s.outcome().ifPresent(o -> m.put("outcome", o.status().name() + ": " + cut(o.detail(), MAX_TEXT)));
        return m;
    }

    private static Map<String, Object> summary(ConversationSummary s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("text", cut(s.text(), ConversationMemory.SUMMARY_CHARS));
        m.put("covers_turns_up_to", s.upToSeq());
        m.put("method", s.method());
        return m;
    }

    private static Map<String, Object> turn(ConversationTurn t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", t.seq());
        m.put("role", t.role());
        m.put("at", t.at().toString());
        m.put("text", cut(t.text(), ConversationMemory.TURN_CHARS));
        return m;
    }

    private static Map<String, Object> step(ToolStep s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("step", s.number());
        m.put("request", s.request());
        m.put("status", s.state().name());
        m.put("summary", cut(s.summary(), 1_000));
        if (!s.result().isEmpty()) {
            m.put("result", cut(s.result(), MAX_RESULT));
        }
        if (!s.proposals().isEmpty()) {
            m.put("proposals_waiting_for_operator_approval", s.proposals().stream().map(p -> Map.of("id", p.id(),
                    "summary", cut(p.summary(), MAX_TEXT))).toList());
        }
        return m;
    }

    static String cut(String s, int max) {
        if (s == null) {
            return "";
        }
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }
}
