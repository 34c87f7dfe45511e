package org.dang.engine.module.forecast;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Chooses between Ridge and XGBoost from their backtests on identical origins and features. XGBoost must be
 * better by the policy's margin and significantly so; otherwise Ridge, the simpler and more stable model, stays.
 */
public record ModelSelector(SelectionPolicy policy) {

    /** Validates. */
    public ModelSelector {
        Objects.requireNonNull(policy, "policy");
    }

    /**
     * Compares two backtests of the same table, config and horizon. Each origin's loss is the mean squared
     * error over its H steps; origins where either family has a missing step are left out of both.
     */
    public ModelSelection choose(BacktestResult ridge, BacktestResult xgb) {
        if (ridge.origins().size() != xgb.origins().size()) {
            throw new IllegalArgumentException("the backtests are not on identical origins: " + ridge.origins().size()
                    + " vs " + xgb.origins().size());
        }
        int horizon = ridge.steps().size();
        List<double[]> losses = new ArrayList<>();
        for (int i = 0; i < ridge.origins().size(); i++) {
            OriginForecast r = ridge.origins().get(i);
            OriginForecast x = xgb.origins().get(i);
            if (r.origin() != x.origin()) {
                throw new IllegalArgumentException("backtest origin " + i + " differs: row " + r.origin() + " vs " + x.origin());
            }
            double lr = 0;
            double lx = 0;
            boolean complete = true;
            for (int h = 1; h <= horizon && complete; h++) {
                double er = r.residual(h);
                double ex = x.residual(h);
                complete = Double.isFinite(er) && Double.isFinite(ex);
                lr += er * er;
                lx += ex * ex;
            }
            if (complete) {
                losses.add(new double[] {lr / horizon, lx / horizon});
            }
        }
        int n = losses.size();
        if (n < Math.max(policy.minForecasts(), 2 * horizon + 1)) {
            return ModelSelection.fixed(ModelFamily.RIDGE, "Ridge kept: only " + n + " complete backtest forecasts, "
                    + Math.max(policy.minForecasts(), 2 * horizon + 1) + " are needed to compare the two models");
        }
        double sr = 0;
        double sx = 0;
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            sr += losses.get(i)[0];
            sx += losses.get(i)[1];
            d[i] = losses.get(i)[0] - losses.get(i)[1];
        }
        double ridgeRmse = Math.sqrt(sr / n);
        double xgbRmse = Math.sqrt(sx / n);
        double gain = ridgeRmse > 0 ? 1 - xgbRmse / ridgeRmse : 0;
        DieboldMariano.Result test = DieboldMariano.testDifferential(d, horizon);
        String margin = percent(policy.margin());
        String reason;
        ModelFamily chosen = ModelFamily.RIDGE;
        if (gain <= 0) {
            reason = "Ridge kept: XGBoost's RMSE was " + percent(-gain) + " higher";
        } else if (gain < policy.margin()) {
            reason = "Ridge kept: XGBoost's RMSE was " + percent(gain) + " lower, below the " + margin + " margin";
        } else if (!(test.pValue() < policy.alpha())) {
            reason = "Ridge kept: XGBoost's RMSE was " + percent(gain) + " lower, but not significantly (DM p="
                    + p(test.pValue()) + ", needs < " + p(policy.alpha()) + ")";
        } else {
            chosen = ModelFamily.XGBOOST;
            reason = "XGBoost: " + percent(gain) + " lower error, significant (DM p=" + p(test.pValue()) + ")";
        }
        return new ModelSelection(chosen, reason, ridgeRmse, xgbRmse, n, Optional.of(test));
    }

    private static String percent(double fraction) {
        double pct = 100 * fraction;
        return String.format(Locale.ROOT, pct >= 10 ? "%.0f%%" : "%.1f%%", pct);
    }

    private static String p(double value) {
        return value < 0.001 ? "<0.001" : String.format(Locale.ROOT, "%.3f", value);
    }
}
