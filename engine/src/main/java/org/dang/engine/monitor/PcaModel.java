package org.dang.engine.monitor;

/**
 * Principal component model of normal operation on standardised variables, with the two
 * classical monitoring statistics: T^2 in the retained subspace and Q in the residual subspace.
 */
public final class PcaModel {

    private final Standardizer standardizer;
    private final double[] eigenvalues;
    private final Matrix loadings;
    private final int components;
    private final int trainingRows;

    private PcaModel(Standardizer standardizer, double[] eigenvalues, Matrix loadings, int trainingRows) {
        this.standardizer = standardizer;
        this.eigenvalues = eigenvalues;
        this.loadings = loadings;
        this.components = loadings.cols();
        this.trainingRows = trainingRows;
    }

    /** Standardises {@code x}, decomposes its correlation matrix and keeps the components the rule chooses. */
    public static PcaModel fit(Matrix x, ComponentRule rule) {
        if (x.rows() <= x.cols()) {
            // Fewer rows than variables leaves a singular correlation matrix: T^2 and Q would be meaningless.
            throw new IllegalArgumentException("PCA needs more observations than variables: " + x.rows() + " rows, "
                    + x.cols() + " variables");
        }
        Standardizer s = Standardizer.fit(x);
        EigenDecomposition eig = SymmetricEigen.decompose(Descriptive.covariance(s.apply(x)));
        int k = rule.choose(eig.values());
        return new PcaModel(s, eig.values(), eig.vectors().leftColumns(k), x.rows());
    }

    /** T^2, Q, scores and residual of one raw observation. */
    public PcaPoint project(double[] row) {
        double[] z = standardizer.apply(row);
        double[] t = loadings.transposeTimes(z);
        double t2 = 0;
        for (int a = 0; a < components; a++) {
            t2 += t[a] * t[a] / eigenvalues[a];
        }
        double[] fitted = loadings.times(t);
        double[] e = new double[z.length];
        double q = 0;
        for (int j = 0; j < z.length; j++) {
            e[j] = z[j] - fitted[j];
            q += e[j] * e[j];
        }
        return new PcaPoint(t2, q, z, t, e);
    }

    /**
     * Reconstruction-based contributions (Alcala and Qin, Automatica 45 (2009) 1593) of one
     * observation, per tag: how much T^2 and Q would fall if that tag's values (all its lagged
     * copies together, when the model is dynamic) were replaced by the values the model finds most
     * plausible given the other tags. With M = P Lambda^-1 P' for T^2 and M = I - P P' for Q and
     * the tag's columns Xi, the contribution is z' M Xi (Xi' M Xi)^+ Xi' M z. Unlike plain squared
     * terms, it points at the faulty tag whenever one tag's fault is large enough.
     *
     * @param tags number of tags per lag block (the variables are [x(t), x(t-1), ...]); equal to
     *             {@link #variables()} for a static model
     */
    public Contributions contributions(PcaPoint point, int tags) {
        int p = variables();
        if (tags <= 0 || p % tags != 0) {
            throw new IllegalArgumentException(p + " variables are not whole lag blocks of " + tags + " tags");
        }
        double[] scaled = new double[components];
        for (int a = 0; a < components; a++) {
            scaled[a] = point.scores()[a] / eigenvalues[a];
        }
        double[] mzT2 = loadings.times(scaled);
        double[] mzQ = point.residual();
        int blocks = p / tags;
        double[] t2 = new double[tags];
        double[] q = new double[tags];
        for (int j = 0; j < tags; j++) {
            int[] idx = new int[blocks];
            for (int l = 0; l < blocks; l++) {
                idx[l] = j + l * tags;
            }
            double[][] mT2 = new double[blocks][blocks];
            double[][] mQ = new double[blocks][blocks];
            for (int r = 0; r < blocks; r++) {
                for (int c = 0; c < blocks; c++) {
                    double pt = 0;
                    double pp = 0;
                    for (int a = 0; a < components; a++) {
                        double prod = loadings.get(idx[r], a) * loadings.get(idx[c], a);
                        pt += prod / eigenvalues[a];
                        pp += prod;
                    }
                    mT2[r][c] = pt;
                    mQ[r][c] = (r == c ? 1 : 0) - pp;
                }
            }
            t2[j] = quadraticPseudoInverse(mT2, pick(mzT2, idx));
            q[j] = quadraticPseudoInverse(mQ, pick(mzQ, idx));
        }
        return new Contributions(t2, q);
    }

    private static double[] pick(double[] v, int[] idx) {
        double[] out = new double[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = v[idx[i]];
        }
        return out;
    }

    /** b' A^+ b for a small symmetric positive semi-definite A; directions A cannot see contribute nothing. */
    private static double quadraticPseudoInverse(double[][] a, double[] b) {
        EigenDecomposition e = SymmetricEigen.decompose(Matrix.of(a));
        double top = Math.max(e.value(0), 0);
        double sum = 0;
        for (int i = 0; i < b.length; i++) {
            double mu = e.value(i);
            if (mu > 1e-10 * top && mu > 1e-14) {
                double proj = 0;
                for (int k = 0; k < b.length; k++) {
                    proj += e.vectors().get(k, i) * b[k];
                }
                sum += proj * proj / mu;
            }
        }
        return sum;
    }

    /** The standardisation fitted on the training data. */
    public Standardizer standardizer() {
        return standardizer;
    }

    /** All eigenvalues of the training correlation matrix, largest first. */
    public double[] eigenvalues() {
        return eigenvalues.clone();
    }

    /** Loadings: one column per retained component. */
    public Matrix loadings() {
        return loadings;
    }

    /** Number of retained components. */
    public int components() {
        return components;
    }

    /** Number of variables. */
    public int variables() {
        return eigenvalues.length;
    }

    /** Number of observations the model was fitted on. */
    public int trainingRows() {
        return trainingRows;
    }

    /** Fraction of the total variance the retained components explain. */
    public double explainedVariance() {
        double all = 0;
        double kept = 0;
        for (int i = 0; i < eigenvalues.length; i++) {
            all += Math.max(eigenvalues[i], 0);
            if (i < components) {
                kept += Math.max(eigenvalues[i], 0);
            }
        }
        return kept / all;
    }

    /**
     * T^2 limit for a new observation at the given confidence:
     * k (n - 1)(n + 1) / (n (n - k)) F(k, n - k), which allows for the mean and covariance being estimated.
     */
    public double t2Limit(double confidence) {
        int n = trainingRows;
        int k = components;
        return k * (n - 1.0) * (n + 1.0) / (n * (double) (n - k)) * Distributions.fQuantile(confidence, k, n - k);
    }

    /**
     * Q limit by Jackson and Mudholkar (1979) from the discarded eigenvalues: with theta_i the sum of
     * their i-th powers and h0 = 1 - 2 theta1 theta3 / (3 theta2^2),
     * theta1 (c sqrt(2 theta2 h0^2) / theta1 + 1 + theta2 h0 (h0 - 1) / theta1^2)^(1 / h0).
     */
    public double qLimit(double confidence) {
        double t1 = 0;
        double t2 = 0;
        double t3 = 0;
        for (int i = components; i < eigenvalues.length; i++) {
            double l = Math.max(eigenvalues[i], 0);
            t1 += l;
            t2 += l * l;
            t3 += l * l * l;
        }
        double h0 = 1 - 2 * t1 * t3 / (3 * t2 * t2);
        double c = Distributions.normalQuantile(confidence);
        return t1 * Math.pow(c * Math.sqrt(2 * t2 * h0 * h0) / t1 + 1 + t2 * h0 * (h0 - 1) / (t1 * t1), 1 / h0);
    }
}
