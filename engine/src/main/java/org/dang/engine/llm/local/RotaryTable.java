package org.dang.engine.llm.local;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Cosines and sines of the rotary position embedding, in the Hugging Face Qwen2 layout: angles
 * {@code position * theta^(-2i/d)} for the first half of the head, repeated for the second half.
 * Computed per call for the positions at hand (a full table for 128 k positions would be large).
 */
final class RotaryTable {

    private final float[] inverseFrequencies;
    private final int headSize;

    RotaryTable(int headSize, double theta) {
        this.headSize = headSize;
        int half = headSize / 2;
        inverseFrequencies = new float[half];
        for (int i = 0; i < half; i++) {
            // Single precision, as the reference implementation computes it, so long contexts agree.
            float exponent = (float) (2 * i) / headSize;
            inverseFrequencies[i] = (float) (1.0 / Math.pow(theta, exponent));
        }
    }

    /** {cos, sin}, each [count, headSize], for positions {@code first .. first+count-1}, in {@code dtype}. */
    NDArray[] cosSin(NDManager manager, int first, int count, DataType dtype) {
        float[] cos = new float[count * headSize];
        float[] sin = new float[count * headSize];
        int half = headSize / 2;
        for (int t = 0; t < count; t++) {
            float position = first + t;
            for (int i = 0; i < half; i++) {
                float angle = position * inverseFrequencies[i];
                float c = (float) Math.cos(angle);
                float s = (float) Math.sin(angle);
                int base = t * headSize;
                cos[base + i] = c;
                cos[base + half + i] = c;
                sin[base + i] = s;
                sin[base + half + i] = s;
            }
        }
        Shape shape = new Shape(count, headSize);
        return new NDArray[] {manager.create(cos, shape).toType(dtype, false),
                manager.create(sin, shape).toType(dtype, false)};
    }
}
