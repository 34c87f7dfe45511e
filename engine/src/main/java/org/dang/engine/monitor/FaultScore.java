package org.dang.engine.monitor;

import java.util.OptionalInt;

/**
 * Detection on one fault file.
 *
 * @param name         the file
 * @param fault        fault number from the file name, when it follows the dNN pattern
 * @param samples      observations in the file
 * @param onset        index of the first faulty observation
 * @param normalScored scored observations before the onset
 * @param falseAlarms  of those, how many alarmed
 * @param faultSamples observations from the onset on (unscored ones count as not detected)
 * @param detected     of those, how many alarmed
 * @param firstAlarm   samples from the onset to the first alarm at or after it, or -1 when none
 */
public record FaultScore(String name, OptionalInt fault, int samples, int onset, int normalScored, int falseAlarms,
        int faultSamples, int detected, int firstAlarm) {

    /** detected / faultSamples. */
    public double detectionRate() {
        return faultSamples == 0 ? 0 : (double) detected / faultSamples;
    }

    /** falseAlarms / normalScored, or NaN when there is no normal part (onset 0). */
    public double falseAlarmRate() {
        return normalScored == 0 ? Double.NaN : (double) falseAlarms / normalScored;
    }
}
