package org.dang.engine.llm.local;

import java.io.IOException;
import java.nio.file.Path;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;

/**
 * The model folder's {@code tokenizer.json} through DJL's Hugging Face tokenizers binding. Encoding
 * adds nothing (no BOS): prompts spell their special tokens, e.g. {@code <｜begin▁of▁sentence｜>}, as
 * text, and the tokenizer maps them to their ids. Decoding keeps special tokens, so {@code <think>}
 * and {@code </think>} come out as text for the reasoning parser.
 */
public final class LocalTokenizer implements AutoCloseable {

    private final HuggingFaceTokenizer tokenizer;

    private LocalTokenizer(HuggingFaceTokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    /** Opens {@code tokenizerJson}; errors name the file. */
    public static LocalTokenizer open(Path tokenizerJson) throws ModelFolderException {
        try {
            return new LocalTokenizer(HuggingFaceTokenizer.builder()
                    .optTokenizerPath(tokenizerJson)
                    .optAddSpecialTokens(false)
                    .optTruncation(false)
                    .optPadding(false)
                    .build());
        } catch (IOException | RuntimeException e) {
            throw new ModelFolderException(tokenizerJson + ": cannot be loaded as a Hugging Face tokenizer: "
                    + e.getMessage(), e);
        }
    }

    /** Token ids of {@code text}. */
    public int[] encode(String text) {
        long[] ids = tokenizer.encode(text).getIds();
        int[] out = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            out[i] = Math.toIntExact(ids[i]);
        }
        return out;
    }

    /** Text of {@code ids}, special tokens included; bytes of an incomplete character become U+FFFD. */
    public String decode(int[] ids) {
        return decode(ids, 0, ids.length);
    }

    /** Text of {@code ids[from..to)}. */
    public String decode(int[] ids, int from, int to) {
        long[] longs = new long[to - from];
        for (int i = from; i < to; i++) {
            longs[i - from] = ids[i];
        }
        return tokenizer.decode(longs, false);
    }

    /** The id of a token spelled exactly as {@code token} (e.g. {@code <think>}), or -1 when it is not one token. */
    public int tokenId(String token) {
        long[] ids = tokenizer.encode(token).getIds();
        if (ids.length != 1 || !tokenizer.decode(ids, false).equals(token)) {
            return -1;
        }
        return Math.toIntExact(ids[0]);
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
