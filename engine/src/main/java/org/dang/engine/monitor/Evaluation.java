package org.dang.engine.monitor;

import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Scores a fitted monitor on normal and faulty data: false-alarm and detection rates.
 *
 * <p>A monitor starts a fresh stream for each data set, so the rates of one file never depend on
 * another's history. The limits come from the training data when the monitor is fitted; nothing
 * here changes them.
 */
public final class Evaluation {

    private Evaluation() {
    }

    /** False alarms over every observation of {@code data}, all assumed normal. */
    public static NormalScore normal(Monitor monitor, String name, Matrix data) {
        int scored = 0;
        int alarms = 0;
        for (MonitorPoint p : monitor.run(data)) {
            if (p.scored()) {
                scored++;
                alarms += p.alarm() ? 1 : 0;
            }
        }
        return new NormalScore(name, data.rows(), scored, alarms);
    }

    /** Detection from {@code onset} on, and false alarms before it. */
    public static FaultScore fault(Monitor monitor, String name, OptionalInt fault, Matrix data, int onset) {
        if (onset < 0 || onset > data.rows()) {
            throw new IllegalArgumentException("onset " + onset + " outside the " + data.rows() + " samples of "
                    + name);
        }
        int normalScored = 0;
        int falseAlarms = 0;
        int detected = 0;
        int first = -1;
        for (MonitorPoint p : monitor.run(data)) {
            int i = (int) p.index();
            if (i < onset) {
                if (p.scored()) {
                    normalScored++;
                    falseAlarms += p.alarm() ? 1 : 0;
                }
            } else if (p.alarm()) {
                detected++;
                if (first < 0) {
                    first = i - onset;
                }
            }
        }
        return new FaultScore(name, fault, data.rows(), onset, normalScored, falseAlarms, data.rows() - onset,
                detected, first);
    }

    /**
     * False-alarm rate over all normal observations: the normal data sets plus the pre-onset part
     * of every fault file, pooled (alarms / scored).
     */
    public static double pooledFalseAlarmRate(List<NormalScore> normals, List<FaultScore> faults) {
        long scored = 0;
        long alarms = 0;
        for (NormalScore n : normals) {
            scored += n.scored();
            alarms += n.alarms();
        }
        for (FaultScore f : faults) {
            scored += f.normalScored();
            alarms += f.falseAlarms();
        }
        return scored == 0 ? Double.NaN : (double) alarms / scored;
    }

    /**
     * Mean detection rate over the fault files, leaving out the given fault numbers and normal
     * files (fault 0); files whose name carries no fault number are included.
     */
    public static double meanDetection(List<FaultScore> faults, Set<Integer> excluded) {
        double sum = 0;
        int n = 0;
        for (FaultScore f : faults) {
            if (counts(f, excluded)) {
                sum += f.detectionRate();
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** Whether a fault file counts towards the mean detection rate. */
    public static boolean counts(FaultScore f, Set<Integer> excluded) {
        return f.fault().isEmpty() || (f.fault().getAsInt() != 0 && !excluded.contains(f.fault().getAsInt()));
    }
}
