package org.dang.engine.module.forecast;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.dang.engine.module.ModuleName;
import org.dang.engine.module.ModuleRequest;

/**
 * A request to the forecasting module.
 *
 * @param tags           tags to forecast, at least one
 * @param horizon        steps ahead, 1 to 1000
 * @param inputs         other tags used as exogenous inputs (their lags and rolling statistics)
 * @param modelSelection auto (backtest both families and choose), ridge or xgboost
 * @param retrain        train new models even when stored ones are still valid
 * @param interval       the step: history is averaged into buckets of this length, 1 s to 1 day
 * @param lags           past values of the target and of each input used as features, 1 to 200
 */
public record ForecastRequest(List<String> tags, int horizon, List<String> inputs, ModelChoice modelSelection,
                              boolean retrain, Duration interval, int lags) implements ModuleRequest {

    /** Default step: one hour, so "horizon 12" reads as the next twelve hours. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofHours(1);
    /** Default horizon in steps. */
    public static final int DEFAULT_HORIZON = 12;
    /** Default number of lags. */
    public static final int DEFAULT_LAGS = 12;

    /** Validates and copies. */
    public ForecastRequest {
        tags = List.copyOf(tags);
        inputs = List.copyOf(inputs);
        Objects.requireNonNull(modelSelection, "model_selection");
        Objects.requireNonNull(interval, "interval");
        if (tags.isEmpty()) {
            throw new IllegalArgumentException("tags: name at least one tag to forecast");
        }
        for (String t : tags) {
            if (t == null || t.isBlank()) {
                throw new IllegalArgumentException("tags: a tag name is blank");
            }
            if (inputs.contains(t)) {
                throw new IllegalArgumentException("inputs: '" + t + "' is forecast itself; its past values are features already");
            }
        }
        if (horizon < 1 || horizon > 1000) {
            throw new IllegalArgumentException("horizon: must be 1 to 1000 steps, got " + horizon);
        }
        if (lags < 1 || lags > 200) {
            throw new IllegalArgumentException("lags: must be 1 to 200, got " + lags);
        }
        if (interval.compareTo(Duration.ofSeconds(1)) < 0 || interval.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("interval: must be 1 s to 1 day, got " + interval);
        }
    }

    /** A request for {@code tags} with every other setting at its default. */
    public static ForecastRequest of(List<String> tags, int horizon) {
        return new ForecastRequest(tags, horizon, List.of(), ModelChoice.AUTO, false, DEFAULT_INTERVAL, DEFAULT_LAGS);
    }

    @Override
    public ModuleName module() {
        return ModuleName.FORECASTING;
    }

    /**
     * Builds a request from a decision's parameters: {@code tags} (list or one name), {@code horizon},
     * {@code inputs}, {@code model_selection} (auto|ridge|xgboost), {@code retrain}, {@code interval} (seconds or
     * ISO-8601 such as PT15M) and {@code lags}. Throws IllegalArgumentException naming the bad parameter.
     */
    public static ForecastRequest fromParameters(Map<String, Object> p) {
        return fromParameters(p, List.of());
    }

    /**
     * As {@link #fromParameters(Map)}, forecasting {@code defaultTags} when the parameters name none (a scheduled
     * refresh names no tags; the module's configured tags are forecast then).
     */
    public static ForecastRequest fromParameters(Map<String, Object> p, List<String> defaultTags) {
        List<String> tags = !p.containsKey("tags") && !defaultTags.isEmpty() ? defaultTags : names(p.get("tags"), "tags");
        int horizon = integer(p.getOrDefault("horizon", DEFAULT_HORIZON), "horizon");
        List<String> inputs = p.containsKey("inputs") ? names(p.get("inputs"), "inputs") : List.of();
        Object sel = p.getOrDefault("model_selection", "auto");
        ModelChoice choice = ModelChoice.fromKey(String.valueOf(sel)).orElseThrow(() -> new IllegalArgumentException(
                "model_selection: '" + sel + "' is not auto, ridge or xgboost"));
        Object re = p.getOrDefault("retrain", false);
        if (!(re instanceof Boolean)) {
            throw new IllegalArgumentException("retrain: expected true or false, got '" + re + "'");
        }
        Duration interval = duration(p.getOrDefault("interval", DEFAULT_INTERVAL.toSeconds()));
        int lags = integer(p.getOrDefault("lags", DEFAULT_LAGS), "lags");
        return new ForecastRequest(tags, horizon, inputs, choice, (Boolean) re, interval, lags);
    }

    private static List<String> names(Object value, String key) {
        if (value instanceof String s && !s.isBlank()) {
            return List.of(s);
        }
        if (value instanceof List<?> list && !list.isEmpty()) {
            List<String> out = new ArrayList<>();
            for (Object o : list) {
                if (!(o instanceof String s) || s.isBlank()) {
                    throw new IllegalArgumentException(key + ": '" + o + "' is not a tag name");
                }
                out.add(s);
            }
            return out;
        }
        throw new IllegalArgumentException(key + ": expected a tag name or a list of them, got " + value);
    }

    private static int integer(Object value, String key) {
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.intValue();
        }
        throw new IllegalArgumentException(key + ": expected a whole number, got '" + value + "'");
    }

    private static Duration duration(Object value) {
        try {
            if (value instanceof Number n) {
                return Duration.ofMillis(Math.round(n.doubleValue() * 1000));
            }
            return Duration.parse(String.valueOf(value));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("interval: expected seconds or an ISO-8601 duration such as PT15M, got '"
                    + value + "'");
        }
    }
}
