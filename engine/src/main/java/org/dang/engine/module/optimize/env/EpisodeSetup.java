package org.dang.engine.module.optimize.env;

import java.util.Objects;

import org.dang.engine.plant.sim.CduConfig;
import org.dang.engine.plant.sim.EventSchedule;

/**
 * One randomised episode: how its simulator starts and what happens during it.
 *
 * @param seed        episode seed (drives the situation and the simulator's noise)
 * @param config      simulator start: crude, equipment, prices, start time, start setpoints
 * @param schedule    events during the episode (slow furnace fouling)
 * @param description one line for people, e.g. "heavy_sour, fouling 0.31, Brent 71.2"
 */
public record EpisodeSetup(long seed, CduConfig config, EventSchedule schedule, String description) {
    public EpisodeSetup {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(description, "description");
    }
}
