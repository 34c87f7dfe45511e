package org.dang.engine.llm.local;

import java.util.Arrays;

/**
 * One tensor in a safetensors file: its name, element type, shape and byte range relative to the
 * start of the data section (after the header).
 */
public record TensorEntry(String name, TensorDtype dtype, long[] shape, long begin, long end) {

    /** Copies the shape so the record stays immutable. */
    public TensorEntry {
        shape = shape.clone();
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** Number of elements. */
    public long elements() {
        long n = 1;
        for (long d : shape) {
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    /** Size in bytes. */
    public long byteSize() {
        return end - begin;
    }

    /** The shape as {@code [a, b]}. */
    public String shapeText() {
        return Arrays.toString(shape);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TensorEntry t && name.equals(t.name) && dtype == t.dtype && Arrays.equals(shape, t.shape)
                && begin == t.begin && end == t.end;
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return name + " " + dtype + shapeText();
    }
}
