package org.dang.engine.plant.sim;

import java.util.Arrays;

/**
 * A true-boiling-point curve: cumulative volume percent distilled against temperature, linear
 * between the points, 0 below the first and 100 above the last.
 */
public record TbpCurve(double[] temperatures, double[] cumulativePercent) {
    public TbpCurve {
        temperatures = temperatures.clone();
        cumulativePercent = cumulativePercent.clone();
        if (temperatures.length != cumulativePercent.length || temperatures.length < 2) {
            throw new IllegalArgumentException("TBP curve needs two or more (temperature, percent) pairs");
        }
        for (int i = 1; i < temperatures.length; i++) {
            if (!(temperatures[i] > temperatures[i - 1]) || cumulativePercent[i] < cumulativePercent[i - 1]) {
                throw new IllegalArgumentException("TBP curve must rise with temperature (point " + i + ")");
            }
        }
        if (cumulativePercent[0] != 0 || cumulativePercent[cumulativePercent.length - 1] != 100) {
            throw new IllegalArgumentException("TBP curve must run from 0 to 100 %");
        }
    }

    /** Volume percent of the crude boiling below {@code temperature} (degC). */
    public double percentBelow(double temperature) {
        if (temperature <= temperatures[0]) {
            return 0;
        }
        int last = temperatures.length - 1;
        if (temperature >= temperatures[last]) {
            return 100;
        }
        int i = 1;
        while (temperatures[i] < temperature) {
            i++;
        }
        double f = (temperature - temperatures[i - 1]) / (temperatures[i] - temperatures[i - 1]);
        return cumulativePercent[i - 1] + f * (cumulativePercent[i] - cumulativePercent[i - 1]);
    }

    @Override
    public double[] temperatures() {
        return temperatures.clone();
    }

    @Override
    public double[] cumulativePercent() {
        return cumulativePercent.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TbpCurve c && Arrays.equals(temperatures, c.temperatures)
                && Arrays.equals(cumulativePercent, c.cumulativePercent);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(temperatures) + Arrays.hashCode(cumulativePercent);
    }

    @Override
    public String toString() {
        return "TbpCurve" + Arrays.toString(temperatures) + "->" + Arrays.toString(cumulativePercent);
    }
}
