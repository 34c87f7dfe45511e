package org.dang.engine.alarm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.dang.engine.decision.AlertPriority;
import org.dang.engine.plant.AlarmLimits;
import org.dang.engine.plant.TagDefinition;

/** Builds alarm definitions: the absolute limits of a tag definition, and optional extra alarms. */
public final class AlarmDefinitions {

    private AlarmDefinitions() {
    }

    /**
     * The HIHI, HI, LO and LOLO alarms of every configured limit of {@code tag}. HI and LO get the
     * limits' priority, HIHI and LOLO one step higher; all share the limits' deadband.
     */
    public static List<AlarmDefinition> fromLimits(TagDefinition tag, Duration onDelay, Duration offDelay) {
        AlarmLimits a = tag.alarms();
        List<AlarmDefinition> out = new ArrayList<>(4);
        AlertPriority higher = oneStepHigher(a.priority());
        add(out, tag, AlarmKind.HIHI, a.hiHi(), higher, a.deadband(), onDelay, offDelay);
        add(out, tag, AlarmKind.HI, a.hi(), a.priority(), a.deadband(), onDelay, offDelay);
        add(out, tag, AlarmKind.LO, a.lo(), a.priority(), a.deadband(), onDelay, offDelay);
        add(out, tag, AlarmKind.LOLO, a.loLo(), higher, a.deadband(), onDelay, offDelay);
        return out;
    }

    /** An alarm when the value is further than {@code allowed} from {@code target} (either way). */
    public static AlarmDefinition deviation(TagDefinition tag, double target, double allowed, AlertPriority priority,
                                            double deadband, Duration onDelay, Duration offDelay) {
        return new AlarmDefinition(id(tag, AlarmKind.DEVIATION), tag.tag(), AlarmKind.DEVIATION, priority, allowed,
                deadband, target, onDelay, offDelay, tag.description(), tag.unit());
    }

    /** An alarm when the value rises or falls faster than {@code perMinute} engineering units per minute. */
    public static AlarmDefinition rateOfChange(TagDefinition tag, double perMinute, AlertPriority priority,
                                               double deadband, Duration onDelay, Duration offDelay) {
        return new AlarmDefinition(id(tag, AlarmKind.RATE), tag.tag(), AlarmKind.RATE, priority, perMinute,
                deadband, null, onDelay, offDelay, tag.description(), tag.unit());
    }

    /** An alarm when the tag's data quality has not been GOOD for {@code onDelay}. */
    public static AlarmDefinition quality(TagDefinition tag, AlertPriority priority, Duration onDelay,
                                          Duration offDelay) {
        return new AlarmDefinition(id(tag, AlarmKind.QUALITY), tag.tag(), AlarmKind.QUALITY, priority, Double.NaN,
                0, null, onDelay, offDelay, tag.description(), tag.unit());
    }

    /** The next higher priority (LOW to MEDIUM to HIGH to CRITICAL); CRITICAL stays CRITICAL. */
    public static AlertPriority oneStepHigher(AlertPriority p) {
        return switch (p) {
            case LOW -> AlertPriority.MEDIUM;
            case MEDIUM -> AlertPriority.HIGH;
            case HIGH, CRITICAL -> AlertPriority.CRITICAL;
        };
    }

    private static void add(List<AlarmDefinition> out, TagDefinition tag, AlarmKind kind, Double limit,
                            AlertPriority priority, double deadband, Duration onDelay, Duration offDelay) {
        if (limit != null) {
            out.add(new AlarmDefinition(id(tag, kind), tag.tag(), kind, priority, limit, deadband, null, onDelay,
                    offDelay, tag.description(), tag.unit()));
        }
    }

    private static String id(TagDefinition tag, AlarmKind kind) {
        return tag.tag() + "." + kind.name();
    }
}
