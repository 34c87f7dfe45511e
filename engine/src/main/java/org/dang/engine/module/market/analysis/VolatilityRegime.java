package org.dang.engine.module.market.analysis;

/** A level of annualised price volatility, by fixed bands documented in docs/market.md. */
public enum VolatilityRegime {
    /** Below 25 % a year. */
    CALM(0.25),
    /** 25 to 45 % a year: usual for crude. */
    NORMAL(0.45),
    /** 45 to 80 % a year. */
    ELEVATED(0.80),
    /** Above 80 % a year: crisis (late 2008, spring 2020). */
    EXTREME(Double.POSITIVE_INFINITY);

    private final double upper;

    VolatilityRegime(double upper) {
        this.upper = upper;
    }

    /** The regime of an annualised volatility (a fraction, 0.3 = 30 %). */
    public static VolatilityRegime of(double annualised) {
        for (VolatilityRegime r : values()) {
            if (annualised < r.upper) {
                return r;
            }
        }
        return EXTREME;
    }
}
