package org.dang.engine.alarm;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;

/** Counts alarm activations in a rolling window and says when the unit enters and leaves flood. */
final class FloodWatch {

    private final ArrayDeque<Instant> activations = new ArrayDeque<>();
    private final int above;
    private final int endsBelow;
    private final Duration window;
    private boolean flood;

    FloodWatch(int above, int endsBelow, Duration window) {
        this.above = above;
        this.endsBelow = endsBelow;
        this.window = window;
    }

    /** Counts an activation at {@code t}; true when it starts a flood. */
    boolean activation(Instant t) {
        activations.addLast(t);
        prune(t);
        if (!flood && activations.size() > above) {
            flood = true;
            return true;
        }
        return false;
    }

    /** True when, with the window ending at {@code t}, a flood ends. */
    boolean endsAt(Instant t) {
        prune(t);
        if (flood && activations.size() < endsBelow) {
            flood = false;
            return true;
        }
        return false;
    }

    boolean inFlood() {
        return flood;
    }

    /** Activations within the window as of the last call. */
    int count() {
        return activations.size();
    }

    /** Keeps the activations in (t - window, t]. */
    private void prune(Instant t) {
        Instant oldest = t.minus(window);
        while (!activations.isEmpty() && !activations.peekFirst().isAfter(oldest)) {
            activations.removeFirst();
        }
    }
}
