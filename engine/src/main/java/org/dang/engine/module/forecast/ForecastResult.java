package org.dang.engine.module.forecast;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.dang.engine.module.ModuleResult;

/**
 * What the forecasting module returns: one forecast per requested tag.
 *
 * @param forecasts in the order the tags were requested
 */
public record ForecastResult(List<TagForecast> forecasts) implements ModuleResult {

    /** Copies the list. */
    public ForecastResult {
        forecasts = List.copyOf(forecasts);
    }

    /** Per tag: the model, why it was chosen, and the first and last step with their 95% intervals. */
    @Override
    public String summary() {
        return forecasts.stream().map(f -> {
            ForecastPoint first = f.points().getFirst();
            ForecastPoint last = f.points().getLast();
            return String.format(Locale.ROOT, "%s: %d steps by %s%s (%s); step 1 %.4g [%.4g, %.4g], step %d %.4g [%.4g, %.4g]",
                    f.tag(), f.points().size(), f.model().label(), f.reused() ? " (stored model)" : "", f.reason(),
                    first.value(), first.lo95(), first.hi95(), last.step(), last.value(), last.lo95(), last.hi95());
        }).collect(Collectors.joining("; "));
    }
}
