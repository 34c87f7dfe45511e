package org.dang.app.trend;

import java.util.List;

import org.dang.engine.module.forecast.ForecastPoint;
import org.dang.engine.module.forecast.TagForecast;

/**
 * A tag's forecast ready to draw: times in epoch seconds, point values, and the 80/95% bounds.
 *
 * @param tag    the tag
 * @param model  which family made it and why, in the module's words
 * @param x      times, epoch seconds
 * @param value  point forecast
 * @param lo80   lower 80% bound
 * @param hi80   upper 80% bound
 * @param lo95   lower 95% bound
 * @param hi95   upper 95% bound
 */
public record ForecastBand(String tag, String model, double[] x, double[] value, double[] lo80, double[] hi80,
                           double[] lo95, double[] hi95) {

    /** Converts the module's forecast of one tag. */
    public static ForecastBand of(TagForecast f) {
        List<ForecastPoint> p = f.points();
        int n = p.size();
        double[] x = new double[n];
        double[] v = new double[n];
        double[] l8 = new double[n];
        double[] h8 = new double[n];
        double[] l9 = new double[n];
        double[] h9 = new double[n];
        for (int i = 0; i < n; i++) {
            ForecastPoint q = p.get(i);
            x[i] = q.time().toEpochMilli() / 1000.0;
            v[i] = q.value();
            l8[i] = q.lo80();
            h8[i] = q.hi80();
            l9[i] = q.lo95();
            h9[i] = q.hi95();
        }
        // The reason already names the family ("Ridge kept: ...", "XGBoost: ...").
        return new ForecastBand(f.tag(), f.reason(), x, v, l8, h8, l9, h9);
    }
}
