package org.dang.engine.llm.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import org.dang.engine.llm.ChatListener;
import org.dang.engine.llm.ChatResult;
import org.dang.engine.llm.FinishReason;
import org.dang.engine.llm.ModelInfo;
import org.dang.engine.llm.TokenBudget;
import org.dang.engine.llm.reasoning.ReasoningParser;

/** Reply assembly: timings on a controlled clock, budgets, token counts, one completion. */
class ReplyAssemblerTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final List<String> completedFinishes = new ArrayList<>();
    private final ModelInfo info = new ModelInfo("openai", "r1", "http://h");

    private ReplyAssembler assembler(TokenBudget budget, ChatListener listener, ChatCall call) {
        return new ReplyAssembler(info, budget, listener, ReasoningParser.deepSeekR1(), call, nanos::get);
    }

    private void advanceMillis(long ms) {
        nanos.addAndGet(ms * 1_000_000L);
    }

    @Test
    void timeToFirstTokenAndRateAfterIt() {
        ChatCall call = new ChatCall();
        ReplyAssembler a = assembler(TokenBudget.of(100, 100), ChatListener.NONE, call);
        advanceMillis(400);
        a.content("Think");
        for (int i = 0; i < 10; i++) {
            advanceMillis(100);
            a.content(i == 4 ? "</think>" : " x");
        }
        ChatResult r = a.finish(FinishReason.STOP, Optional.empty());
        assertEquals(Optional.of(Duration.ofMillis(400)), r.timings().timeToFirstToken());
        assertEquals(Duration.ofMillis(1400), r.timings().total());
        assertEquals(10.0, r.timings().tokensPerSecond(), 1e-9, "10 tokens in the second after the first");
        assertEquals(6, r.usage().reasoningTokens(), "Think, four x and </think>");
        assertEquals(5, r.usage().answerTokens());
        assertFalse(r.usage().reported());
        assertSame(r, call.result().join());
    }

    @Test
    void reportedCountsReplaceCountedOnes() {
        ReplyAssembler a = assembler(TokenBudget.of(100, 100), ChatListener.NONE, new ChatCall());
        a.content("a</think>b");
        a.reported(OptionalInt.of(12), OptionalInt.of(40), OptionalInt.of(30));
        ChatResult r = a.finish(FinishReason.STOP, Optional.empty());
        assertEquals(OptionalInt.of(12), r.usage().promptTokens());
        assertEquals(30, r.usage().reasoningTokens());
        assertEquals(10, r.usage().answerTokens());
        assertTrue(r.usage().reported());
    }

    @Test
    void finishingTwiceKeepsTheFirstAndCompletesOnce() {
        ChatListener l = new ChatListener() {
            @Override
            public void completed(ChatResult result) {
                completedFinishes.add(result.finish().name());
            }
        };
        ReplyAssembler a = assembler(TokenBudget.of(100, 100), l, new ChatCall());
        a.content("x");
        ChatResult first = a.finish(FinishReason.CANCELLED, Optional.empty());
        ChatResult second = a.fail("late failure");
        assertSame(first, second);
        assertEquals(List.of("CANCELLED"), completedFinishes);
        assertEquals(ReplyAssembler.Verdict.ENDED, a.content("more"));
    }

    @Test
    void aThrowingListenerDoesNotStopTheReply() {
        ChatListener broken = new ChatListener() {
            @Override
            public void reasoning(String text) {
                throw new IllegalStateException("view gone");
            }
        };
        ChatCall call = new ChatCall();
        ReplyAssembler a = assembler(TokenBudget.of(100, 100), broken, call);
        a.content("why</think>because");
        assertEquals("because", a.finish(FinishReason.STOP, Optional.empty()).answer());
        assertTrue(call.result().isDone());
    }

    @Test
    void budgetsGiveTheirVerdicts() {
        ReplyAssembler thinking = assembler(TokenBudget.of(2, 100), ChatListener.NONE, new ChatCall());
        assertEquals(ReplyAssembler.Verdict.CONTINUE, thinking.content("a"));
        assertEquals(ReplyAssembler.Verdict.THINKING_BUDGET, thinking.content("b"));
        assertEquals(FinishReason.THINKING_BUDGET, thinking.finish(ReplyAssembler.Verdict.THINKING_BUDGET).finish());

        ReplyAssembler answer = assembler(TokenBudget.of(100, 2), ChatListener.NONE, new ChatCall());
        answer.reasoning("r");
        assertEquals(ReplyAssembler.Verdict.CONTINUE, answer.content("one"));
        assertEquals(ReplyAssembler.Verdict.ANSWER_BUDGET, answer.content(" two"));
        ChatResult r = answer.finish(ReplyAssembler.Verdict.ANSWER_BUDGET);
        assertEquals(FinishReason.LENGTH, r.finish());
        assertEquals("one two", r.answer());
        assertEquals("r", r.reasoning());
    }

    @Test
    void noTokenAtAllHasNoFirstTokenTime() {
        ReplyAssembler a = assembler(TokenBudget.of(10, 10), ChatListener.NONE, new ChatCall());
        advanceMillis(50);
        ChatResult r = a.fail("connection refused");
        assertEquals(Optional.empty(), r.timings().timeToFirstToken());
        assertEquals(0, r.timings().tokensPerSecond());
        assertEquals(Optional.of("connection refused"), r.error());
        assertEquals(Optional.of(info), r.answeredBy(), "the failing backend is named");
    }
}
