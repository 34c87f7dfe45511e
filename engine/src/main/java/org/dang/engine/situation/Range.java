package org.dang.engine.situation;

/** Physical range of a tag, in its engineering unit. */
public record Range(double low, double high) {
    public Range {
        if (!(low <= high)) {
            throw new IllegalArgumentException("range low " + low + " must not exceed high " + high);
        }
    }

    /** True when {@code value} lies within the range. */
    public boolean contains(double value) {
        return value >= low && value <= high;
    }
}
