package org.dang.engine.module.market.loading;

/** How often a market series is observed. */
public enum Cadence {
    /** One value per trading day. */
    DAILY,
    /** One value per week, dated on the Friday that ends the EIA reference week. */
    WEEKLY
}
