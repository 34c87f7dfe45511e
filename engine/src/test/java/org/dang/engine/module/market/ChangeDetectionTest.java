package org.dang.engine.module.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import org.dang.engine.module.market.analysis.DailyProfile;
import org.dang.engine.module.market.analysis.PrefixStats;
import org.dang.engine.module.market.analysis.PublicationCalendar;
import org.dang.engine.module.market.change.SigmaMove;
import org.dang.engine.module.market.change.VolatilitySegmentation;
import org.dang.engine.module.market.loading.Observations;

/** The change detector's parts on series whose changes are known by construction, and over history. */
class ChangeDetectionTest {

    @Test
    void segmentationFindsAVarianceChangeAndNothingInNoise() {
        Random rnd = new Random(7);
        double[] sq = new double[600];
        for (int i = 0; i < sq.length; i++) {
            double r = rnd.nextGaussian() * (i < 300 ? 0.01 : 0.04);
            sq[i] = r * r;
        }
        VolatilitySegmentation s = new VolatilitySegmentation(new PrefixStats(sq), 10, 6.0, 6);
        List<Integer> points = s.changePoints(0, 600);
        assertEquals(1, points.size(), points.toString());
        assertTrue(Math.abs(points.getFirst() - 300) <= 10, points.toString());

        double[] calm = new double[600];
        for (int i = 0; i < calm.length; i++) {
            double r = rnd.nextGaussian() * 0.02;
            calm[i] = r * r;
        }
        assertEquals(List.of(), new VolatilitySegmentation(new PrefixStats(calm), 10, 6.0, 6).changePoints(0, 600));
    }

    @Test
    void aMoveIsMeasuredAgainstTheDaysBeforeItsWindow() {
        Random rnd = new Random(11);
        int n = 300;
        long[] days = new long[n];
        double[] values = new double[n];
        double p = 50;
        for (int i = 0; i < n; i++) {
            days[i] = LocalDate.of(2020, 1, 1).toEpochDay() + i;
            p += i >= n - 5 ? 2.0 : rnd.nextGaussian() * 0.5;
            values[i] = p;
        }
        DailyProfile profile = new DailyProfile(new Observations(days, values));
        SigmaMove m = SigmaMove.at(profile, n - 1, 5, 250).orElseThrow();
        assertEquals(10.0, m.change(), 1e-9);
        assertEquals(LocalDate.ofEpochDay(days[n - 6]), m.since());
        // Daily changes of sd about 0.5: a 10-dollar move in 5 days is about 10 / (0.5 * sqrt 5) = 8.9 sigma.
        assertTrue(m.sigma() > 7 && m.sigma() < 11, "sigma " + m.sigma());
        assertTrue(SigmaMove.at(profile, 40, 5, 250).isEmpty(), "too little history for a yardstick");
    }

    @Test
    void backtestOfTwentyTwentyFindsTheAprilCollapse() throws Exception {
        MarketAnalysis a = new MarketAnalysis(org.dang.engine.module.market.loading.MarketDataLoader
                .load(MarketLoaderTest.DATA), MarketSettings.defaults());
        List<Detection> found = ChangeBacktest.run(a, LocalDate.of(2020, 1, 1), LocalDate.of(2020, 6, 30));
        assertTrue(found.stream().anyMatch(d -> d.kind() == FindingKind.PRICE_MOVE && d.subject().equals("WTI")
                && !d.detected().isBefore(LocalDate.of(2020, 4, 20)) && !d.detected().isAfter(LocalDate.of(2020, 4, 21))
                && d.peakSigma() < -2), found.toString());
        assertTrue(found.stream().anyMatch(d -> d.kind() == FindingKind.VOLATILITY_REGIME
                && d.detected().getMonthValue() == 3), "COVID and the March price war raise volatility");
        // Days with nothing newly published are skipped by the replay: their changes must equal the day before's.
        int same = 0;
        for (LocalDate day = LocalDate.of(2020, 3, 1); day.isBefore(LocalDate.of(2020, 6, 1)); day = day.plusDays(1)) {
            var before = PublicationCalendar.endOf(day.minusDays(1));
            var now = PublicationCalendar.endOf(day);
            if (a.publishedKey(before).equals(a.publishedKey(now))) {
                same++;
                assertEquals(a.report(before, false).changes(), a.report(now, false).changes(), day.toString());
            }
        }
        assertTrue(same >= 20, "weekends and holidays: " + same);
        for (int i = 1; i < found.size(); i++) {
            assertTrue(!found.get(i).detected().isBefore(found.get(i - 1).detected()), "in order of detection");
        }
    }
}
