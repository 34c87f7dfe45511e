package org.dang.engine.plant.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * What is in the charge line: volume fractions of library crudes (during a tank switch the old and
 * the new crude mix). Volume yields blend linearly, so the mix's TBP curve is the weighted sum.
 */
public record CrudeMix(List<Crude> crudes, double[] weights) {
    public CrudeMix {
        crudes = List.copyOf(crudes);
        weights = weights.clone();
        if (crudes.size() != weights.length || crudes.isEmpty()) {
            throw new IllegalArgumentException("one weight per crude");
        }
    }

    /** A charge of one crude only. */
    public static CrudeMix of(Crude crude) {
        return new CrudeMix(List.of(crude), new double[] {1});
    }

    /** Volume percent of the mix boiling below {@code temperature} (degC). */
    public double percentBelow(double temperature) {
        double p = 0;
        for (int i = 0; i < weights.length; i++) {
            p += weights[i] * crudes.get(i).tbp().percentBelow(temperature);
        }
        return p;
    }

    /** API gravity of the mix (specific gravities blend by volume). */
    public double api() {
        double sg = 0;
        for (int i = 0; i < weights.length; i++) {
            sg += weights[i] * crudes.get(i).specificGravity();
        }
        return Crude.api(sg);
    }

    /** Salt before the desalter, PTB. */
    public double saltPtb() {
        return weighted(Crude::saltPtb);
    }

    /** Crude price minus Brent, USD/bbl. */
    public double differential() {
        return weighted(Crude::differential);
    }

    /** Residue value above the residue price, USD/bbl. */
    public double residuePremium() {
        return weighted(Crude::residuePremium);
    }

    /** Sulfur, weight percent (volume-weighted; close enough for a label). */
    public double sulfurWtPct() {
        return weighted(Crude::sulfurWtPct);
    }

    /** The dominant crude, or "a 72% + b 28%" while two or more are mixed. */
    public String name() {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] >= 0.995) {
                return crudes.get(i).name();
            }
            if (weights[i] >= 0.005) {
                parts.add(String.format(Locale.ROOT, "%s %.0f%%", crudes.get(i).name(), 100 * weights[i]));
            }
        }
        return String.join(" + ", parts);
    }

    private double weighted(ToDoubleFunction<Crude> f) {
        double v = 0;
        for (int i = 0; i < weights.length; i++) {
            v += weights[i] * f.applyAsDouble(crudes.get(i));
        }
        return v;
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CrudeMix m && crudes.equals(m.crudes) && Arrays.equals(weights, m.weights);
    }

    @Override
    public int hashCode() {
        return 31 * crudes.hashCode() + Arrays.hashCode(weights);
    }

    @Override
    public String toString() {
        return "CrudeMix[" + name() + "]";
    }
}
