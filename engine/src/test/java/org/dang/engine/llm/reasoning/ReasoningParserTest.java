package org.dang.engine.llm.reasoning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The incremental reasoning parser: tags, the closing-tag-only form, server fields, and cuts at every position. */
class ReasoningParserTest {

    /** Reasoning and answer as the parser separated them. */
    private record Split(String reasoning, String answer) {
    }

    private static Split run(boolean assumeThinking, List<String> pieces) {
        ReasoningParser p = new ReasoningParser(assumeThinking);
        List<Piece> out = new ArrayList<>();
        pieces.forEach(s -> out.addAll(p.accept(s)));
        out.addAll(p.finish());
        StringBuilder r = new StringBuilder();
        StringBuilder a = new StringBuilder();
        for (Piece piece : out) {
            assertFalse(piece.text().isEmpty(), "no empty pieces");
            (piece.channel() == Channel.REASONING ? r : a).append(piece.text());
        }
        return new Split(r.toString(), a.toString());
    }

    private static void assertEveryCut(boolean assumeThinking, String text, String reasoning, String answer) {
        assertEquals(new Split(reasoning, answer), run(assumeThinking, List.of(text)), "whole text");
        List<String> chars = text.chars().mapToObj(c -> String.valueOf((char) c)).toList();
        assertEquals(new Split(reasoning, answer), run(assumeThinking, chars), "one character at a time");
        for (int i = 0; i <= text.length(); i++) {
            for (int j = i; j <= text.length(); j++) {
                Split got = run(assumeThinking, List.of(text.substring(0, i), text.substring(i, j), text.substring(j)));
                assertEquals(new Split(reasoning, answer), got, "cut at " + i + " and " + j + " of \"" + text + "\"");
            }
        }
    }

    @Test
    void explicitThinkTagsAtEveryCut() {
        assertEveryCut(true, "<think>\nFeed is low.\n</think>\n\nRaise the feed.", "Feed is low.\n",
                "Raise the feed.");
        assertEveryCut(false, "<think>\nFeed is low.\n</think>\n\nRaise the feed.", "Feed is low.\n",
                "Raise the feed.");
    }

    @Test
    void closingTagOnlyBecauseThePromptOpenedTheReasoning() {
        assertEveryCut(true, "Pressure rises; check PC-101.</think>\n\nOpen the vent.", "Pressure rises; check PC-101.",
                "Open the vent.");
    }

    @Test
    void leadingWhitespaceBeforeTheOpeningTag() {
        assertEveryCut(true, "\n <think>a</think>b", "a", "b");
    }

    @Test
    void tagLookalikesStayText() {
        assertEveryCut(true, "<think>x < y and </thin k></think>ok", "x < y and </thin k>", "ok");
        assertEveryCut(false, "<thinking is hard", "", "<thinking is hard");
        assertEveryCut(false, "<thi", "", "<thi");
    }

    @Test
    void plainAnswerWhenNotAssumingReasoning() {
        assertEveryCut(false, "  The column is stable.", "", "The column is stable.");
    }

    @Test
    void unclosedReasoningIsHeldAsReasoningAndReportedAsAssumed() {
        ReasoningParser p = ReasoningParser.deepSeekR1();
        List<Piece> out = new ArrayList<>(p.accept("Still thinking </thi"));
        assertEquals(List.of(new Piece(Channel.REASONING, "Still thinking ")), out, "partial tag held back");
        assertTrue(p.reasoningAssumedOnly());
        assertEquals(List.of(new Piece(Channel.REASONING, "</thi")), p.finish());
        assertFalse(p.reasoningClosed());
    }

    @Test
    void explicitOpenIsNotAssumed() {
        ReasoningParser p = ReasoningParser.deepSeekR1();
        p.accept("<think>hmm");
        assertFalse(p.reasoningAssumedOnly());
    }

    @Test
    void serverSeparatedReasoningMakesContentTheAnswer() {
        ReasoningParser p = ReasoningParser.deepSeekR1();
        assertEquals(Channel.REASONING, p.channel());
        p.serverSeparatesReasoning();
        assertEquals(Channel.ANSWER, p.channel());
        assertEquals(List.of(new Piece(Channel.ANSWER, "Answer")), p.accept("\n\nAnswer"));
        assertFalse(p.reasoningAssumedOnly());
    }

    @Test
    void emptyAndWhitespaceOnlyStreams() {
        assertEquals(new Split("", ""), run(true, List.of()));
        assertEquals(new Split("", ""), run(true, List.of("", "  \n")));
        assertEquals(new Split("", ""), run(true, List.of("<think>", "\n", "</think>", "\n\n")));
    }

    @Test
    void channelFollowsTheTags() {
        ReasoningParser p = ReasoningParser.deepSeekR1();
        p.accept("<think>");
        assertEquals(Channel.REASONING, p.channel());
        p.accept("a</th");
        assertEquals(Channel.REASONING, p.channel());
        p.accept("ink>");
        assertEquals(Channel.ANSWER, p.channel());
        assertTrue(p.reasoningClosed());
    }
}
