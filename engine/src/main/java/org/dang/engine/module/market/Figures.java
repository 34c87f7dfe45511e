package org.dang.engine.module.market;

/**
 * Numbers for headlines, written without {@code String.format} (which costs more than the analysis
 * itself when the detector runs over forty years of days): fixed decimals, optional sign.
 */
final class Figures {

    private static final long[] SCALE = {1, 10, 100, 1000};

    private Figures() {
    }

    /** {@code v} with {@code decimals} (0 to 3) decimals, e.g. fixed(3.14159, 2) = "3.14". */
    static String fixed(double v, int decimals) {
        if (!Double.isFinite(v)) {
            return "n/a";
        }
        long scaled = Math.round(Math.abs(v) * SCALE[decimals]);
        StringBuilder b = new StringBuilder(12);
        if (v < 0 && scaled != 0) {
            b.append('-');
        }
        b.append(scaled / SCALE[decimals]);
        if (decimals > 0) {
            b.append('.');
            String frac = Long.toString(scaled % SCALE[decimals]);
            b.append("0".repeat(decimals - frac.length())).append(frac);
        }
        return b.toString();
    }

    /** As {@link #fixed} with a leading + for positive values. */
    static String signed(double v, int decimals) {
        String s = fixed(v, decimals);
        return s.startsWith("-") || s.equals("n/a") ? s : "+" + s;
    }

    /** A dollar amount with two decimals, the sign before the symbol: "$12.34", "-$36.98". */
    static String dollars(double v) {
        String s = fixed(v, 2);
        return s.startsWith("-") ? "-$" + s.substring(1) : "$" + s;
    }
}
