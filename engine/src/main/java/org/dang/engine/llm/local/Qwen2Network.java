package org.dang.engine.llm.local;

import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Activation;

/**
 * The Qwen2 decoder forward pass in NDArray operations, batch size one: embedding, per layer
 * RMSNorm, grouped-query attention (q/k/v with bias, o without) with rotary embeddings and a causal
 * mask over the KV cache, RMSNorm, SwiGLU MLP; final RMSNorm and the lm_head. The residual stream,
 * norms, softmax and the SwiGLU product run in f32 whatever the weight type; matrix products and the
 * KV cache use the weight type.
 */
final class Qwen2Network {

    /** Thrown between layers when the caller cancels during a forward pass. */
    static final class Cancelled extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Cancelled() {
            super("cancelled", null, false, false);
        }
    }

    private final Qwen2Config config;
    private final Qwen2Weights weights;
    private final NDManager manager;
    private final DataType dtype;
    private final RotaryTable rotary;

    Qwen2Network(Qwen2Config config, Qwen2Weights weights, NDManager manager, DataType dtype) {
        this.config = config;
        this.weights = weights;
        this.manager = manager;
        this.dtype = dtype;
        this.rotary = new RotaryTable(config.headSize(), config.ropeTheta());
    }

    /** A cache for up to {@code capacity} positions on this network's device. */
    KvCache newCache(int capacity) {
        return new KvCache(manager, config, capacity, dtype);
    }

    /**
     * Runs {@code ids} at the positions after those in {@code cache}, appends their keys and values to
     * it and returns f32 logits: one row per input position when {@code allPositions}, else only the
     * last. Every intermediate array is freed before returning.
     */
    float[][] forward(int[] ids, KvCache cache, boolean allPositions, BooleanSupplier cancelled) {
        int count = ids.length;
        int past = cache.length();
        int total = past + count;
        int heads = config.attentionHeads();
        int kvHeads = config.keyValueHeads();
        int group = config.groupSize();
        int headSize = config.headSize();
        float scale = (float) (1.0 / Math.sqrt(headSize));
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            long[] longIds = new long[count];
            for (int i = 0; i < count; i++) {
                longIds[i] = ids[i];
            }
            NDArray tokens = manager.create(longIds);
            // The residual stream stays in f32 whatever the weight type, so f16 cannot overflow there.
            NDArray x = tokens.getNDArrayInternal()
                    .embedding(tokens, weights.embedding(), SparseFormat.DENSE).singletonOrThrow()
                    .toType(DataType.FLOAT32, false);
            NDArray[] cosSin = rotary.cosSin(manager, past, count, dtype);
            NDArray mask = count > 1 ? causalMask(count, past) : null;
            List<Qwen2Weights.Layer> layers = weights.layers();
            for (int l = 0; l < layers.size(); l++) {
                if (cancelled.getAsBoolean()) {
                    throw new Cancelled();
                }
                Qwen2Weights.Layer w = layers.get(l);
                NDArray h = rmsNorm(x, w.inputNorm());
                NDArray q = heads(linear(h, w.q(), w.qBias()), count, heads, headSize);
                NDArray k = heads(linear(h, w.k(), w.kBias()), count, kvHeads, headSize);
                NDArray v = heads(linear(h, w.v(), w.vBias()), count, kvHeads, headSize);
                q = rotate(q, cosSin[0], cosSin[1]);
                k = rotate(k, cosSin[0], cosSin[1]);
                cache.write(l, k, v);
                NDArray keys = cache.keys(l, total);
                NDArray values = cache.values(l, total);
                // Query heads grouped by the key/value head they share: [kvHeads, group*count, headSize].
                NDArray grouped = q.reshape(kvHeads, (long) group * count, headSize);
                NDArray scores = grouped.matMul(keys.transpose(0, 2, 1)).toType(DataType.FLOAT32, false).mul(scale);
                if (mask != null) {
                    scores = scores.reshape(kvHeads, group, count, total).add(mask)
                            .reshape(kvHeads, (long) group * count, total);
                }
                NDArray probabilities = scores.softmax(-1).toType(dtype, false);
                NDArray attended = probabilities.matMul(values).reshape(heads, count, headSize)
                        .transpose(1, 0, 2).reshape(count, (long) heads * headSize);
                x = x.add(linear(attended, w.o(), null).toType(DataType.FLOAT32, false));
                NDArray m = rmsNorm(x, w.postNorm());
                NDArray gate = linear(m, w.gate(), null).toType(DataType.FLOAT32, false);
                NDArray up = linear(m, w.up(), null).toType(DataType.FLOAT32, false);
                NDArray act = gate.mul(Activation.sigmoid(gate)).mul(up).toType(dtype, false);
                x = x.add(linear(act, w.down(), null).toType(DataType.FLOAT32, false));
            }
            cache.advance(count);
            NDArray last = allPositions ? x : x.get(new NDIndex((count - 1) + ":"));
            NDArray logits = linear(rmsNorm(last, weights.finalNorm()), weights.lmHead(), null)
                    .toType(DataType.FLOAT32, false);
            float[] flat = logits.toFloatArray();
            int rows = (int) logits.getShape().get(0);
            int vocab = (int) logits.getShape().get(1);
            float[][] out = new float[rows][];
            for (int r = 0; r < rows; r++) {
                out[r] = Arrays.copyOfRange(flat, r * vocab, (r + 1) * vocab);
            }
            return out;
        }
    }

    /** [count, heads*headSize] to [heads, count, headSize]. */
    private static NDArray heads(NDArray projected, int count, int heads, int headSize) {
        return projected.reshape(count, heads, headSize).transpose(1, 0, 2);
    }

    private static NDArray linear(NDArray x, NDArray weight, NDArray bias) {
        return x.getNDArrayInternal().linear(x, weight, bias).singletonOrThrow();
    }

    /** f32 x / sqrt(mean(x^2) + eps), cast to the weight type, times the weight. */
    private NDArray rmsNorm(NDArray x, NDArray weight) {
        NDArray rms = x.square().mean(new int[] {-1}, true).add((float) config.rmsNormEps()).sqrt();
        return x.div(rms).toType(dtype, false).mul(weight);
    }

    /** Rotary embedding, half-rotation convention: x*cos + [-x2, x1]*sin. */
    private static NDArray rotate(NDArray x, NDArray cos, NDArray sin) {
        long half = x.getShape().get(2) / 2;
        NDArray first = x.get(new NDIndex(":, :, :{}", half));
        NDArray second = x.get(new NDIndex(":, :, {}:", half));
        NDArray rotated = second.neg().concat(first, -1);
        return x.mul(cos).add(rotated.mul(sin));
    }

    /** [count, past+count] additive mask: 0 where query i may see key j (j <= past+i), -inf elsewhere. */
    private NDArray causalMask(int count, int past) {
        int total = past + count;
        float[] mask = new float[count * total];
        for (int i = 0; i < count; i++) {
            for (int j = past + i + 1; j < total; j++) {
                mask[i * total + j] = Float.NEGATIVE_INFINITY;
            }
        }
        return manager.create(mask, new Shape(count, total));
    }
}
