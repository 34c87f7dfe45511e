package org.dang.engine.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

/**
 * End to end on real Tennessee Eastman files: fit on the first 300 samples of d00.dat, count false
 * alarms on its last 200, detect the easy faults 1, 2 and 6 (active from the first sample).
 */
class MonitorTepTest {

    private static final Matrix D00 = TennesseeEastman.read(MonitorTestData.tep(0)).values();
    private static final Matrix FIT = D00.rowRange(0, 300);
    private static final Matrix HELD_OUT = D00.rowRange(300, 500);

    private static FaultScore score(Monitor m, int fault) {
        return Evaluation.fault(m, "d" + fault, OptionalInt.of(fault), TennesseeEastman.read(MonitorTestData.tep(fault))
                .values(), 0);
    }

    @Test
    void bestMethodDetectsEasyFaultsAndStaysQuietOnHeldOutNormalData() {
        Monitor m = Monitor.fit(FIT, MonitorMethod.DPCA_EWMA_CUSUM.settings(0.99));
        NormalScore normal = Evaluation.normal(m, "d00 held out", HELD_OUT);
        assertEquals(199, normal.scored(), "the first held-out sample has no lagged history");
        assertTrue(normal.falseAlarmRate() <= 0.05, "false alarms " + normal.falseAlarmRate());
        for (int fault : new int[] {1, 2, 6}) {
            FaultScore s = score(m, fault);
            assertTrue(s.detectionRate() > 0.9, "fault " + fault + " detection " + s.detectionRate());
        }
    }

    @Test
    void faultSixAlarmNamesTheAFeed() {
        // Fault 6 is the loss of the A feed: XMEAS(1) must lead the contributions at the first alarm.
        Monitor m = Monitor.fit(FIT, MonitorMethod.PCA.settings(0.99));
        Matrix d06 = TennesseeEastman.read(MonitorTestData.tep(6)).values();
        MonitorPoint first = m.run(d06).stream().filter(MonitorPoint::alarm).findFirst().orElseThrow();
        List<TagContribution> ranked = m.contributions(first).ranked(TennesseeEastman.tagNames());
        assertEquals("XMEAS(1)", ranked.getFirst().tag(), ranked.subList(0, 3).toString());
    }

    @Test
    void formulaLimitsUnderstateQOnNewNormalDataWhileCrossValidatedLimitsDoNot() {
        // The trap the cross-validated limits avoid: fitted on 300 samples, the textbook Q limit is far too
        // tight for normal data the model has not seen.
        Monitor formula = Monitor.fit(FIT, MonitorMethod.PCA.settings(0.99));
        MonitorSettings cv = MonitorMethod.PCA.settings(0.99);
        Monitor validated = Monitor.fit(FIT, new MonitorSettings(cv.name(), cv.lags(), cv.components(), cv.smoothing(),
                cv.channels(), cv.cusumK(), cv.tagLambda(), LimitKind.CROSS_VALIDATED, cv.folds(), cv.confidence()));
        double formulaFar = Evaluation.normal(formula, "held out", HELD_OUT).falseAlarmRate();
        double validatedFar = Evaluation.normal(validated, "held out", HELD_OUT).falseAlarmRate();
        assertTrue(formulaFar > 0.1, "formula limits false alarms " + formulaFar);
        assertTrue(validatedFar < 0.05, "cross-validated limits false alarms " + validatedFar);
    }
}
