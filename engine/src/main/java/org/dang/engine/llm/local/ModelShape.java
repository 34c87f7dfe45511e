package org.dang.engine.llm.local;

/**
 * The shape of a Qwen2 model to write with random weights: sizes, rotary base, tied embeddings, and
 * where the DeepSeek special tokens sit in the vocabulary ({@code specialTokenBase} is the EOS id;
 * the others follow it as in the R1 distills: User +1, Assistant +2, BOS +3, EOT +4, think +5,
 * /think +6). {@code bpeMerges} is how many merges the byte-level tokenizer learns.
 */
public record ModelShape(String name, int hiddenSize, int intermediateSize, int layers, int attentionHeads,
        int keyValueHeads, int vocabSize, int maxPositions, double ropeTheta, double rmsNormEps,
        boolean tiedEmbeddings, int specialTokenBase, int bpeMerges) {

    /** Special tokens after the base, in id order. */
    public static final String[] SPECIAL_TOKENS = {"<｜end▁of▁sentence｜>", "<｜User｜>", "<｜Assistant｜>",
            "<｜begin▁of▁sentence｜>", "<|EOT|>", "<think>", "</think>"};

    /** Checks that the special tokens fit after the byte-level vocabulary and below vocab_size. */
    public ModelShape {
        if (specialTokenBase < 256 + bpeMerges || specialTokenBase + SPECIAL_TOKENS.length > vocabSize) {
            throw new IllegalArgumentException("special tokens at " + specialTokenBase + " must follow the " + (256
                    + bpeMerges) + " byte-level tokens and fit in vocab_size " + vocabSize);
        }
        if (hiddenSize % attentionHeads != 0 || attentionHeads % keyValueHeads != 0) {
            throw new IllegalArgumentException("heads " + attentionHeads + "/" + keyValueHeads
                    + " do not divide hidden size " + hiddenSize);
        }
    }

    /** A tiny model for tests: 2 layers, hidden 64, 4 query heads sharing 2 key/value heads, untied lm_head. */
    public static ModelShape tiny() {
        return new ModelShape("tiny", 64, 128, 2, 4, 2, 320, 256, 10000.0, 1e-6, false, 300, 40);
    }

    /** The shapes of Qwen2-0.5B: hidden 896, 24 layers, 14 heads over 2 key/value heads, tied embeddings. */
    public static ModelShape qwen2HalfBillion() {
        return new ModelShape("qwen2-0.5b", 896, 4864, 24, 14, 2, 151936, 32768, 1000000.0, 1e-6, true, 151643, 200);
    }

    /** The id of {@code SPECIAL_TOKENS[i]}. */
    public int specialTokenId(int i) {
        return specialTokenBase + i;
    }

    /** Number of weights. */
    public long parameters() {
        long h = hiddenSize;
        long head = h / attentionHeads;
        long kv = keyValueHeads * head;
        long perLayer = 2 * h + (h * h + h) + 2 * (kv * h + kv) + h * h + 3 * h * intermediateSize;
        return vocabSize * h * (tiedEmbeddings ? 1 : 2) + layers * perLayer + h;
    }
}
