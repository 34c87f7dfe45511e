package org.dang.engine.module.market;

import java.util.Optional;

import org.dang.engine.module.market.analysis.SeasonalBands;
import org.dang.engine.module.market.analysis.WeeklyProfile;

/**
 * Findings about weekly fundamentals: inventory surprises and levels against the seasonal norm,
 * gasoline days of supply, implied demand and refinery utilisation trends.
 */
final class FundamentalFindings {

    /** Kilobarrels per million barrels, for headlines. */
    static final double KB_PER_MB = 1000.0;

    private final MarketSettings settings;

    FundamentalFindings(MarketSettings settings) {
        this.settings = settings;
    }

    /** The week's stock change against its seasonal norm; a change beyond inventory_sigma. */
    Optional<Finding> surprise(String name, WeeklyProfile p, int j) {
        double z = p.surpriseSigma(j);
        if (!Double.isFinite(z)) {
            return Optional.empty();
        }
        boolean change = Math.abs(z) > settings.inventorySigma();
        String headline = capital(name) + " " + Figures.signed(p.change(j) / KB_PER_MB, 1) + " Mb in the week to "
                + p.date(j) + " against a seasonal " + Figures.signed(p.normalChange(j) / KB_PER_MB, 1)
                + " Mb: surprise " + Figures.signed(p.surprise(j) / KB_PER_MB, 1) + " Mb, " + Figures.signed(z, 1)
                + " sigma";
        return Optional.of(new Finding(FindingKind.INVENTORY_SURPRISE, name, headline, p.surprise(j) / KB_PER_MB, "Mb",
                z, p.date(j).minusDays(7), p.date(j), change, Math.abs(z)));
    }

    /** The stock level against the five-year norm and range (a state, never a change). */
    Optional<Finding> level(String name, WeeklyProfile p, int j) {
        SeasonalBands b = p.bands();
        if (!Double.isFinite(b.mean()[j])) {
            return Optional.empty();
        }
        double v = p.value(j);
        double surplus = v - b.mean()[j];
        double z = b.sigma(j, v);
        String band = v > b.max()[j] ? "above the 5-year range" : v < b.min()[j] ? "below the 5-year range"
                : "within the 5-year range";
        String headline = capital(name) + " " + Figures.fixed(v / KB_PER_MB, 1) + " Mb: "
                + (surplus >= 0 ? "surplus" : "deficit") + " of " + Figures.fixed(Math.abs(surplus) / KB_PER_MB, 1)
                + " Mb (" + Figures.signed(100 * surplus / b.mean()[j], 1) + "%) against the 5-year average, " + band
                + " (" + Figures.fixed(b.min()[j] / KB_PER_MB, 1) + " to " + Figures.fixed(b.max()[j] / KB_PER_MB, 1)
                + " Mb), " + Figures.signed(z, 1) + " sigma";
        return Optional.of(new Finding(FindingKind.INVENTORY_LEVEL, name, headline, surplus / KB_PER_MB, "Mb", z, null,
                p.date(j), false, Double.isFinite(z) ? Math.abs(z) * Finding.STATE_WEIGHT : 0));
    }

    /** Gasoline days of supply against its norm. */
    Optional<Finding> daysOfSupply(WeeklyProfile daysOfSupply, int j) {
        double v = daysOfSupply.value(j);
        SeasonalBands b = daysOfSupply.bands();
        if (!Double.isFinite(v)) {
            return Optional.empty();
        }
        double z = b.sigma(j, v);
        String headline = "Gasoline days of supply " + Figures.fixed(v, 1) + " days (stocks over 4-week average"
                + " product supplied), 5-year norm " + Figures.fixed(b.mean()[j], 1) + " days, " + Figures.signed(z, 1)
                + " sigma";
        return Optional.of(new Finding(FindingKind.DAYS_OF_SUPPLY, "gasoline days of supply", headline, v, "days", z,
                null, daysOfSupply.date(j), false, Double.isFinite(z) ? Math.abs(z) * Finding.STATE_WEIGHT : 0));
    }

    /** Four-week implied demand, year on year and against its norm. */
    Optional<Finding> demand(WeeklyProfile demand, int j) {
        double v = demand.value(j);
        int y = demand.yearBefore(j);
        if (!Double.isFinite(v) || y < 0 || !Double.isFinite(demand.value(y))) {
            return Optional.empty();
        }
        double yoy = 100 * (v / demand.value(y) - 1);
        double z = demand.bands().sigma(j, v);
        String headline = "Gasoline demand (product supplied, 4-week average) " + Figures.fixed(v / KB_PER_MB, 2)
                + " Mb/d, " + Figures.signed(yoy, 1) + "% year on year, " + Figures.signed(z, 1)
                + " sigma against the 5-year norm";
        return Optional.of(new Finding(FindingKind.DEMAND_TREND, "gasoline demand", headline, yoy, "% y/y", z,
                demand.date(y), demand.date(j), false, Double.isFinite(z) ? Math.abs(z) * Finding.STATE_WEIGHT : 0));
    }

    /** Four-week refinery utilisation, year on year and against its norm. */
    Optional<Finding> utilisation(WeeklyProfile utilisation, int j) {
        double v = utilisation.value(j);
        int y = utilisation.yearBefore(j);
        if (!Double.isFinite(v) || y < 0 || !Double.isFinite(utilisation.value(y))) {
            return Optional.empty();
        }
        double delta = v - utilisation.value(y);
        double z = utilisation.bands().sigma(j, v);
        String headline = "Refinery utilisation (4-week average) " + Figures.fixed(v, 1) + "%, "
                + Figures.signed(delta, 1) + " points year on year, " + Figures.signed(z, 1)
                + " sigma against the 5-year norm";
        return Optional.of(new Finding(FindingKind.UTILISATION_TREND, "refinery utilisation", headline, v, "%", z,
                utilisation.date(y), utilisation.date(j), false, Double.isFinite(z) ? Math.abs(z) * Finding.STATE_WEIGHT : 0));
    }

    static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
