package org.dang.engine.module.market;

/** What a finding of the market analysis is about. */
public enum FindingKind {
    /** Crude price move over the move window (WTI, Brent). */
    PRICE_MOVE,
    /** WTI-Brent spread move. */
    SPREAD_MOVE,
    /** 3-2-1 crack spread move. */
    CRACK_MOVE,
    /** Shift of the crack spread (the refining margin proxy) against its previous month. */
    MARGIN_SHIFT,
    /** Weekly stock change against the seasonal norm of that change. */
    INVENTORY_SURPRISE,
    /** Stock level against the five-year seasonal norm and range. */
    INVENTORY_LEVEL,
    /** Gasoline days of supply against its seasonal norm. */
    DAYS_OF_SUPPLY,
    /** Implied gasoline demand, four-week average, year on year. */
    DEMAND_TREND,
    /** Refinery utilisation, four-week average, year on year. */
    UTILISATION_TREND,
    /** Volatility regime of crude returns and its latest change point. */
    VOLATILITY_REGIME
}
