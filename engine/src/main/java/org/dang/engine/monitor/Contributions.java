package org.dang.engine.monitor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Per-tag contributions of one observation to T^2 and to Q: reconstruction-based, so each value is
 * how much that statistic would fall if the tag alone were corrected (see
 * {@link PcaModel#contributions(PcaPoint, int)}). They do not add up to the statistic; shares are
 * taken of their sum.
 */
public record Contributions(double[] t2, double[] q) {

    public Contributions {
        if (t2.length != q.length) {
            throw new IllegalArgumentException(t2.length + " T2 contributions but " + q.length + " Q contributions");
        }
        t2 = t2.clone();
        q = q.clone();
    }

    /** Tags ranked by their share of the T^2 contributions plus their share of the Q contributions, largest first. */
    public List<TagContribution> ranked(List<String> names) {
        if (names.size() != t2.length) {
            throw new IllegalArgumentException(names.size() + " names for " + t2.length + " variables");
        }
        double st = sum(t2);
        double sq = sum(q);
        List<TagContribution> out = new ArrayList<>();
        for (int j = 0; j < t2.length; j++) {
            out.add(new TagContribution(names.get(j), t2[j], q[j], st > 0 ? t2[j] / st : 0, sq > 0 ? q[j] / sq : 0));
        }
        out.sort(Comparator.comparingDouble((TagContribution c) -> c.t2Share() + c.qShare()).reversed());
        return out;
    }

    /** Index of the largest T^2 contribution. */
    public int largestT2() {
        return argMax(t2);
    }

    /** Index of the largest Q contribution. */
    public int largestQ() {
        return argMax(q);
    }

    @Override
    public double[] t2() {
        return t2.clone();
    }

    @Override
    public double[] q() {
        return q.clone();
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s;
    }

    private static int argMax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }
}
