package org.dang.engine.plant.sim;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A crude oil the unit can run: API gravity, sulfur, salt, price against Brent and its TBP curve.
 * The library's three crudes are illustrative, shaped like publicly quoted grades (see docs/simulator.md).
 *
 * @param name            identifier used in schedules and labels, e.g. {@code medium_sour}
 * @param description     for people
 * @param api             API gravity
 * @param sulfurWtPct     sulfur, weight percent (informative; the price differential carries it)
 * @param saltPtb         salt before the desalter, pounds per thousand barrels
 * @param differential    crude price minus Brent, USD/bbl
 * @param residuePremium  residue value above the residue price, USD/bbl (low-sulfur residue is worth more)
 * @param tbp             true boiling point curve
 */
public record Crude(String name, String description, double api, double sulfurWtPct, double saltPtb,
                    double differential, double residuePremium, TbpCurve tbp) {

    private static final double[] CUT_TEMPS = {-40, 25, 80, 130, 175, 235, 300, 350, 400, 450, 565, 750};

    /** Light sweet crude, about 38 API, 0.4 wt% sulfur (Brent-like). */
    public static Crude lightSweet() {
        return new Crude("light_sweet", "light sweet crude, 38 API, 0.4 wt% S", 38.0, 0.4, 5, 0.0, 6.0,
                new TbpCurve(CUT_TEMPS, new double[] {0, 2.5, 9, 19, 28, 40, 52, 61, 69, 76, 88, 100}));
    }

    /** Medium sour crude, about 31 API, 2.5 wt% sulfur (Arab Medium-like). */
    public static Crude mediumSour() {
        return new Crude("medium_sour", "medium sour crude, 31 API, 2.5 wt% S", 31.0, 2.5, 15, -3.0, 0.0,
                new TbpCurve(CUT_TEMPS, new double[] {0, 1.8, 6.5, 13.5, 20, 30, 41, 49.5, 57, 64, 78, 100}));
    }

    /** Heavy sour crude, about 22 API, 3.4 wt% sulfur (Maya-like). */
    public static Crude heavySour() {
        return new Crude("heavy_sour", "heavy sour crude, 22 API, 3.4 wt% S", 22.0, 3.4, 30, -9.0, -3.0,
                new TbpCurve(CUT_TEMPS, new double[] {0, 1.0, 4.5, 9.5, 14.5, 22, 31, 38, 45, 52, 66, 100}));
    }

    /** The crudes the simulator knows, lightest first. */
    public static List<Crude> library() {
        return List.of(lightSweet(), mediumSour(), heavySour());
    }

    /** The library crude with this name. */
    public static Optional<Crude> byName(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        return library().stream().filter(c -> c.name.equals(n)).findFirst();
    }

    /** Specific gravity at 60 degF from the API definition. */
    public double specificGravity() {
        return specificGravity(api);
    }

    static double specificGravity(double api) {
        return 141.5 / (api + 131.5);
    }

    static double api(double specificGravity) {
        return 141.5 / specificGravity - 131.5;
    }
}
