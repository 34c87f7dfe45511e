package org.dang.engine.module.forecast;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A chronological split evaluation: the first part of the table fits the models, selects the family and
 * calibrates the intervals (through the plan's backtest inside it); the rest is only forecast and scored, from
 * every origin, with the models fixed.
 *
 * @param plan  how to fit
 * @param split fraction of rows used to fit and calibrate, in (0, 1)
 * @param gamma adaptation rate of the intervals while the test part streams in (adaptive conformal inference)
 */
public record HoldoutEvaluation(ForecastPlan plan, double split, double gamma) {

    /** Validates. */
    public HoldoutEvaluation {
        Objects.requireNonNull(plan, "plan");
        if (!(gamma > 0 && gamma < 1)) {
            throw new IllegalArgumentException("adaptation rate gamma must be in (0, 1), got " + gamma);
        }
        if (!(split > 0 && split < 1)) {
            throw new IllegalArgumentException("split must be a fraction in (0, 1), got " + split);
        }
    }

    /**
     * The scores of Ridge, XGBoost and the automatic choice, in that order, and the selection that auto made.
     *
     * @param scores    ridge, xgboost, auto
     * @param selection what auto chose and why
     * @param trainRows rows used to fit
     * @param testRows  rows scored
     * @param ridgeLambda the penalty Ridge used (tuned on the folds unless fixed)
     */
    public record Report(List<HoldoutScore> scores, ModelSelection selection, int trainRows, int testRows,
                         double ridgeLambda) {
        /** Copies the list. */
        public Report {
            scores = List.copyOf(scores);
        }

        /** The score with the lowest RMSE. */
        public HoldoutScore best() {
            return scores.stream().min(java.util.Comparator.comparingDouble(HoldoutScore::rmse)).orElseThrow();
        }

        /** One model's score. */
        public HoldoutScore score(String model) {
            return scores.stream().filter(s -> s.model().equals(model)).findFirst().orElseThrow();
        }
    }

    /** Runs the evaluation. */
    public Report run(TimeSeriesTable table, FitMonitor monitor) {
        int trainRows = (int) Math.round(table.rows() * split);
        if (trainRows >= table.rows() - plan.horizon()) {
            throw new IllegalArgumentException("split " + split + " of " + table.rows() + " rows leaves no test row for a "
                    + plan.horizon() + "-step forecast");
        }
        TimeSeriesTable train = table.slice(0, trainRows);
        ForecastFit fit = plan.fit(train, ModelChoice.AUTO, true, monitor);
        double[] target = table.column(plan.spec().target());
        double scale = ForecastMetrics.naiveScale(train.column(plan.spec().target()), 1);
        List<HoldoutScore> scores = new ArrayList<>();
        for (ModelFamily f : ModelFamily.values()) {
            scores.add(score(f.key(), fit.families().get(f), table, target, trainRows, scale, monitor));
        }
        ModelSelection selection = fit.selection();
        HoldoutScore chosen = scores.get(selection.chosen().ordinal());
        scores.add(new HoldoutScore("auto", chosen.pairs(), chosen.rmse(), chosen.r2(), chosen.mase(),
                chosen.coverage80(), chosen.coverage95()));
        double lambda = ((RidgeRegressor) fit.families().get(ModelFamily.RIDGE).fitted().recipe().regressor()).lambda();
        return new Report(scores, selection, trainRows, table.rows() - trainRows, lambda);
    }

    private HoldoutScore score(String name, FamilyFit fit, TimeSeriesTable table, double[] target, int trainRows,
                               double scale, FitMonitor monitor) {
        int horizon = plan.horizon();
        List<double[]> pairs = new ArrayList<>();
        int in80 = 0;
        int in95 = 0;
        int first = trainRows - 1;
        int origins = table.rows() - 1 - first;
        double[][] forecasts = new double[origins][];
        double[][] widths80 = new double[origins][horizon];
        double[][] widths95 = new double[origins][horizon];
        // Per step: the calibration residuals (the backtest's, then each test residual once its actual is known)
        // and the adaptive levels, which learn from whether earlier intervals covered.
        List<List<Double>> residuals = new ArrayList<>();
        AdaptiveConformal[] aci80 = new AdaptiveConformal[horizon];
        AdaptiveConformal[] aci95 = new AdaptiveConformal[horizon];
        for (int h = 1; h <= horizon; h++) {
            List<Double> r = new ArrayList<>();
            for (double d : fit.backtest().residuals(h)) {
                r.add(d);
            }
            residuals.add(r);
            aci80[h - 1] = new AdaptiveConformal(0.80, gamma);
            aci95[h - 1] = new AdaptiveConformal(0.95, gamma);
        }
        for (int origin = first; origin < table.rows() - 1; origin++) {
            if ((origin - first) % 256 == 0) {
                monitor.checkpoint();
            }
            double[] f = fit.fitted().forecastFrom(table, origin);
            forecasts[origin - first] = f;
            for (int h = 1; h <= horizon && origin + h < table.rows(); h++) {
                // The forecast made h steps ago for this origin's row is now known: it joins the calibration set
                // and tells the adaptive level whether its interval covered.
                int earlier = origin - h;
                if (earlier >= first) {
                    double known = target[origin] - forecasts[earlier - first][h - 1];
                    if (Double.isFinite(known)) {
                        residuals.get(h - 1).add(known);
                        aci80[h - 1].observe(Math.abs(known) <= widths80[earlier - first][h - 1]);
                        aci95[h - 1].observe(Math.abs(known) <= widths95[earlier - first][h - 1]);
                    }
                }
                double[] pool = residuals.get(h - 1).stream().mapToDouble(Double::doubleValue).toArray();
                widths80[origin - first][h - 1] = aci80[h - 1].halfWidth(pool);
                widths95[origin - first][h - 1] = aci95[h - 1].halfWidth(pool);
                double a = target[origin + h];
                double p = f[h - 1];
                if (Double.isNaN(a) || Double.isNaN(p)) {
                    continue;
                }
                pairs.add(new double[] {a, p});
                double e = Math.abs(a - p);
                in80 += e <= widths80[origin - first][h - 1] ? 1 : 0;
                in95 += e <= widths95[origin - first][h - 1] ? 1 : 0;
            }
        }
        int n = pairs.size();
        if (n == 0) {
            throw new IllegalArgumentException("no test pair could be scored for " + name + ": features or targets are missing");
        }
        double mean = pairs.stream().mapToDouble(p -> p[0]).average().orElseThrow();
        double sse = 0;
        double sst = 0;
        double sae = 0;
        for (double[] p : pairs) {
            sse += (p[0] - p[1]) * (p[0] - p[1]);
            sst += (p[0] - mean) * (p[0] - mean);
            sae += Math.abs(p[0] - p[1]);
        }
        return new HoldoutScore(name, n, Math.sqrt(sse / n), sst > 0 ? 1 - sse / sst : Double.NaN, sae / n / scale,
                in80 / (double) n, in95 / (double) n);
    }
}
