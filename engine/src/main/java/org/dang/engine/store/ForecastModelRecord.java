package org.dang.engine.store;

import java.time.Instant;

/**
 * The metadata of one trained forecast model, as kept in the {@code forecast_models} table; the model itself is
 * a file under the models folder next to the store.
 *
 * @param id           unique id, also the file's base name
 * @param tag          the forecast tag
 * @param specHash     SHA-256 of the feature spec and settings the model was trained with
 * @param family       ridge or xgboost
 * @param featuresJson the spec, feature names, strategy, horizon and interval, as JSON
 * @param trainedFrom  first row of the training window (data time)
 * @param trainedTo    last row of the training window (data time)
 * @param trainRows    rows in the training window
 * @param trainedAt    wall-clock time of training
 * @param metricsJson  backtest errors per step and interval half-widths, as JSON
 * @param reason       why this family was chosen
 * @param file         model file name, relative to the models folder
 * @param contentHash  SHA-256 of the model file
 */
public record ForecastModelRecord(String id, String tag, String specHash, String family, String featuresJson,
                                  Instant trainedFrom, Instant trainedTo, int trainRows, Instant trainedAt,
                                  String metricsJson, String reason, String file, String contentHash) {
}
