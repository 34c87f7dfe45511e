package org.dang.engine.module.forecast;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;

import org.dang.engine.json.Json;
import org.dang.engine.module.ModuleFailure;
import org.dang.engine.module.ModuleName;
import org.dang.engine.module.PlantModule;
import org.dang.engine.module.RunContext;
import org.dang.engine.plant.TagStore;
import org.dang.engine.store.DecisionStore;
import org.dang.engine.store.ForecastModelRecord;

/**
 * The forecasting module: for each requested tag, reads its history from the tag store, reuses the stored model
 * while it is valid or trains Ridge and/or XGBoost (automatic selection on a shared backtest), and returns the
 * forecast with per-step 80/95% conformal intervals, the model and the reason for it.
 */
public final class ForecastingModule implements PlantModule<ForecastRequest, ForecastResult> {

    /** Origins at most scored by the drift test, newest first. */
    private static final int DRIFT_ORIGINS = 200;

    private final TagStore tags;
    private final DecisionStore store;
    private final ForecastSettings settings;
    private final InstantSource clock;

    /** A module reading {@code tags}, keeping models under the store's models folder and metadata in the store. */
    public ForecastingModule(TagStore tags, DecisionStore store, ForecastSettings settings, InstantSource clock) {
        this.tags = Objects.requireNonNull(tags, "tags");
        this.store = Objects.requireNonNull(store, "store");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public ModuleName name() {
        return ModuleName.FORECASTING;
    }

    @Override
    public Class<ForecastRequest> requestType() {
        return ForecastRequest.class;
    }

    @Override
    public ForecastResult run(ForecastRequest request, RunContext context) throws ModuleFailure {
        List<TagForecast> out = new ArrayList<>();
        int n = request.tags().size();
        for (int i = 0; i < n; i++) {
            context.checkCancelled();
            out.add(forecast(request.tags().get(i), request, monitor(context, request.tags().get(i), i, n)));
        }
        context.progress(1, "forecast ready for " + String.join(", ", request.tags()));
        return new ForecastResult(out);
    }

    private TagForecast forecast(String tag, ForecastRequest request, FitMonitor monitor) throws ModuleFailure {
        TimeSeriesTable table = TagHistory.table(tags, tag, request.inputs(), request.interval());
        FeatureSpec spec = spec(tag, request);
        ForecastPlan plan = new ForecastPlan(spec, Strategy.DIRECT, request.horizon(), settings.ridge(), settings.xgb(),
                settings.policy(), settings.folds(), true);
        ForecastInputCheck.check(table, plan, tag, request.inputs());
        Map<String, Object> description = description(tag, request, plan);
        String specHash = ModelFile.sha256(Json.canonical(description));
        Optional<ForecastModelRecord> stored = store.latestForecastModel(tag, specHash);
        String why;
        if (request.retrain()) {
            why = "retrain requested";
        } else if (stored.isEmpty()) {
            why = "no stored model";
        } else {
            StoredModel s = load(stored.get(), plan);
            why = s.invalidity(table, clock.instant());
            if (why == null) {
                monitor.progress(0.9, "reusing model " + s.record.id());
                return toForecast(tag, request, table, s.fitted, s.bands, s.record, true, s.record.reason(), s.steps);
            }
        }
        monitor.progress(0, why + ": training");
        ForecastFit fit = plan.fit(table, request.modelSelection(), false, monitor);
        FamilyFit chosen = fit.chosen();
        ForecastModelRecord record = save(tag, specHash, description, table, fit);
        return toForecast(tag, request, table, chosen.fitted(), chosen.bands(), record, false,
                fit.selection().reason(), chosen.backtest().steps());
    }

    private TagForecast toForecast(String tag, ForecastRequest request, TimeSeriesTable table, FittedForecaster fitted,
                                   ConformalBands bands, ForecastModelRecord record, boolean reused, String reason,
                                   List<StepMetrics> steps) throws ModuleFailure {
        double[] f;
        try {
            f = fitted.forecast(table);
        } catch (IllegalStateException e) {
            throw new ModuleFailure(e.getMessage(), false, e);
        }
        int last = table.rows() - 1;
        List<ForecastPoint> points = new ArrayList<>(f.length);
        for (int h = 1; h <= f.length; h++) {
            double v = f[h - 1];
            if (!Double.isFinite(v)) {
                throw new ModuleFailure("the " + record.family() + " model gave a non-finite forecast for '" + tag
                        + "' at step " + h, false);
            }
            double w80 = bands.half80(h);
            double w95 = bands.half95(h);
            points.add(new ForecastPoint(h, table.time(last).plus(request.interval().multipliedBy(h)), v, v - w80,
                    v + w80, v - w95, v + w95));
        }
        return new TagForecast(tag, request.interval(), points, ModelFamily.fromKey(record.family()).orElseThrow(), reason,
                reused, record.id(), record.trainedFrom(), record.trainedTo(), record.trainRows(), steps);
    }

    /** Target lags, a rolling window as long as the lags, the same lags of every input, and the calendar. */
    static FeatureSpec spec(String tag, ForecastRequest request) {
        List<Integer> lags = IntStream.range(0, request.lags()).boxed().toList();
        List<FeatureSpec.Exogenous> inputs = request.inputs().stream().map(in -> new FeatureSpec.Exogenous(in, lags)).toList();
        List<Integer> windows = request.lags() >= 2 ? List.of(request.lags()) : List.of();
        return new FeatureSpec(tag, lags, inputs, windows, List.of(), true);
    }

    /** Everything a stored model depends on; its hash decides whether a stored model fits the request. */
    private Map<String, Object> description(String tag, ForecastRequest request, ForecastPlan plan) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("tag", tag);
        d.put("spec", plan.spec());
        d.put("strategy", plan.strategy().name());
        d.put("horizon", plan.horizon());
        d.put("interval_s", request.interval().toSeconds());
        d.put("model_selection", request.modelSelection().key());
        d.put("ridge_lambda", settings.ridge().lambda());
        d.put("xgb", settings.xgb());
        d.put("policy", settings.policy());
        d.put("folds", settings.folds());
        return d;
    }

    private ForecastModelRecord save(String tag, String specHash, Map<String, Object> description, TimeSeriesTable table,
                                     ForecastFit fit) throws ModuleFailure {
        FamilyFit chosen = fit.chosen();
        String id = UUID.randomUUID().toString();
        String file = id + ".model";
        List<FittedModel> models = chosen.fitted().models();
        String hash;
        try {
            hash = ModelFile.write(store.modelsFolder().resolve(file), chosen.family(), models.getFirst().featureCount(), models);
        } catch (IOException e) {
            throw new ModuleFailure("the trained model of '" + tag + "' could not be written to "
                    + store.modelsFolder() + ": " + e.getMessage(), true, e);
        }
        Map<String, Object> features = new LinkedHashMap<>(description);
        features.put("feature_names", new FeatureBuilder(chosen.fitted().recipe().spec()).featureNames());
        ModelSelection s = fit.selection();
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("steps", chosen.backtest().steps().stream().map(m -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("step", m.step());
            row.put("count", m.count());
            row.put("mae", finite(m.mae()));
            row.put("rmse", finite(m.rmse()));
            row.put("smape", finite(m.smape()));
            row.put("mase", finite(m.mase()));
            return row;
        }).toList());
        metrics.put("half80", finite(chosen.bands().half80()));
        metrics.put("half95", finite(chosen.bands().half95()));
        metrics.put("ridge_rmse", finite(s.ridgeRmse()));
        metrics.put("xgb_rmse", finite(s.xgbRmse()));
        metrics.put("compared", s.compared());
        metrics.put("dm_p", s.test().map(t -> finite(t.pValue())).orElse(null));
        ForecastModelRecord record = new ForecastModelRecord(id, tag, specHash, chosen.family().key(), Json.write(features),
                table.time(0), table.time(table.rows() - 1), table.rows(), clock.instant(), Json.write(metrics),
                s.reason(), file, hash);
        store.recordForecastModel(record);
        return record;
    }

    private StoredModel load(ForecastModelRecord record, ForecastPlan plan) {
        try {
            List<FittedModel> models = ModelFile.read(store.modelsFolder().resolve(record.file()), record.contentHash());
            FittedForecaster fitted = plan.forecaster(ModelFamily.fromKey(record.family()).orElseThrow()).restore(models);
            JsonNode m = Json.mapper().readTree(record.metricsJson());
            double[] h80 = doubles(m.get("half80"), Double.POSITIVE_INFINITY);
            double[] h95 = doubles(m.get("half95"), Double.POSITIVE_INFINITY);
            List<StepMetrics> steps = new ArrayList<>();
            for (JsonNode s : m.get("steps")) {
                steps.add(new StepMetrics(s.get("step").asInt(), s.get("count").asInt(), number(s.get("mae")),
                        number(s.get("rmse")), number(s.get("smape")), number(s.get("mase"))));
            }
            return new StoredModel(record, fitted, new ConformalBands(h80, h95, new int[h80.length]), steps, null);
        } catch (IOException | RuntimeException e) {
            return new StoredModel(record, null, null, List.of(), "stored model " + record.id() + " is unusable ("
                    + e.getMessage() + ")");
        }
    }

    /** A model read back from its file, or the reason it could not be. */
    private final class StoredModel {
        final ForecastModelRecord record;
        final FittedForecaster fitted;
        final ConformalBands bands;
        final List<StepMetrics> steps;
        final String unusable;

        StoredModel(ForecastModelRecord record, FittedForecaster fitted, ConformalBands bands, List<StepMetrics> steps,
                    String unusable) {
            this.record = record;
            this.fitted = fitted;
            this.bands = bands;
            this.steps = steps;
            this.unusable = unusable;
        }

        /** Why this model must be retrained, or null while it is valid. */
        String invalidity(TimeSeriesTable table, Instant now) {
            if (unusable != null) {
                return unusable;
            }
            Duration age = Duration.between(record.trainedAt(), now);
            if (age.compareTo(settings.modelTtl()) > 0) {
                return "stored model is " + minutes(age) + " old, past its TTL of " + minutes(settings.modelTtl());
            }
            return drift(table);
        }

        /**
         * The drift test: one-step forecasts from every origin after the training window (the newest 200) are
         * scored against what happened; an RMSE above driftFactor times the backtest's one-step RMSE means the
         * process no longer behaves as it did when the model was trained.
         */
        private String drift(TimeSeriesTable table) {
            double[] y = table.column(record.tag());
            int firstNew = 0;
            while (firstNew < table.rows() && !table.time(firstNew).isAfter(record.trainedTo())) {
                firstNew++;
            }
            int from = Math.max(firstNew - 1, table.rows() - 1 - DRIFT_ORIGINS);
            double ss = 0;
            int count = 0;
            for (int origin = Math.max(0, from); origin < table.rows() - 1; origin++) {
                double f = fitted.forecastFrom(table, origin)[0];
                double a = y[origin + 1];
                if (Double.isFinite(f) && Double.isFinite(a)) {
                    ss += (a - f) * (a - f);
                    count++;
                }
            }
            double reference = steps.isEmpty() ? Double.NaN : steps.getFirst().rmse();
            if (count < settings.driftRows() || !(reference > 0)) {
                return null;
            }
            double rmse = Math.sqrt(ss / count);
            if (rmse > settings.driftFactor() * reference) {
                return String.format(Locale.ROOT, "data drifted: one-step RMSE %.4g on %d new rows vs %.4g in the backtest",
                        rmse, count, reference);
            }
            return null;
        }
    }

    private static FitMonitor monitor(RunContext context, String tag, int index, int count) {
        return new FitMonitor() {
            @Override
            public void progress(double fraction, String message) {
                context.progress((index + Math.max(0, Math.min(1, fraction))) / count, tag + ": " + message);
            }

            @Override
            public void checkpoint() {
                context.checkCancelled();
            }
        };
    }

    private static String minutes(Duration d) {
        return d.toMinutes() >= 120 ? d.toHours() + " h" : d.toMinutes() + " min";
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static List<Double> finite(double[] v) {
        List<Double> out = new ArrayList<>(v.length);
        for (double d : v) {
            out.add(finite(d));
        }
        return out;
    }

    private static double number(JsonNode n) {
        return n == null || n.isNull() ? Double.NaN : n.asDouble();
    }

    private static double[] doubles(JsonNode array, double nullValue) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).isNull() ? nullValue : array.get(i).asDouble();
        }
        return out;
    }

    /** The models folder, for tests and tools. */
    public Path modelsFolder() {
        return store.modelsFolder();
    }
}
