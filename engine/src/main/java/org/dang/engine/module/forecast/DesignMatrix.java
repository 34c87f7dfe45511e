package org.dang.engine.module.forecast;

import java.util.List;

/**
 * Training rows for one horizon step: features at origin rows, labels at origin + step.
 *
 * @param featureNames    one name per column of {@code x}
 * @param x               feature rows
 * @param y               labels, target at origin + step
 * @param originRows      the table row of each origin
 * @param step            the horizon step h
 * @param historyRows     candidate origins skipped because the features reach back before row 0
 * @param droppedMissing  candidate origins dropped because a feature or the label was NaN
 */
public record DesignMatrix(List<String> featureNames, double[][] x, double[] y, int[] originRows, int step,
                           int historyRows, int droppedMissing) {

    /** Copies the name list. */
    public DesignMatrix {
        featureNames = List.copyOf(featureNames);
    }

    /** Number of usable rows. */
    public int rows() {
        return y.length;
    }
}
