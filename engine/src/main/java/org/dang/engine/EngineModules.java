package org.dang.engine;

import java.time.InstantSource;

import org.dang.engine.module.forecast.ForecastRequest;
import org.dang.engine.module.forecast.ForecastSettings;
import org.dang.engine.module.forecast.ForecastingModule;
import org.dang.engine.module.market.MarketModule;
import org.dang.engine.module.market.MarketRequest;
import org.dang.engine.module.market.MarketSettings;
import org.dang.engine.module.market.loading.MarketDataLoader;
import org.dang.engine.module.optimize.OptimizationModule;
import org.dang.engine.module.optimize.OptimizationRequest;
import org.dang.engine.module.optimize.ProposalDesk;
import org.dang.engine.module.optimize.SetpointApprovals;
import org.dang.engine.module.optimize.SimulatorPlant;
import org.dang.engine.module.optimize.policy.PolicyStore;
import org.dang.engine.module.optimize.safety.SafetyLayer;
import org.dang.engine.plant.sim.SimulatorSource;

/**
 * The one place that installs the modules this build ships into an engine, so that console, server
 * and self-test find the same modules: a decision to INVOKE one runs everywhere or nowhere.
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
        // Analysis: INVOKE analysis decisions run it, and live situations take their market part from it.
        MarketModule market = new MarketModule(MarketDataLoader.defaultDirectory(),
                MarketSettings.of(engine.config().decisionEngine().rules()));
        engine.install(market, p -> MarketRequest.fromParameters(p, market::defaultAsOf));
        engine.watchMarket(market);
        return engine;
    }

    /**
     * Installs the optimisation module for a simulated unit: only a plant that takes approved
     * setpoint moves can have proposals (replayed history cannot).
     */
    public static void installOptimization(Engine engine, SimulatorSource unit) {
        installOptimization(engine, unit, new PolicyStore(PolicyStore.defaultDir()));
    }

    /** The same with policies looked up in {@code policies} first (the bundled ones after it). */
    public static void installOptimization(Engine engine, SimulatorSource unit, PolicyStore policies) {
        SimulatorPlant plant = new SimulatorPlant(unit);
        engine.install(new OptimizationModule(plant, policies, engine.config().modules().optimization().models()),
                OptimizationRequest::fromParameters);
        // Its proposals are kept by id in the engine, where console and API approve or reject them.
        engine.attachProposals(new ProposalDesk(new SetpointApprovals(plant, SafetyLayer.defaults(), engine.actions(),
                InstantSource.system()), engine.actions()));
    }
}
