package org.dang.engine.module.forecast;

import java.time.Duration;
import java.util.Objects;

import org.dang.engine.config.DangConfig;

/**
 * How the forecasting module fits and when it reuses a stored model.
 *
 * @param modelTtl    a stored model older than this (wall clock) is retrained
 * @param driftFactor a stored model is retrained when its one-step RMSE on rows newer than its training window
 *                    exceeds this multiple of its backtest one-step RMSE
 * @param driftRows   fewest new rows before the drift test is made
 * @param policy      automatic selection rule
 * @param ridge       Ridge settings
 * @param xgb         XGBoost settings
 * @param folds       backtest refits
 */
public record ForecastSettings(Duration modelTtl, double driftFactor, int driftRows, SelectionPolicy policy,
                               RidgeRegressor ridge, XgbRegressor xgb, int folds) {

    /** Validates. */
    public ForecastSettings {
        Objects.requireNonNull(modelTtl, "modelTtl");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(ridge, "ridge");
        Objects.requireNonNull(xgb, "xgb");
        if (!(driftFactor > 1) || driftRows < 2 || folds < 1) {
            throw new IllegalArgumentException("drift factor must be > 1, drift rows ≥ 2 and folds ≥ 1");
        }
    }

    /**
     * Settings from the configuration: models live as long as the longer of {@code decision_engine.cache_ttl} and
     * {@code rules.forecast_ttl}; XGBoost uses at most two threads (the console shares its cores with the UI).
     */
    public static ForecastSettings from(DangConfig config) {
        Duration cache = config.decisionEngine().cacheTtl();
        Duration forecast = config.decisionEngine().rules().forecastTtl();
        Duration ttl = cache.compareTo(forecast) >= 0 ? cache : forecast;
        int threads = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
        return new ForecastSettings(ttl, 1.5, 12, SelectionPolicy.defaults(), new RidgeRegressor(1.0),
                new XgbRegressor(4, 0.05, 300, 0.8, threads, 42L), 5);
    }

    /** The same settings with another model TTL. */
    public ForecastSettings withModelTtl(Duration ttl) {
        return new ForecastSettings(ttl, driftFactor, driftRows, policy, ridge, xgb, folds);
    }
}
