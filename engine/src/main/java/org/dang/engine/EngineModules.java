package org.dang.engine;

import java.time.InstantSource;

import org.dang.engine.module.forecast.ForecastRequest;
import org.dang.engine.module.forecast.ForecastSettings;
import org.dang.engine.module.forecast.ForecastingModule;

/**
 * The one place that installs the modules this build ships into an engine; every entry point that opens an
 * engine for real work (console, self-test) calls it. Add a new module here, next to the forecaster.
 */
public final class EngineModules {

    private EngineModules() {
    }

    /** Installs every available module and returns the engine. */
    public static Engine installAvailable(Engine engine) {
        // A forecast refresh (rule 6) names no tags: it forecasts the tags the forecasting module is configured to need.
        var forecastTags = engine.config().modules().forecasting().requiredTags();
        engine.install(new ForecastingModule(engine.plant().tags(), engine.store(), ForecastSettings.from(engine.config()),
                InstantSource.system()), p -> ForecastRequest.fromParameters(p, forecastTags));
        return engine;
    }
}
