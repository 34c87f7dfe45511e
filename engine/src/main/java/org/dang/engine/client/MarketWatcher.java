package org.dang.engine.client;

import org.dang.engine.module.market.MarketReport;

/** What the market view hears about market analyses the engine runs, whoever asked for them. */
public interface MarketWatcher {

    /** An analysis finished with {@code report}. */
    void finished(MarketReport report);

    /** A running analysis reports progress (fraction in [0, 1] or -1), or a finished one whose report is elsewhere. */
    void working(double fraction, String message);
}
