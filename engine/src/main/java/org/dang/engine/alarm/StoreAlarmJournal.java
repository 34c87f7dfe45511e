package org.dang.engine.alarm;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.dang.engine.json.Json;
import org.dang.engine.store.AlarmEventRecord;
import org.dang.engine.store.AuditEvent;
import org.dang.engine.store.DecisionStore;

/**
 * The alarm journal in the decision store: alarm events go to {@code alarm_events}, command audits
 * to {@code audit_events}.
 *
 * <p>{@link #record} and {@link #audit} only queue (the board calls them under its lock, on the scan
 * path); the {@code alarm-journal-writer} thread writes what has gathered in one transaction and one
 * checkpoint per batch, so a flood of alarms costs a few checkpoints a second rather than one per
 * event. Nothing is dropped: the queue is unbounded, and a failed write is retried, in order, until
 * it succeeds or the journal is closed. What is still queued when the process dies is lost (unlike
 * decisions there is no write-ahead journal); {@link #awaitWritten} says when everything is in H2.
 */
public final class StoreAlarmJournal implements AlarmJournal, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(StoreAlarmJournal.class.getName());
    private static final int BATCH = 4096;
    /** Pause between batches, so a flood's events gather into batches of one checkpoint each. */
    private static final long BATCH_PAUSE_MS = 20;
    private static final long RETRY_PAUSE_MS = 1000;

    private final DecisionStore store;
    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final AtomicLong queued = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final Object writtenSignal = new Object();
    private final Thread writer;
    private volatile boolean closing;

    /** A journal writing into {@code store}, which must stay open until this journal is closed. */
    public StoreAlarmJournal(DecisionStore store) {
        this.store = Objects.requireNonNull(store, "store");
        writer = Thread.ofPlatform().name("alarm-journal-writer").daemon(true).unstarted(this::writeLoop);
        writer.start();
    }

    @Override
    public void record(AlarmEvent event) {
        enqueue(Objects.requireNonNull(event, "event"));
    }

    @Override
    public void audit(AuditEvent event) {
        enqueue(Objects.requireNonNull(event, "event"));
    }

    /** Waits until everything queued before this call is in H2; false if that took longer than {@code timeout}. */
    public boolean awaitWritten(Duration timeout) throws InterruptedException {
        long target = queued.get();
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (writtenSignal) {
            while (written.get() < target) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                writtenSignal.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        }
        return true;
    }

    /** Events queued and not yet in H2. */
    public long backlog() {
        return queued.get() - written.get();
    }

    /** Writes what is queued (waiting up to 30 s), then stops the writer. */
    @Override
    public void close() {
        closing = true;
        try {
            writer.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long left = backlog();
        if (left > 0) {
            LOG.log(Level.ERROR, "{0} alarm or audit events were not written to the store before closing", left);
        }
    }

    private void enqueue(Object entry) {
        if (closing) {
            throw new IllegalStateException("the alarm journal is closed; " + entry + " was not kept");
        }
        queued.incrementAndGet();
        queue.add(entry);
    }

    private void writeLoop() {
        List<Object> batch = new ArrayList<>(BATCH);
        while (true) {
            try {
                if (batch.isEmpty()) {
                    Object first = queue.poll(100, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        if (closing && queue.isEmpty()) {
                            return;
                        }
                        continue;
                    }
                    batch.add(first);
                    queue.drainTo(batch, BATCH - 1);
                }
                write(batch);
                Thread.sleep(BATCH_PAUSE_MS);
            } catch (InterruptedException e) {
                return; // nobody but a JVM shutdown interrupts this thread
            } catch (RuntimeException e) { // a store failure (full disk): keep the batch, retry in order
                LOG.log(Level.WARNING, () -> "Writing " + batch.size() + " alarm journal entries failed; retrying", e);
                if (closing) {
                    return; // close() reports the backlog
                }
                try {
                    Thread.sleep(RETRY_PAUSE_MS);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    /**
     * Writes the batch in order, runs of alarm events in one transaction each and audit events one
     * by one, removing what is written: after a failure the batch holds exactly what is left to retry.
     */
    private void write(List<Object> batch) {
        while (!batch.isEmpty()) {
            List<AlarmEventRecord> run = new ArrayList<>();
            while (run.size() < batch.size() && batch.get(run.size()) instanceof AlarmEvent e) {
                run.add(toRecord(e));
            }
            int n = run.size();
            if (n > 0) {
                store.recordAlarmEvents(run);
            } else {
                store.audit(fit((AuditEvent) batch.getFirst()));
                n = 1;
            }
            batch.subList(0, n).clear();
            written.addAndGet(n);
            synchronized (writtenSignal) {
                writtenSignal.notifyAll();
            }
        }
    }

    private static AlarmEventRecord toRecord(AlarmEvent e) {
        Map<String, Object> detail = new LinkedHashMap<>();
        if (e.kind() != null) {
            detail.put("kind", e.kind().name());
        }
        if (e.state() != null) {
            detail.put("state", e.state().name());
        }
        if (Double.isFinite(e.value())) {
            detail.put("value", e.value());
        }
        if (Double.isFinite(e.limit())) {
            detail.put("limit", e.limit());
        }
        detail.put("message", e.message());
        // Column widths (V1): an over-long name must not make the row fail forever and stall the queue.
        return new AlarmEventRecord(e.time(), fit(e.tag(), 200), fit(e.alarmId(), 200), e.type().name(),
                e.priority().name(), fit(e.actor(), 100), e.reason(), Json.write(detail));
    }

    private static AuditEvent fit(AuditEvent a) {
        return new AuditEvent(a.time(), fit(a.actor(), 100), fit(a.role(), 20), fit(a.action(), 60),
                fit(a.target(), 400), fit(a.origin(), 200), fit(a.result(), 20), a.detail());
    }

    private static String fit(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
