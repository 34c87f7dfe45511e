package org.dang.engine.llm.local;

import java.util.Arrays;

/**
 * Turns a stream of token ids into text pieces that never split a character: the recent tokens are
 * decoded together, and text is released only once it no longer ends in the U+FFFD that stands for
 * an unfinished multi-byte sequence (byte-level BPE tokens can end mid-character).
 */
public final class TextPieces {

    private static final char REPLACEMENT = '\uFFFD';

    private final LocalTokenizer tokenizer;
    private int[] ids = new int[64];
    private int size;
    /** Start of the window decoded each time; text before {@code released} was handed out already. */
    private int windowStart;
    private int released;

    /** Pieces for tokens decoded by {@code tokenizer}. */
    public TextPieces(LocalTokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    /** Adds {@code id} and returns the text it completes, possibly empty. */
    public String push(int id) {
        if (size == ids.length) {
            ids = Arrays.copyOf(ids, size * 2);
        }
        ids[size++] = id;
        String before = tokenizer.decode(ids, windowStart, released);
        String now = tokenizer.decode(ids, windowStart, size);
        if (now.length() <= before.length() || now.charAt(now.length() - 1) == REPLACEMENT
                || !now.startsWith(before)) {
            return "";
        }
        windowStart = released;
        released = size;
        return now.substring(before.length());
    }

    /** Text held back so far (an unfinished character at the end), released now; empty when none. */
    public String flush() {
        String before = tokenizer.decode(ids, windowStart, released);
        String now = tokenizer.decode(ids, windowStart, size);
        windowStart = size;
        released = size;
        return now.length() > before.length() && now.startsWith(before) ? now.substring(before.length()) : "";
    }
}
