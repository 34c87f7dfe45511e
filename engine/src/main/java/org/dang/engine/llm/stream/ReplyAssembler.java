package org.dang.engine.llm.stream;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.LongSupplier;

import org.dang.engine.llm.ChatListener;
import org.dang.engine.llm.ChatResult;
import org.dang.engine.llm.ChatTimings;
import org.dang.engine.llm.FinishReason;
import org.dang.engine.llm.ModelInfo;
import org.dang.engine.llm.TokenBudget;
import org.dang.engine.llm.TokenUsage;
import org.dang.engine.llm.reasoning.Channel;
import org.dang.engine.llm.reasoning.Piece;
import org.dang.engine.llm.reasoning.ReasoningParser;

/**
 * Turns one backend's stream of text pieces into a reply: splits reasoning from answer, passes the
 * pieces to the listener, counts tokens against the budgets, times the first token and the rate, and
 * builds the final {@link ChatResult} exactly once. Every backend feeds one of these; thread-safe.
 */
public final class ReplyAssembler {

    private static final Logger LOG = System.getLogger(ReplyAssembler.class.getName());

    /** What the backend should do after a piece. */
    public enum Verdict {
        /** Keep streaming. */
        CONTINUE,
        /** Stop: the reasoning reached the thinking budget. */
        THINKING_BUDGET,
        /** Stop: the answer reached its budget. */
        ANSWER_BUDGET,
        /** Stop: the reply has already ended (cancelled or failed). */
        ENDED
    }

    private final ModelInfo info;
    private final TokenBudget budget;
    private final ChatListener listener;
    private final ReasoningParser parser;
    private final ChatCall call;
    private final LongSupplier nanos;
    private final long start;
    private final StringBuilder reasoning = new StringBuilder();
    private final StringBuilder answer = new StringBuilder();
    private long firstToken = -1;
    private int reasoningTokens;
    private int answerTokens;
    private OptionalInt reportedPrompt = OptionalInt.empty();
    private OptionalInt reportedCompletion = OptionalInt.empty();
    private OptionalInt reportedReasoning = OptionalInt.empty();
    private ChatResult result;

    /** Starts the clock for a reply to {@code call}. */
    public ReplyAssembler(ModelInfo info, TokenBudget budget, ChatListener listener, ReasoningParser parser,
                          ChatCall call) {
        this(info, budget, listener, parser, call, System::nanoTime);
    }

    ReplyAssembler(ModelInfo info, TokenBudget budget, ChatListener listener, ReasoningParser parser, ChatCall call,
                   LongSupplier nanos) {
        this.info = info;
        this.budget = budget;
        this.listener = listener;
        this.parser = parser;
        this.call = call;
        this.nanos = nanos;
        this.start = nanos.getAsLong();
    }

    /** A piece of the content stream (which may hold {@code <think>} tags); counted as one token. */
    public synchronized Verdict content(String text) {
        if (result != null) {
            return Verdict.ENDED;
        }
        if (text.isEmpty()) {
            return Verdict.CONTINUE;
        }
        Channel counted = parser.channel();
        List<Piece> pieces = parser.accept(text);
        return count(counted, pieces);
    }

    /** A piece of reasoning the server sent in its own field; counted as one token. */
    public synchronized Verdict reasoning(String text) {
        if (result != null) {
            return Verdict.ENDED;
        }
        parser.serverSeparatesReasoning();
        if (text.isEmpty()) {
            return Verdict.CONTINUE;
        }
        return count(Channel.REASONING, List.of(new Piece(Channel.REASONING, text)));
    }

    private Verdict count(Channel counted, List<Piece> pieces) {
        if (counted == Channel.REASONING) {
            reasoningTokens++;
        } else {
            answerTokens++;
        }
        if (firstToken < 0) {
            firstToken = nanos.getAsLong();
        }
        pieces.forEach(this::emit);
        if (parser.channel() == Channel.REASONING && reasoningTokens >= budget.thinkingTokens()) {
            return Verdict.THINKING_BUDGET;
        }
        if (answerTokens >= budget.answerTokens()) {
            return Verdict.ANSWER_BUDGET;
        }
        return Verdict.CONTINUE;
    }

    private void emit(Piece p) {
        try {
            if (p.channel() == Channel.REASONING) {
                reasoning.append(p.text());
                listener.reasoning(p.text());
            } else {
                answer.append(p.text());
                listener.answer(p.text());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "chat listener failed: " + e, e);
        }
    }

    /** Token counts the server reported (they replace the counted ones). */
    public synchronized void reported(OptionalInt prompt, OptionalInt completion, OptionalInt reasoningCount) {
        if (prompt.isPresent()) {
            reportedPrompt = prompt;
        }
        if (completion.isPresent()) {
            reportedCompletion = completion;
        }
        if (reasoningCount.isPresent()) {
            reportedReasoning = reasoningCount;
        }
    }

    /** Whether any reasoning or answer has reached the listener (a fallback may no longer switch backends). */
    public synchronized boolean started() {
        return firstToken >= 0;
    }

    /** Ends the reply for a budget verdict. */
    public ChatResult finish(Verdict verdict) {
        return switch (verdict) {
            case THINKING_BUDGET -> finish(FinishReason.THINKING_BUDGET, Optional.empty());
            case ANSWER_BUDGET -> finish(FinishReason.LENGTH, Optional.empty());
            case CONTINUE, ENDED -> finish(FinishReason.STOP, Optional.empty());
        };
    }

    /** Ends with an error message. */
    public ChatResult fail(String error) {
        return finish(FinishReason.ERROR, Optional.of(error));
    }

    /**
     * Ends the reply (the first call wins; later ones return the same result): releases held text,
     * settles reasoning against answer, tells the listener and completes the call.
     */
    public ChatResult finish(FinishReason reason, Optional<String> error) {
        ChatResult r;
        synchronized (this) {
            if (result != null) {
                return result;
            }
            FinishReason finish = reason;
            parser.finish().forEach(this::emit);
            String reasoningText = reasoning.toString().strip();
            String answerText = answer.toString().strip();
            int rTokens = reasoningTokens;
            int aTokens = answerTokens;
            if (finish == FinishReason.STOP && parser.reasoningAssumedOnly() && answerText.isEmpty()) {
                // The model stopped without ever closing a reasoning it never opened: it was the answer.
                answerText = reasoningText;
                reasoningText = "";
                aTokens += rTokens;
                rTokens = 0;
            } else if (finish == FinishReason.LENGTH && answerText.isEmpty() && !reasoningText.isEmpty()
                    && !parser.reasoningClosed()) {
                finish = FinishReason.THINKING_BUDGET;
            }
            boolean reported = reportedCompletion.isPresent();
            if (reported) {
                int completion = reportedCompletion.getAsInt();
                rTokens = reportedReasoning.orElse(Math.min(rTokens, completion));
                aTokens = Math.max(0, completion - rTokens);
            }
            long end = nanos.getAsLong();
            Optional<Duration> ttft = firstToken < 0 ? Optional.empty() : Optional.of(Duration.ofNanos(firstToken - start));
            int generated = rTokens + aTokens;
            double rate = firstToken >= 0 && generated > 1 && end > firstToken
                    ? (generated - 1) / ((end - firstToken) / 1e9) : 0;
            r = new ChatResult(answerText, reasoningText, finish, error,
                    new TokenUsage(reportedPrompt, rTokens, aTokens, reported),
                    new ChatTimings(ttft, Duration.ofNanos(end - start), rate),
                    finish == FinishReason.UNAVAILABLE ? Optional.empty() : Optional.of(info));
            result = r;
        }
        try {
            listener.completed(r);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "chat listener failed: " + e, e);
        }
        call.complete(r);
        return r;
    }
}
