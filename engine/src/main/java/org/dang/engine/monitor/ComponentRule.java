package org.dang.engine.monitor;

/** How many principal components a PCA model keeps. */
public sealed interface ComponentRule {

    /** Number of components to keep given the eigenvalues of the correlation matrix, largest first. */
    int choose(double[] eigenvalues);

    /** Short description for reports. */
    String describe();

    /** A fixed number of components (capped at the number of variables minus one, so a residual space remains). */
    record Fixed(int count) implements ComponentRule {
        public Fixed {
            if (count < 1) {
                throw new IllegalArgumentException("at least one component: " + count);
            }
        }

        @Override
        public int choose(double[] eigenvalues) {
            return Math.min(count, eigenvalues.length - 1);
        }

        @Override
        public String describe() {
            return count + " components";
        }
    }

    /** The fewest components whose eigenvalues sum to at least this fraction of the total variance. */
    record CumulativeVariance(double fraction) implements ComponentRule {
        public CumulativeVariance {
            if (!(fraction > 0 && fraction < 1)) {
                throw new IllegalArgumentException("variance fraction must be in (0, 1): " + fraction);
            }
        }

        @Override
        public int choose(double[] eigenvalues) {
            double total = 0;
            for (double v : eigenvalues) {
                total += Math.max(v, 0);
            }
            double sum = 0;
            for (int k = 0; k < eigenvalues.length - 1; k++) {
                sum += Math.max(eigenvalues[k], 0);
                if (sum >= fraction * total) {
                    return k + 1;
                }
            }
            return eigenvalues.length - 1;
        }

        @Override
        public String describe() {
            return String.format(java.util.Locale.ROOT, "%.0f%% cumulative variance", 100 * fraction);
        }
    }
}
