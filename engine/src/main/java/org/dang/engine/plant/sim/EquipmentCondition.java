package org.dang.engine.plant.sim;

/**
 * The unmeasured condition of the equipment, each 0 (clean, as new) to 1 (worst modelled).
 *
 * @param furnaceFouling  coke inside the radiant tubes and soot on the convection section
 * @param preheatLoss     fraction of the hot preheat train's effectiveness lost to fouling
 * @param pumpWear        charge pump wear (impeller, bearings): less capacity, more vibration
 */
public record EquipmentCondition(double furnaceFouling, double preheatLoss, double pumpWear) {
    public EquipmentCondition {
        check("furnaceFouling", furnaceFouling);
        check("preheatLoss", preheatLoss);
        check("pumpWear", pumpWear);
    }

    private static void check(String name, double v) {
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException(name + " must be within 0..1, was " + v);
        }
    }

    /** Everything clean. */
    public static EquipmentCondition clean() {
        return new EquipmentCondition(0, 0, 0);
    }

    EquipmentCondition plus(double fouling, double preheat, double wear) {
        return new EquipmentCondition(Math.min(1, furnaceFouling + fouling), Math.min(1, preheatLoss + preheat),
                Math.min(1, pumpWear + wear));
    }

    EquipmentCondition restored(Equipment equipment) {
        return switch (equipment) {
            case FURNACE -> new EquipmentCondition(0, preheatLoss, pumpWear);
            case PREHEAT -> new EquipmentCondition(furnaceFouling, 0, pumpWear);
            case FEED_PUMP -> new EquipmentCondition(furnaceFouling, preheatLoss, 0);
        };
    }
}
