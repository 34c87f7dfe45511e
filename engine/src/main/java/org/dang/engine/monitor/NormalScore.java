package org.dang.engine.monitor;

/**
 * False alarms on normal data.
 *
 * @param name    what was scored (file and row range)
 * @param samples observations in it
 * @param scored  observations the monitor gave a verdict on (the first {@code lags} of a stream have no history)
 * @param alarms  scored observations that alarmed
 */
public record NormalScore(String name, int samples, int scored, int alarms) {

    /** alarms / scored (0 when nothing was scored). */
    public double falseAlarmRate() {
        return scored == 0 ? 0 : (double) alarms / scored;
    }
}
