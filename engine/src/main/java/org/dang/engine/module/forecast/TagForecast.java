package org.dang.engine.module.forecast;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The forecast of one tag.
 *
 * @param tag         the tag
 * @param interval    length of one step
 * @param points      steps 1..H with intervals
 * @param model       the family that made it
 * @param reason      why that family, in plain words
 * @param reused      true when a stored model was reused, false when trained for this run
 * @param modelId     id of the stored model (forecast_models table)
 * @param trainedFrom first row of the training window
 * @param trainedTo   last row of the training window
 * @param trainRows   rows of the training window
 * @param backtest    the model's backtest errors per step
 */
public record TagForecast(String tag, Duration interval, List<ForecastPoint> points, ModelFamily model, String reason,
                          boolean reused, String modelId, Instant trainedFrom, Instant trainedTo, int trainRows,
                          List<StepMetrics> backtest) {

    /** Copies the lists. */
    public TagForecast {
        points = List.copyOf(points);
        backtest = List.copyOf(backtest);
    }
}
