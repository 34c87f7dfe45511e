package org.dang.engine.client;

import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;

import org.dang.engine.module.forecast.ForecastResult;
import org.dang.engine.module.market.MarketReport;

/**
 * Module runs a view asks for as the connection's user: the forecast of a tag, the market analysis as of a
 * date. The engine checks the role and audits each request, and the run goes through its module coordinator
 * (queue, timeout, cache). Every method returns at once; the answer is the typed result, or a future failed with
 * a {@link RunFailure} whose message is the status line to show (nothing is thrown on the caller's thread).
 */
public interface ModuleRuns {

    /**
     * Forecasts {@code tag} {@code horizon} steps ahead (the forecasting module's default step, one hour) with
     * the module's automatic model choice; {@code progress} hears of the run on any thread.
     */
    CompletableFuture<ForecastResult> forecast(String tag, int horizon, RunProgress progress);

    /** Runs the market analysis as of the end of {@code asOf} (UTC); {@code progress} hears of it on any thread. */
    CompletableFuture<MarketReport> analyseMarket(LocalDate asOf, RunProgress progress);

    /**
     * Calls {@code watcher} (on any thread) for market analyses the engine runs, this console's and its own (a
     * market trigger) alike: each report when the engine hands results out (embedded), else a line saying a run
     * finished there.
     */
    Subscription watchMarket(MarketWatcher watcher);
}
