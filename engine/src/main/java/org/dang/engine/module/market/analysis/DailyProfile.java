package org.dang.engine.module.market.analysis;

import org.dang.engine.module.market.loading.Observations;

/**
 * A daily price series with its day-to-day changes and returns, precomputed once. Returns are
 * {@code (p[i] - p[i-1]) / max(|p[i-1]|, RETURN_FLOOR)}: an ordinary percentage return at normal
 * prices, kept finite when a price is near zero or negative (WTI, 20 April 2020).
 */
public final class DailyProfile {

    /** Smallest denominator of a return, $/bbl. */
    public static final double RETURN_FLOOR = 10.0;
    /** Trading days per year, for annualising volatility. */
    public static final double TRADING_DAYS = 252;

    private final Observations obs;
    private final double[] diff;
    private final double[] returns;
    private final PrefixStats diffs;
    private final PrefixStats squaredReturns;

    /** The profile of {@code obs}. */
    public DailyProfile(Observations obs) {
        this.obs = obs;
        int n = obs.size();
        diff = new double[n];
        returns = new double[n];
        double[] sq = new double[n];
        for (int i = 0; i < n; i++) {
            if (i == 0) {
                diff[i] = Double.NaN;
                returns[i] = Double.NaN;
                sq[i] = Double.NaN;
                continue;
            }
            double prev = obs.value(i - 1);
            diff[i] = obs.value(i) - prev;
            returns[i] = diff[i] / Math.max(Math.abs(prev), RETURN_FLOOR);
            sq[i] = returns[i] * returns[i];
        }
        diffs = new PrefixStats(diff);
        squaredReturns = new PrefixStats(sq);
    }

    /** The observations. */
    public Observations observations() {
        return obs;
    }

    /** Day-to-day changes; entry i is the change from i-1 to i. */
    public PrefixStats diffs() {
        return diffs;
    }

    /** Returns; entry i is the return from i-1 to i. */
    public double[] returns() {
        return returns;
    }

    /** Squared returns, for variance over any range. */
    public PrefixStats squaredReturns() {
        return squaredReturns;
    }

    /** Annualised volatility (root mean square daily return times sqrt(252)) over returns [from, to). */
    public double annualisedVolatility(int from, int to) {
        double meanSquare = squaredReturns.mean(from, to);
        return Double.isNaN(meanSquare) ? Double.NaN : Math.sqrt(meanSquare * TRADING_DAYS);
    }
}
