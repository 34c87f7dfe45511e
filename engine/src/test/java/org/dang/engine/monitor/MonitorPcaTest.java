package org.dang.engine.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** PCA monitoring on synthetic correlated data where the truth is known. */
class MonitorPcaTest {

    private final MonitorSynthetic plant = new MonitorSynthetic(42);
    private final PcaModel model = PcaModel.fit(plant.normal(3000), new ComponentRule.CumulativeVariance(0.90));
    private final double t2Limit = model.t2Limit(0.99);
    private final double qLimit = model.qLimit(0.99);

    @Test
    void recoversTheLatentStructure() {
        assertEquals(MonitorSynthetic.FACTORS, model.components(), "three factors, three components");
        double[] ev = model.eigenvalues();
        assertTrue(ev[2] / ev[3] > 5, "clear gap after the third eigenvalue: " + ev[2] + " / " + ev[3]);
        // The retained subspace must equal the span of the true loadings in standardised units.
        double[] sd = model.standardizer().sd();
        double[][] l = plant.loadings();
        double[][] scaled = new double[l.length][MonitorSynthetic.FACTORS];
        for (int j = 0; j < l.length; j++) {
            for (int k = 0; k < MonitorSynthetic.FACTORS; k++) {
                scaled[j][k] = l[j][k] / sd[j];
            }
        }
        Matrix truth = Matrix.of(scaled);
        EigenDecomposition basis = SymmetricEigen.decompose(truth.times(truth.transpose()));
        Matrix q = basis.vectors().leftColumns(MonitorSynthetic.FACTORS);
        Matrix p = model.loadings();
        double gap = p.times(p.transpose()).maxAbsDifference(q.times(q.transpose()));
        // Not exact: scaling by the total standard deviation leaves unequal noise on the tags, which tilts the
        // subspace slightly; a wrong subspace differs by several tenths.
        assertTrue(gap < 0.06, "projectors differ by " + gap);
    }

    @Test
    void quietOnNormalDataAtAboutTheNominalRate() {
        Matrix fresh = plant.normal(5000);
        double t2 = MonitorSynthetic.fraction(fresh, x -> model.project(x).t2() > t2Limit);
        double q = MonitorSynthetic.fraction(fresh, x -> model.project(x).q() > qLimit);
        assertTrue(t2 > 0.003 && t2 < 0.02, "T2 false alarms " + t2 + " for a nominal 0.01");
        assertTrue(q > 0.003 && q < 0.02, "Q false alarms " + q + " for a nominal 0.01");
    }

    @Test
    void brokenCorrelationRaisesQAndContributionsNameTheTag() {
        int broken = 4;
        // A 3-sigma bias on one tag: its value no longer agrees with what the other tags imply.
        double bias = 3 * model.standardizer().sd()[broken];
        Matrix data = plant.normal(300);
        int qAlarms = 0;
        int t2Alarms = 0;
        int named = 0;
        for (int i = 0; i < data.rows(); i++) {
            double[] x = data.row(i);
            x[broken] += bias;
            PcaPoint p = model.project(x);
            t2Alarms += p.t2() > t2Limit ? 1 : 0;
            if (p.q() > qLimit) {
                qAlarms++;
                named += model.contributions(p, MonitorSynthetic.TAGS).largestQ() == broken ? 1 : 0;
            }
        }
        assertTrue(qAlarms > 0.9 * data.rows(), "Q alarms on " + qAlarms + " of " + data.rows());
        assertTrue(t2Alarms < 0.1 * data.rows(), "the bias is mostly outside the model: T2 alarms " + t2Alarms);
        assertTrue(named > 0.95 * qAlarms, "largest Q contribution on the broken tag in " + named + " of " + qAlarms);
    }

    @Test
    void largeShiftAlongTheModelRaisesT2NotQ() {
        double[] direction = model.loadings().column(0);
        double[] sd = model.standardizer().sd();
        double step = 6 * Math.sqrt(model.eigenvalues()[0]);
        Matrix data = plant.normal(300);
        int t2Alarms = 0;
        int qAlarms = 0;
        for (int i = 0; i < data.rows(); i++) {
            double[] x = data.row(i);
            for (int j = 0; j < x.length; j++) {
                x[j] += step * direction[j] * sd[j];
            }
            PcaPoint p = model.project(x);
            t2Alarms += p.t2() > t2Limit ? 1 : 0;
            qAlarms += p.q() > qLimit ? 1 : 0;
        }
        assertTrue(t2Alarms > 0.95 * data.rows(), "T2 alarms on " + t2Alarms);
        assertTrue(qAlarms < 0.03 * data.rows(), "a move inside the model is not a residual: Q alarms " + qAlarms);
    }

    @Test
    void biasOnOneTagIsNamedByItsT2ContributionWhenTheModelSpansTheTags() {
        // T2 contributions can only separate tags the retained components separate: with 3 components
        // shared by 10 tags a bias is confounded with tags of similar loadings. With 9 components they can.
        PcaModel wide = PcaModel.fit(plant.normal(3000), new ComponentRule.Fixed(9));
        int biased = 7;
        double bias = 3 * wide.standardizer().sd()[biased];
        Matrix data = plant.normal(200);
        int named = 0;
        for (int i = 0; i < data.rows(); i++) {
            double[] x = data.row(i);
            x[biased] += bias;
            named += wide.contributions(wide.project(x), MonitorSynthetic.TAGS).largestT2() == biased ? 1 : 0;
        }
        assertTrue(named > 0.95 * data.rows(), "largest T2 contribution on the biased tag in " + named);
    }

    @Test
    void contributionIsTheDropWhenTheTagIsReconstructed() {
        double[] x = plant.observation();
        x[2] += 4 * model.standardizer().sd()[2];
        PcaPoint p = model.project(x);
        Contributions c = model.contributions(p, MonitorSynthetic.TAGS);
        double[] sd = model.standardizer().sd();
        double[] direction = new double[MonitorSynthetic.TAGS];
        direction[2] = 1;
        // Minimise Q over a correction of tag 2 alone by a fine line search: the drop must equal the contribution.
        double best = p.q();
        for (int s = -80000; s <= 80000; s++) {
            double f = s * 1e-4;
            double[] y = x.clone();
            y[2] -= f * sd[2];
            best = Math.min(best, model.project(y).q());
        }
        assertEquals(p.q() - best, c.q()[2], 1e-4 * p.q());
        assertTrue(c.q()[2] > 0.5 * p.q(), "the biased tag explains most of Q");
    }
}
