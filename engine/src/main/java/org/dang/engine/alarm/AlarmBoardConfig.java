package org.dang.engine.alarm;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import org.dang.engine.decision.AlertPriority;

/**
 * Chattering, flood and shelving rules of an alarm board (docs/alarms.md).
 *
 * @param chatterActivations an alarm activating this many times within {@code chatterWindow} is chattering
 * @param chatterWindow      the chattering window; the flag drops after a whole window without activation
 * @param floodAbove         more activations than this within {@code floodWindow} put the unit in flood
 * @param floodEndsBelow     the flood ends when the window holds fewer activations than this; lower than
 *                           {@code floodAbove} so that the unit does not flap in and out of flood
 * @param floodWindow        the rolling flood window
 * @param floodSuppressed    priorities whose alarms activating during a flood are suppressed
 * @param maxShelve          longest allowed shelve time
 */
public record AlarmBoardConfig(int chatterActivations, Duration chatterWindow, int floodAbove, int floodEndsBelow,
                               Duration floodWindow, Set<AlertPriority> floodSuppressed, Duration maxShelve) {
    public AlarmBoardConfig {
        Objects.requireNonNull(chatterWindow, "chatterWindow");
        Objects.requireNonNull(floodWindow, "floodWindow");
        Objects.requireNonNull(maxShelve, "maxShelve");
        floodSuppressed = floodSuppressed.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(floodSuppressed));
        if (chatterActivations < 2 || floodAbove < 1 || floodEndsBelow < 1 || floodEndsBelow > floodAbove + 1) {
            throw new IllegalArgumentException(
                    "need chatterActivations >= 2, floodAbove >= 1 and 1 <= floodEndsBelow <= floodAbove + 1");
        }
        if (!chatterWindow.isPositive() || !floodWindow.isPositive() || !maxShelve.isPositive()) {
            throw new IllegalArgumentException("chatter window, flood window and maximum shelve time must be positive");
        }
    }

    /**
     * Defaults: chattering at 3 activations within 60 s; flood above 10 activations in 10 minutes,
     * ending below 5 in 10 minutes (the ISA-18.2 practice of the Alarm Management Handbook), suppressing
     * LOW and MEDIUM alarms; shelving for at most 12 hours (one shift and handover).
     */
    public static AlarmBoardConfig defaults() {
        return new AlarmBoardConfig(3, Duration.ofSeconds(60), 10, 5, Duration.ofMinutes(10),
                EnumSet.of(AlertPriority.LOW, AlertPriority.MEDIUM), Duration.ofHours(12));
    }
}
