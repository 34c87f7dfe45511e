package org.dang.engine.llm.local;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Keys and values of every layer for the positions seen so far, preallocated to a fixed capacity
 * ([kvHeads, capacity, headSize] per layer) and written in place, so a decoding step copies only
 * its own position.
 */
final class KvCache implements AutoCloseable {

    private final NDManager manager;
    private final NDArray[] keys;
    private final NDArray[] values;
    private final int capacity;
    private int length;

    KvCache(NDManager parent, Qwen2Config config, int capacity, DataType dtype) {
        this.manager = parent.newSubManager();
        this.capacity = capacity;
        Shape shape = new Shape(config.keyValueHeads(), capacity, config.headSize());
        keys = new NDArray[config.layers()];
        values = new NDArray[config.layers()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = manager.zeros(shape, dtype);
            values[i] = manager.zeros(shape, dtype);
        }
    }

    /** Positions held. */
    int length() {
        return length;
    }

    /** Positions it can hold. */
    int capacity() {
        return capacity;
    }

    /** Writes {@code k} and {@code v} ([kvHeads, count, headSize]) of {@code layer} at the current length. */
    void write(int layer, NDArray k, NDArray v) {
        long count = k.getShape().get(1);
        if (length + count > capacity) {
            throw new IllegalStateException("KV cache full: " + length + " + " + count + " > " + capacity);
        }
        NDIndex at = new NDIndex(":, {}:{}, :", length, length + count);
        keys[layer].set(at, k);
        values[layer].set(at, v);
    }

    /** Keys of {@code layer} for the first {@code positions} positions (a view). */
    NDArray keys(int layer, int positions) {
        return keys[layer].get(new NDIndex(":, :{}, :", positions));
    }

    /** Values of {@code layer} for the first {@code positions} positions (a view). */
    NDArray values(int layer, int positions) {
        return values[layer].get(new NDIndex(":, :{}, :", positions));
    }

    /** Marks {@code count} more positions as held, after every layer has written them. */
    void advance(int count) {
        length += count;
    }

    @Override
    public void close() {
        manager.close();
    }
}
