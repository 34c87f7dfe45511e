package org.dang.engine.plant.sim;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** One value per {@link CduTag} (NaN where a measurement dropped out). */
public record TagValues(double[] values) {
    public TagValues {
        if (values.length != CduTag.values().length) {
            throw new IllegalArgumentException("need one value per CDU tag (" + CduTag.values().length + "), got "
                    + values.length);
        }
        values = values.clone();
    }

    /** The value of {@code tag}. */
    public double get(CduTag tag) {
        return values[tag.ordinal()];
    }

    /** The values by tag name, in tag order. */
    public Map<String, Double> byName() {
        Map<String, Double> m = new LinkedHashMap<>();
        for (CduTag t : CduTag.values()) {
            m.put(t.tag(), values[t.ordinal()]);
        }
        return m;
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TagValues v && Arrays.equals(values, v.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "TagValues" + byName();
    }
}
