package org.dang.engine.alarm;

import java.time.Duration;

import org.dang.engine.plant.TagSample;
import org.dang.engine.situation.Quality;

/**
 * Whether an alarm's raw condition holds for the latest sample, before on- and off-delays. The
 * deadband is hysteresis: a HI condition starts above the limit and holds until the value comes
 * back below limit minus deadband.
 */
final class AlarmCondition {

    private static final double NANOS_PER_MINUTE = 60e9;

    private final AlarmDefinition def;
    private boolean holds;
    private double measured = Double.NaN;
    private Quality quality = Quality.GOOD;
    /** RATE: the last GOOD sample the next rate is taken from. */
    private TagSample previous;

    AlarmCondition(AlarmDefinition def) {
        this.def = def;
    }

    /**
     * Judges the tag's sample (null when the scan lacks the tag). Returns false, leaving the condition
     * as it was, when the sample cannot be judged: a process alarm on a value that is not GOOD (a
     * failed transmitter neither raises nor clears it; its QUALITY alarm speaks instead), or the
     * first sample of a RATE alarm.
     */
    boolean judge(TagSample s) {
        quality = s == null ? Quality.MISSING : s.quality();
        if (def.kind() == AlarmKind.QUALITY) {
            holds = quality != Quality.GOOD;
            measured = s == null ? Double.NaN : s.value();
            return true;
        }
        if (quality != Quality.GOOD) {
            previous = null;
            return false;
        }
        double v = s.value();
        switch (def.kind()) {
            case HIHI, HI -> above(v, v);
            case LO, LOLO -> {
                measured = v;
                holds = holds ? v <= def.limit() + def.deadband() : v < def.limit();
            }
            case DEVIATION -> above(Math.abs(v - def.target()), v);
            case RATE -> {
                if (previous != null && !s.time().isAfter(previous.time())) {
                    return false; // the same sample again: no new rate
                }
                TagSample before = previous;
                previous = s;
                if (before == null) {
                    return false;
                }
                double rate = (v - before.value()) * NANOS_PER_MINUTE
                        / Duration.between(before.time(), s.time()).toNanos();
                above(Math.abs(rate), rate);
            }
            case QUALITY -> throw new IllegalStateException("handled above");
        }
        return true;
    }

    private void above(double compared, double shown) {
        measured = shown;
        holds = holds ? compared >= def.limit() - def.deadband() : compared > def.limit();
    }

    boolean holds() {
        return holds;
    }

    /** The value shown with the alarm: the tag value, or the rate per minute for RATE alarms. */
    double measured() {
        return measured;
    }

    /** Quality of the latest sample. */
    Quality quality() {
        return quality;
    }
}
