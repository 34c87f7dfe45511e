package org.dang.engine.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import org.dang.engine.bench.ForecastBenchmark;
import org.dang.engine.module.forecast.RidgeRegressor;
import org.dang.engine.module.forecast.XgbRegressor;

/** {@code dang bench forecast}: fit plus 24-step forecast times for Ridge and XGBoost, accuracy against seasonal naive. */
@Command(name = "forecast", mixinStandardHelpOptions = true,
        description = {"Fit plus a 24-step recursive forecast on a synthetic hourly series (10 features), timed for"
                + " Ridge and XGBoost (median of --repeats after a warm-up). Accuracy on 40 held-out origins is"
                + " reported as RMSE and MAE ratios to the seasonal naive forecast of the same run (below 1 = better).",
                "Times: median of the repeats (total_ms) and the fastest (best_ms). Set OMP_WAIT_POLICY=PASSIVE (the dang launcher does): spinning OpenMP threads starve each other on"
                        + " 2 cores.",
                "Last line: SUMMARY xgboost_ms=X ridge_ms=Y xgboost_rmse_ratio=A ridge_rmse_ratio=B"})
public final class BenchForecastCommand implements Callable<Integer> {

    @Option(names = "--rows", defaultValue = "10000", description = "Rows to fit on (default ${DEFAULT-VALUE}).")
    int rows;

    @Option(names = "--horizon", defaultValue = "24", description = "Steps to forecast (default ${DEFAULT-VALUE}).")
    int horizon;

    @Option(names = "--repeats", defaultValue = "9", description = "Timed repetitions (default ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--threads", description = "XGBoost threads (default: the number of cores, at most 4).")
    Integer threads;

    @Option(names = "--rounds", defaultValue = "200", description = "XGBoost boosting rounds (default ${DEFAULT-VALUE}).")
    int rounds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        int cores = Runtime.getRuntime().availableProcessors();
        int nthread = threads != null ? threads : Math.max(1, Math.min(4, cores));
        String omp = System.getenv("OMP_WAIT_POLICY");
        ForecastBenchmark bench = new ForecastBenchmark(rows, horizon, 24, 42L);
        out.printf(Locale.ROOT, "forecast benchmark: %d rows x %d features, %d-step recursive forecast, %d cores, xgboost"
                + " nthread=%d rounds=%d, OMP_WAIT_POLICY=%s%n", rows, bench.featureCount(), horizon, cores, nthread, rounds,
                omp == null ? "(unset)" : omp);
        if (!"PASSIVE".equalsIgnoreCase(omp)) {
            out.println("warning: OMP_WAIT_POLICY is not PASSIVE; XGBoost times on few cores will be much worse");
        }
        List<ForecastBenchmark.Figures> figures = List.of(
                bench.measure("ridge", new RidgeRegressor(1.0), repeats),
                bench.measure("xgboost", new XgbRegressor(6, 0.1, rounds, 0.8, nthread, 42L), repeats));
        out.printf(Locale.ROOT, "%-8s %10s %12s %10s %9s %8s %12s %11s%n", "model", "fit_ms", "forecast_ms", "total_ms",
                "best_ms", "rmse", "rmse/naive", "mae/naive");
        for (ForecastBenchmark.Figures f : figures) {
            out.printf(Locale.ROOT, "%-8s %10.1f %12.2f %10.1f %9.1f %8.4f %12.3f %11.3f%n", f.name(), f.fitMs(),
                    f.forecastMs(), f.totalMs(), f.bestTotalMs(), f.rmse(), f.rmseRatio(), f.maeRatio());
        }
        ForecastBenchmark.Figures r = figures.get(0);
        ForecastBenchmark.Figures x = figures.get(1);
        out.printf(Locale.ROOT, "SUMMARY xgboost_ms=%.0f ridge_ms=%.1f xgboost_rmse_ratio=%.3f ridge_rmse_ratio=%.3f%n",
                x.totalMs(), r.totalMs(), x.rmseRatio(), r.rmseRatio());
        out.flush();
        return 0;
    }
}
