package org.dang.engine;

import org.dang.engine.module.market.MarketModule;
import org.dang.engine.module.market.MarketRequest;
import org.dang.engine.module.market.MarketSettings;
import org.dang.engine.module.market.loading.MarketDataLoader;

/**
 * The modules this build ships, installed the same way wherever an engine runs (console, server,
 * self-test), so a decision to INVOKE a module finds it everywhere or nowhere.
 */
public final class StandardModules {

    private StandardModules() {
    }

    /** Installs every shipped module into {@code engine}, configured from the engine's config. */
    public static void installInto(Engine engine) {
        // Analysis: INVOKE analysis decisions run it, and live situations take their market part from it.
        MarketModule market = new MarketModule(MarketDataLoader.defaultDirectory(),
                MarketSettings.of(engine.config().decisionEngine().rules()));
        engine.install(market, p -> MarketRequest.fromParameters(p, market::defaultAsOf));
        engine.watchMarket(market);
    }
}
