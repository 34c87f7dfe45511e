package org.dang.engine.plant.sim;

import java.time.Instant;

/**
 * A snapshot of the simulated unit after a step.
 *
 * @param time       simulated time
 * @param step       steps taken since the initial state
 * @param setpoints  setpoints in force
 * @param crude      crude in the charge line
 * @param ambient    air temperature, degC
 * @param equipment  true equipment condition (hidden from the plant's instruments)
 * @param prices     prices in force
 * @param truth      true process values (dynamics, no noise, no sensor faults)
 * @param measured   what the transmitters report (noise and faults; NaN for a dropout)
 */
public record CduState(Instant time, long step, Setpoints setpoints, CrudeMix crude, double ambient,
                       EquipmentCondition equipment, Prices prices, TagValues truth, TagValues measured) {

    /** Reported value of {@code tag}. */
    public double measured(CduTag tag) {
        return measured.get(tag);
    }

    /** True value of {@code tag}. */
    public double truth(CduTag tag) {
        return truth.get(tag);
    }

    /** True product yields as volume fractions. */
    public ProductYields yields() {
        return new ProductYields(truth(CduTag.LPG_YIELD) / 100, truth(CduTag.NAPHTHA_YIELD) / 100,
                truth(CduTag.KERO_YIELD) / 100, truth(CduTag.DIESEL_YIELD) / 100, truth(CduTag.RESIDUE_YIELD) / 100);
    }
}
