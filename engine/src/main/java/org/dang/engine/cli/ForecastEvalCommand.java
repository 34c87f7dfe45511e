package org.dang.engine.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import org.dang.engine.module.forecast.FeatureSpec;
import org.dang.engine.module.forecast.FitMonitor;
import org.dang.engine.module.forecast.ForecastPlan;
import org.dang.engine.module.forecast.HoldoutEvaluation;
import org.dang.engine.module.forecast.HoldoutScore;
import org.dang.engine.module.forecast.RidgeRegressor;
import org.dang.engine.module.forecast.SelectionPolicy;
import org.dang.engine.module.forecast.Strategy;
import org.dang.engine.module.forecast.TimeSeriesCsv;
import org.dang.engine.module.forecast.TimeSeriesTable;
import org.dang.engine.module.forecast.XgbRegressor;

/** {@code dang forecast-eval}: Ridge, XGBoost and automatic selection on a chronological split of a data file. */
@Command(name = "forecast-eval", mixinStandardHelpOptions = true,
        description = {"Evaluate the forecasting module on a chronological split: the first --split of the rows fits"
                + " the models, selects the family and calibrates the intervals (by a rolling-origin backtest inside"
                + " it); the rest is forecast from every origin and scored.",
                "Prints RMSE, R^2, MASE and 80/95% interval coverage for ridge, xgboost and auto, then",
                "SUMMARY best=MODEL rmse=X r2=X coverage95=X",
                "Bundled data: debutanizer (u1..u7, y), sru (u1..u5, y1, y2). Examples:",
                "  forecast-eval --data debutanizer --target y --inputs u1,u2,u3,u4,u5,u6,u7 --lags 6 --horizon 6",
                "  forecast-eval --data debutanizer --target y --inputs u1,u2,u3,u4,u5,u6,u7 --lags 6 --target-lags 0"
                        + " --horizon 1"})
public final class ForecastEvalCommand implements Callable<Integer> {

    /** Bundled data sets by name, relative to the installation's sample-plant-data folder. */
    static final Map<String, String> BUNDLED = Map.of(
            "debutanizer", "debutanizer/derived/debutanizer_data.csv",
            "sru", "sru/derived/SRU_data.csv");

    @Option(names = "--data", required = true, paramLabel = "FILE|NAME",
            description = "CSV with a header (first column a time or row number, or no index column at all), or a"
                    + " bundled data set: debutanizer, sru.")
    String data;

    @Option(names = "--target", required = true, paramLabel = "COL", description = "Column to forecast.")
    String target;

    @Option(names = "--inputs", split = ",", paramLabel = "COLS", description = "Exogenous input columns, comma separated.")
    List<String> inputs = new ArrayList<>();

    @Option(names = "--lags", defaultValue = "6", paramLabel = "N",
            description = "Lags of each input: its values at t, t-1 .. t-N+1 (default ${DEFAULT-VALUE}).")
    int lags;

    @Option(names = "--target-lags", paramLabel = "N",
            description = "Past values of the target: y at t .. t-N+1; 0 = none, a soft sensor (default: --lags).")
    Integer targetLags;

    @Option(names = "--rolling", split = ",", paramLabel = "W",
            description = "Rolling windows: mean, std, min and max of the target over each window (needs target lags),"
                    + " and of every input.")
    List<Integer> rolling = new ArrayList<>();

    @Option(names = "--horizon", required = true, paramLabel = "H", description = "Steps ahead to forecast.")
    int horizon;

    @Option(names = "--split", defaultValue = "0.7", paramLabel = "F",
            description = "Fraction of rows, from the start, used to fit and calibrate (default ${DEFAULT-VALUE}).")
    double split;

    @Option(names = "--strategy", defaultValue = "direct", paramLabel = "S",
            description = "direct (default; one model per step) or recursive (no inputs allowed).")
    String strategy;

    @Option(names = "--folds", defaultValue = "5", paramLabel = "K", description = "Backtest refits (default ${DEFAULT-VALUE}).")
    int folds;

    @Option(names = "--margin", defaultValue = "0.05", paramLabel = "F",
            description = "RMSE improvement XGBoost needs to replace Ridge (default ${DEFAULT-VALUE}).")
    double margin;

    @Option(names = "--alpha", defaultValue = "0.05", paramLabel = "P",
            description = "Significance level of the Diebold-Mariano test (default ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--gamma", defaultValue = "0.005", paramLabel = "G",
            description = "How fast the intervals adapt to misses while the test part streams in (adaptive conformal"
                    + " inference; default ${DEFAULT-VALUE}).")
    double gamma;

    @Option(names = "--ridge-lambda", defaultValue = "1", paramLabel = "L", description = "Ridge penalty (default ${DEFAULT-VALUE}).")
    double lambda;

    @Option(names = "--fixed-lambda", description = "Keep --ridge-lambda instead of choosing 0.1, 1, 10 or 100 times it"
            + " on the backtest folds.")
    boolean fixedLambda;

    @Option(names = "--xgb-rounds", defaultValue = "300", paramLabel = "N", description = "Boosting rounds (default ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--xgb-depth", defaultValue = "4", paramLabel = "D", description = "Tree depth (default ${DEFAULT-VALUE}).")
    int depth;

    @Option(names = "--xgb-eta", defaultValue = "0.05", paramLabel = "E", description = "Learning rate (default ${DEFAULT-VALUE}).")
    double eta;

    @Option(names = "--threads", defaultValue = "2", paramLabel = "N", description = "XGBoost threads (default ${DEFAULT-VALUE}).")
    int threads;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Path file = resolve(data);
        TimeSeriesTable table = TimeSeriesCsv.readDetectingIndex(file);
        FeatureSpec features = features(table);
        Strategy s = switch (strategy.toLowerCase(Locale.ROOT)) {
            case "direct" -> Strategy.DIRECT;
            case "recursive" -> Strategy.RECURSIVE;
            default -> throw new ParameterException(spec.commandLine(), "--strategy '" + strategy + "': use direct or recursive");
        };
        ForecastPlan plan = new ForecastPlan(features, s, horizon, new RidgeRegressor(lambda),
                new XgbRegressor(depth, eta, rounds, 0.8, threads, 42L), new SelectionPolicy(margin, alpha, 30), folds, !fixedLambda);
        long start = System.nanoTime();
        HoldoutEvaluation.Report report = new HoldoutEvaluation(plan, split, gamma).run(table, FitMonitor.none());
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf(Locale.ROOT, "data %s: %d rows, target %s, %d features, horizon %d, %s; fit+calibrate %d rows, test %d rows%n",
                file, table.rows(), target, new org.dang.engine.module.forecast.FeatureBuilder(features).featureNames().size(),
                horizon, s.name().toLowerCase(Locale.ROOT), report.trainRows(), report.testRows());
        out.printf(Locale.ROOT, "%-8s %8s %10s %8s %8s %8s %8s%n", "model", "pairs", "RMSE", "R^2", "MASE", "cov80", "cov95");
        for (HoldoutScore sc : report.scores()) {
            out.printf(Locale.ROOT, "%-8s %8d %10.5f %8.4f %8.4f %8.3f %8.3f%n", sc.model(), sc.pairs(), sc.rmse(), sc.r2(),
                    sc.mase(), sc.coverage80(), sc.coverage95());
        }
        out.println("auto chose: " + report.selection().reason() + "; ridge lambda " + report.ridgeLambda());
        out.printf(Locale.ROOT, "elapsed %.1f s%n", seconds);
        HoldoutScore best = report.best();
        out.printf(Locale.ROOT, "SUMMARY best=%s rmse=%.5f r2=%.4f coverage95=%.3f%n", best.model().equals("auto")
                ? report.selection().chosen().key() : best.model(), best.rmse(), best.r2(), best.coverage95());
        out.flush();
        return 0;
    }

    private FeatureSpec features(TimeSeriesTable table) {
        if (lags < 1 || horizon < 1) {
            throw new ParameterException(spec.commandLine(), "--lags and --horizon must be at least 1");
        }
        int yLags = targetLags == null ? lags : targetLags;
        if (yLags < 0) {
            throw new ParameterException(spec.commandLine(), "--target-lags must be 0 or more");
        }
        for (String c : concat(List.of(target), inputs)) {
            if (!table.hasColumn(c)) {
                throw new ParameterException(spec.commandLine(), "no column '" + c + "' in " + data + "; it has "
                        + table.columnNames());
            }
        }
        List<Integer> exoLags = IntStream.range(0, lags).boxed().toList();
        List<FeatureSpec.Exogenous> exogenous = inputs.stream()
                .map(in -> new FeatureSpec.Exogenous(in, exoLags, rolling)).toList();
        return new FeatureSpec(target, IntStream.range(0, yLags).boxed().toList(), exogenous,
                yLags > 0 ? rolling : List.of(), List.of(), false);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private Path resolve(String name) {
        String bundled = BUNDLED.get(name.toLowerCase(Locale.ROOT));
        if (bundled != null) {
            Path p = Path.of(System.getProperty("dang.home", ".")).resolve("sample-plant-data").resolve(bundled);
            if (!Files.isReadable(p)) {
                throw new ParameterException(spec.commandLine(), "bundled data set '" + name + "' is missing at " + p);
            }
            return p;
        }
        Path p = Path.of(name);
        if (!Files.isReadable(p)) {
            throw new ParameterException(spec.commandLine(), "--data '" + name + "' is neither a readable file nor one of "
                    + BUNDLED.keySet());
        }
        return p;
    }
}
