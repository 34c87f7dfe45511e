package org.dang.engine.module.market.analysis;

import java.util.Arrays;

import org.dang.engine.module.market.loading.Observations;

/**
 * Price spreads from aligned daily series. The 3-2-1 crack spread is the gross margin of turning
 * three barrels of crude into two of gasoline and one of distillate:
 * {@code (2 * gasoline[$/gal] * 42 + 1 * distillate[$/gal] * 42) / 3 - crude[$/bbl]}, in $/bbl
 * (42 US gallons to the barrel). Only days on which all inputs have a value get a spread.
 */
public final class CrackSpread {

    /** US gallons per barrel. */
    public static final double GALLONS_PER_BARREL = 42.0;

    private CrackSpread() {
    }

    /** The 3-2-1 crack spread in $/bbl from gasoline and distillate in $/gal and crude in $/bbl. */
    public static double threeTwoOne(double gasolinePerGallon, double distillatePerGallon, double crudePerBarrel) {
        return (2 * gasolinePerGallon * GALLONS_PER_BARREL + distillatePerGallon * GALLONS_PER_BARREL) / 3
                - crudePerBarrel;
    }

    /** The 3-2-1 crack spread on every day all three series have a value. */
    public static Observations threeTwoOne(Observations gasoline, Observations distillate, Observations crude) {
        long[] days = new long[gasoline.size()];
        double[] values = new double[gasoline.size()];
        int n = 0;
        for (int i = 0; i < gasoline.size(); i++) {
            long day = gasoline.day(i);
            int d = distillate.at(day);
            int c = crude.at(day);
            if (d >= 0 && c >= 0) {
                days[n] = day;
                values[n++] = threeTwoOne(gasoline.value(i), distillate.value(d), crude.value(c));
            }
        }
        return new Observations(Arrays.copyOf(days, n), Arrays.copyOf(values, n));
    }

    /** {@code a - b} on every day both have a value (e.g. WTI minus Brent, $/bbl). */
    public static Observations difference(Observations a, Observations b) {
        long[] days = new long[a.size()];
        double[] values = new double[a.size()];
        int n = 0;
        for (int i = 0; i < a.size(); i++) {
            int j = b.at(a.day(i));
            if (j >= 0) {
                days[n] = a.day(i);
                values[n++] = a.value(i) - b.value(j);
            }
        }
        return new Observations(Arrays.copyOf(days, n), Arrays.copyOf(values, n));
    }
}
