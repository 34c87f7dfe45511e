package org.dang.engine.module.forecast;

import java.time.Instant;

/**
 * One forecast step with its conformal intervals.
 *
 * @param step  1..H
 * @param time  the time the value is forecast for
 * @param value point forecast
 * @param lo80  lower bound of the 80% interval
 * @param hi80  upper bound of the 80% interval
 * @param lo95  lower bound of the 95% interval
 * @param hi95  upper bound of the 95% interval
 */
public record ForecastPoint(int step, Instant time, double value, double lo80, double hi80, double lo95, double hi95) {
}
