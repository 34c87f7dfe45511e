package org.dang.engine.module.market.change;

import java.util.ArrayList;
import java.util.List;

import org.dang.engine.module.market.analysis.PrefixStats;

/**
 * Change points in the variance of daily returns by binary segmentation. Returns in a segment are
 * taken as normal with mean zero and the segment's own variance; the cost of a segment of n returns
 * with sum of squares S is {@code n * ln(S / n)} (minus twice its log-likelihood, constants
 * dropped). A segment is split at the point that lowers the total cost most, if the gain exceeds
 * the penalty {@code penaltyPerLogN * ln(n)} and both parts have at least {@code minSegment}
 * returns; each part is then searched the same way, up to {@code maxChanges} change points. The
 * split is searched on every fifth return first, then on every return near the best of those.
 */
public final class VolatilitySegmentation {

    /** Floor of a segment's mean square, so a run of zero returns (holidays carried) is not infinitely certain. */
    private static final double VARIANCE_FLOOR = 1e-8;

    /** Step of the coarse search for a split. */
    private static final int STRIDE = 5;

    private final PrefixStats squares;
    private final int minSegment;
    private final double penaltyPerLogN;
    private final int maxChanges;

    /** Segmentation over squared returns {@code squares} (prefix sums of r^2). */
    public VolatilitySegmentation(PrefixStats squares, int minSegment, double penaltyPerLogN, int maxChanges) {
        this.squares = squares;
        this.minSegment = minSegment;
        this.penaltyPerLogN = penaltyPerLogN;
        this.maxChanges = maxChanges;
    }

    /** Change points in returns [from, to): each is the index of the first return of a new regime, ascending. */
    public List<Integer> changePoints(int from, int to) {
        List<Integer> out = new ArrayList<>();
        double penalty = penaltyPerLogN * Math.log(Math.max(2, to - from));
        split(from, to, penalty, out);
        out.sort(Integer::compare);
        return out;
    }

    private void split(int from, int to, double penalty, List<Integer> out) {
        if (out.size() >= maxChanges || to - from < 2 * minSegment) {
            return;
        }
        double whole = cost(from, to);
        // Coarse pass every STRIDE returns, then every return around the best coarse point: the same
        // split in practice (the gain is smooth in k) for a fifth of the logarithms.
        int best = -1;
        double bestGain = 0;
        for (int k = from + minSegment; k <= to - minSegment; k += STRIDE) {
            double gain = whole - cost(from, k) - cost(k, to);
            if (gain > bestGain) {
                bestGain = gain;
                best = k;
            }
        }
        if (best >= 0) {
            int lo = Math.max(from + minSegment, best - STRIDE + 1);
            int hi = Math.min(to - minSegment, best + STRIDE - 1);
            for (int k = lo; k <= hi; k++) {
                double gain = whole - cost(from, k) - cost(k, to);
                if (gain > bestGain) {
                    bestGain = gain;
                    best = k;
                }
            }
        }
        if (best < 0 || bestGain <= penalty) {
            return;
        }
        out.add(best);
        split(from, best, penalty, out);
        split(best, to, penalty, out);
    }

    private double cost(int from, int to) {
        int n = squares.count(from, to);
        if (n == 0) {
            return 0;
        }
        double meanSquare = Math.max(VARIANCE_FLOOR, squares.mean(from, to));
        return n * Math.log(meanSquare);
    }
}
