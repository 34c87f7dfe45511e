package org.dang.engine.plant.sim;

/** Product yields as volume fractions of the crude charge; they sum to 1 (no volume gain or loss). */
public record ProductYields(double lpg, double naphtha, double kerosene, double diesel, double residue) {

    /** Sum of the five fractions. */
    public double sum() {
        return lpg + naphtha + kerosene + diesel + residue;
    }

    /** Everything lifted overhead or drawn from the side: all but the residue. */
    public double distillate() {
        return lpg + naphtha + kerosene + diesel;
    }
}
