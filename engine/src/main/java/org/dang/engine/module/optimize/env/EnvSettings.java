package org.dang.engine.module.optimize.env;

import java.time.Duration;

/**
 * Episode shape: how many decisions, and how many simulated minutes between two.
 *
 * @param decisions          decisions per episode
 * @param minutesPerDecision simulated minutes the unit runs after each decision
 */
public record EnvSettings(int decisions, int minutesPerDecision) {
    public EnvSettings {
        if (decisions < 1 || minutesPerDecision < 1) {
            throw new IllegalArgumentException("an episode needs at least one decision and one minute per decision,"
                    + " got " + decisions + " and " + minutesPerDecision);
        }
    }

    /** Ten decisions, 30 minutes apart: five hours of plant time. */
    public static EnvSettings defaults() {
        return new EnvSettings(10, 30);
    }

    /** Plant time an episode covers. */
    public Duration length() {
        return Duration.ofMinutes((long) decisions * minutesPerDecision);
    }
}
