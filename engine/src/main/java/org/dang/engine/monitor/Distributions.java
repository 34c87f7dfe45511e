package org.dang.engine.monitor;

/**
 * The few distribution functions the control limits need: standard normal and F, their
 * distribution functions and quantiles, to about 1e-12.
 *
 * <p>Quantiles are found by bisection on the distribution function: slower than a rational
 * approximation but with no tabulated coefficients to get wrong, and limits are computed once per
 * fitted model.
 */
public final class Distributions {

    private static final double[] LANCZOS = {0.99999999999980993, 676.5203681218851, -1259.1392167224028,
        771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
        9.9843695780195716e-6, 1.5056327351493116e-7};
    private static final double TINY = 1e-300;
    private static final double EPS = 1e-15;
    private static final int MAX_TERMS = 10_000;
    private static final int BISECTIONS = 200;

    private Distributions() {
    }

    /** ln Gamma(x) for x > 0 (Lanczos, g = 7, nine terms). */
    public static double logGamma(double x) {
        if (!(x > 0)) {
            throw new IllegalArgumentException("logGamma needs x > 0: " + x);
        }
        if (x < 0.5) {
            return logGamma(x + 1) - Math.log(x);
        }
        double y = x - 1;
        double a = LANCZOS[0];
        double t = y + 7.5;
        for (int i = 1; i < LANCZOS.length; i++) {
            a += LANCZOS[i] / (y + i);
        }
        return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(a);
    }

    /** Regularised incomplete beta I_x(a, b). */
    public static double regularizedBeta(double x, double a, double b) {
        if (!(a > 0 && b > 0)) {
            throw new IllegalArgumentException("beta parameters must be positive: " + a + ", " + b);
        }
        if (x <= 0) {
            return 0;
        }
        if (x >= 1) {
            return 1;
        }
        double front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x));
        // The continued fraction converges fast only left of the mean; use the symmetry otherwise.
        if (x < (a + 1) / (a + b + 2)) {
            return front * betaFraction(x, a, b) / a;
        }
        return 1 - front * betaFraction(1 - x, b, a) / b;
    }

    private static double betaFraction(double x, double a, double b) {
        double qab = a + b;
        double qap = a + 1;
        double qam = a - 1;
        double c = 1;
        double d = nonZero(1 - qab * x / qap);
        d = 1 / d;
        double h = d;
        for (int m = 1; m <= MAX_TERMS; m++) {
            int m2 = 2 * m;
            double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
            d = 1 / nonZero(1 + aa * d);
            c = nonZero(1 + aa / c);
            h *= d * c;
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
            d = 1 / nonZero(1 + aa * d);
            c = nonZero(1 + aa / c);
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < EPS) {
                return h;
            }
        }
        throw new ArithmeticException("incomplete beta did not converge for x=" + x + " a=" + a + " b=" + b);
    }

    /** Regularised upper incomplete gamma Q(a, x). */
    public static double regularizedGammaQ(double a, double x) {
        if (!(a > 0) || x < 0) {
            throw new IllegalArgumentException("gamma needs a > 0 and x >= 0: " + a + ", " + x);
        }
        if (x == 0) {
            return 1;
        }
        double front = Math.exp(-x + a * Math.log(x) - logGamma(a));
        if (x < a + 1) {
            // Series for P, converges quickly here.
            double sum = 1 / a;
            double term = sum;
            for (int n = 1; n <= MAX_TERMS; n++) {
                term *= x / (a + n);
                sum += term;
                if (Math.abs(term) < Math.abs(sum) * EPS) {
                    return 1 - front * sum;
                }
            }
            throw new ArithmeticException("incomplete gamma series did not converge for a=" + a + " x=" + x);
        }
        // Continued fraction for Q (modified Lentz).
        double b = x + 1 - a;
        double c = 1 / TINY;
        double d = 1 / b;
        double h = d;
        for (int i = 1; i <= MAX_TERMS; i++) {
            double an = -i * (i - a);
            b += 2;
            d = 1 / nonZero(an * d + b);
            c = nonZero(b + an / c);
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < EPS) {
                return front * h;
            }
        }
        throw new ArithmeticException("incomplete gamma fraction did not converge for a=" + a + " x=" + x);
    }

    /** Standard normal distribution function. */
    public static double normalCdf(double z) {
        // Phi(z) = erfc(-z / sqrt 2) / 2 and erfc(u) = Q(1/2, u^2) for u >= 0.
        double q = 0.5 * regularizedGammaQ(0.5, z * z / 2);
        return z >= 0 ? 1 - q : q;
    }

    /** Standard normal quantile. */
    public static double normalQuantile(double p) {
        checkProbability(p);
        return bisect(p, -40, 40, Distributions::normalCdf);
    }

    /** Distribution function of F(d1, d2). */
    public static double fCdf(double x, double d1, double d2) {
        if (x <= 0) {
            return 0;
        }
        return regularizedBeta(d1 * x / (d1 * x + d2), d1 / 2, d2 / 2);
    }

    /** Quantile of F(d1, d2). */
    public static double fQuantile(double p, double d1, double d2) {
        checkProbability(p);
        // Solve in u = d1 x / (d1 x + d2), which lives in (0, 1), then map back.
        double u = bisect(p, 0, 1, t -> regularizedBeta(t, d1 / 2, d2 / 2));
        return d2 * u / (d1 * (1 - u));
    }

    private static double bisect(double p, double lo, double hi, java.util.function.DoubleUnaryOperator cdf) {
        for (int i = 0; i < BISECTIONS && hi - lo > Math.ulp(Math.max(Math.abs(lo), Math.abs(hi))); i++) {
            double mid = 0.5 * (lo + hi);
            if (cdf.applyAsDouble(mid) < p) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    private static void checkProbability(double p) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("probability must be in (0, 1): " + p);
        }
    }

    private static double nonZero(double v) {
        return Math.abs(v) < TINY ? TINY : v;
    }
}
