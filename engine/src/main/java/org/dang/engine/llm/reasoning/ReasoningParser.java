package org.dang.engine.llm.reasoning;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits streamed model text into reasoning and answer, piece by piece, for text cut anywhere
 * (including inside a tag). It understands {@code <think>...</think>} and the R1 distills' usual
 * output where the prompt already opened {@code <think>}, so only {@code </think>} appears. Servers
 * that separate the reasoning themselves ({@code reasoning} / {@code reasoning_content} fields) call
 * {@link #serverSeparatesReasoning()}, after which content is all answer.
 *
 * <p>Not thread-safe: one parser per reply.
 */
public final class ReasoningParser {

    private static final String OPEN = "<think>";
    private static final String CLOSE = "</think>";

    private enum State { LEADING, REASONING_START, REASONING, ANSWER_START, ANSWER }

    private final boolean assumeThinking;
    private final StringBuilder held = new StringBuilder();
    private State state = State.LEADING;
    private boolean explicitOpen;
    private boolean closed;
    private boolean serverSeparated;

    /**
     * @param assumeThinking text with no leading {@code <think>} is reasoning until {@code </think>}
     *                       (true for DeepSeek-R1, whose template opens the reasoning in the prompt);
     *                       false: such text is the answer
     */
    public ReasoningParser(boolean assumeThinking) {
        this.assumeThinking = assumeThinking;
    }

    /** A parser for DeepSeek-R1 output. */
    public static ReasoningParser deepSeekR1() {
        return new ReasoningParser(true);
    }

    /** The channel the next piece of text would go to, as far as known now. */
    public Channel channel() {
        return switch (state) {
            case LEADING -> assumeThinking && !serverSeparated ? Channel.REASONING : Channel.ANSWER;
            case REASONING_START, REASONING -> Channel.REASONING;
            case ANSWER_START, ANSWER -> Channel.ANSWER;
        };
    }

    /** Whether the reasoning was closed by {@code </think>}. */
    public boolean reasoningClosed() {
        return closed;
    }

    /**
     * Whether all reasoning so far was assumed (no {@code <think>}, no {@code </think>}, no server field):
     * if the model then stopped normally, that text was in fact the answer.
     */
    public boolean reasoningAssumedOnly() {
        return !explicitOpen && !closed && !serverSeparated
                && (state == State.REASONING || state == State.REASONING_START);
    }

    /** The server sends reasoning in its own field: the content stream is answer from now on. */
    public void serverSeparatesReasoning() {
        serverSeparated = true;
        if (state == State.LEADING) {
            state = State.ANSWER_START;
        }
    }

    /** Takes the next piece of streamed content; returns what can be emitted now. */
    public List<Piece> accept(String text) {
        List<Piece> out = new ArrayList<>(2);
        held.append(text);
        boolean progress = true;
        while (progress && !held.isEmpty()) {
            progress = switch (state) {
                case LEADING -> leading();
                case REASONING_START, ANSWER_START -> skipLeadingSpace();
                case REASONING -> reasoning(out);
                case ANSWER -> {
                    emit(out, Channel.ANSWER, held.toString());
                    held.setLength(0);
                    yield true;
                }
            };
        }
        return out;
    }

    /** The stream ended: whatever was held back (a partial tag) is released into its channel. */
    public List<Piece> finish() {
        List<Piece> out = new ArrayList<>(1);
        if (!held.isEmpty()) {
            Channel c = switch (state) {
                case LEADING -> Channel.ANSWER; // e.g. "<thi" and nothing more: not a tag after all
                case REASONING_START, REASONING -> Channel.REASONING;
                case ANSWER_START, ANSWER -> Channel.ANSWER;
            };
            boolean blank = held.toString().isBlank();
            if (!(blank && (state == State.REASONING_START || state == State.ANSWER_START || state == State.LEADING))) {
                emit(out, c, held.toString());
            }
            held.setLength(0);
        }
        return out;
    }

    /** Decides whether the output opens with {@code <think>}; false when more text is needed. */
    private boolean leading() {
        int start = 0;
        while (start < held.length() && Character.isWhitespace(held.charAt(start))) {
            start++;
        }
        String rest = held.substring(start);
        if (rest.startsWith(OPEN)) {
            held.delete(0, start + OPEN.length());
            explicitOpen = true;
            state = State.REASONING_START;
            return true;
        }
        if (OPEN.startsWith(rest)) {
            return false; // only whitespace or a partial "<think" so far
        }
        state = assumeThinking && !serverSeparated ? State.REASONING_START : State.ANSWER_START;
        return true;
    }

    private boolean skipLeadingSpace() {
        int start = 0;
        while (start < held.length() && Character.isWhitespace(held.charAt(start))) {
            start++;
        }
        held.delete(0, start);
        if (held.isEmpty()) {
            return false;
        }
        state = state == State.REASONING_START ? State.REASONING : State.ANSWER;
        return true;
    }

    private boolean reasoning(List<Piece> out) {
        int close = held.indexOf(CLOSE);
        if (close >= 0) {
            emit(out, Channel.REASONING, held.substring(0, close));
            held.delete(0, close + CLOSE.length());
            closed = true;
            state = State.ANSWER_START;
            return true;
        }
        int keep = partialTagLength(held, CLOSE);
        emit(out, Channel.REASONING, held.substring(0, held.length() - keep));
        held.delete(0, held.length() - keep);
        return false;
    }

    /** Length of the longest end of {@code text} that is the start of {@code tag}. */
    private static int partialTagLength(CharSequence text, String tag) {
        for (int n = Math.min(tag.length() - 1, text.length()); n > 0; n--) {
            boolean match = true;
            for (int i = 0; i < n && match; i++) {
                match = text.charAt(text.length() - n + i) == tag.charAt(i);
            }
            if (match) {
                return n;
            }
        }
        return 0;
    }

    private static void emit(List<Piece> out, Channel channel, String text) {
        if (!text.isEmpty()) {
            out.add(new Piece(channel, text));
        }
    }
}
