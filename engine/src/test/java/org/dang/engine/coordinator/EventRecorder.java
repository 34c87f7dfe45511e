package org.dang.engine.coordinator;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Collects events and lets a test wait for one without sleeping. */
final class EventRecorder implements ModuleRunListener {
    private final List<ModuleRunEvent> events = new ArrayList<>();

    @Override
    public synchronized void onEvent(ModuleRunEvent event) {
        events.add(event);
        notifyAll();
    }

    synchronized List<ModuleRunEvent> all() {
        return List.copyOf(events);
    }

    synchronized List<ModuleRunEvent> forRun(long runId) {
        return events.stream().filter(e -> e.runId() == runId).toList();
    }

    synchronized <T extends ModuleRunEvent> List<T> ofType(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Waits for the first event of {@code type} for {@code runId}. */
    <T extends ModuleRunEvent> T await(Class<T> type, long runId) throws InterruptedException {
        return type.cast(awaitMatching(e -> type.isInstance(e) && e.runId() == runId, type.getSimpleName()
                + " of run " + runId));
    }

    /** Waits until {@code count} events of {@code type} arrived. */
    synchronized <T extends ModuleRunEvent> List<T> awaitCount(Class<T> type, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Fixtures.WAIT.toNanos();
        while (ofType(type).size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                fail("expected " + count + " " + type.getSimpleName() + " events, got " + ofType(type).size());
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return ofType(type);
    }

    private synchronized ModuleRunEvent awaitMatching(Predicate<ModuleRunEvent> match, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + Fixtures.WAIT.toNanos();
        while (true) {
            for (ModuleRunEvent e : events) {
                if (match.test(e)) {
                    return e;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                fail("no " + what + " within " + Fixtures.WAIT + "; events: " + events);
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }
}
