package org.dang.engine.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Records decision outcomes on its own thread ({@code decision-outcome-writer}), many per transaction,
 * so that deciding never waits for an outcome to reach H2: an outcome needs its decision applied by
 * the store's writer first and a checkpoint after, which cost milliseconds each when done one by one
 * on the deciding thread.
 */
public final class OutcomeWriter implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(OutcomeWriter.class.getName());
    private static final int BATCH = 1024;
    private static final long RETRY_PAUSE_MS = 500;
    private static final long LINGER_MS = 50;

    private final DecisionStore store;
    private final LinkedBlockingQueue<DecisionOutcome> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean closing;

    /** Starts the writer thread for {@code store}. */
    public OutcomeWriter(DecisionStore store) {
        this.store = store;
        this.thread = Thread.ofPlatform().name("decision-outcome-writer").daemon(true).start(this::loop);
    }

    /** Queues an outcome; it is written shortly after, and before {@link #close} returns. */
    public void record(DecisionOutcome outcome) {
        if (closing) {
            if (!write(List.of(outcome))) {
                LOG.log(System.Logger.Level.ERROR, "a decision outcome was not recorded after close: " + outcome);
            }
            return;
        }
        queue.add(outcome);
    }

    private void loop() {
        List<DecisionOutcome> batch = new ArrayList<>(BATCH);
        while (true) {
            try {
                if (batch.isEmpty()) {
                    DecisionOutcome first = queue.poll(100, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        if (closing && queue.isEmpty()) {
                            return;
                        }
                        continue;
                    }
                    batch.add(first);
                    collect(batch);
                }
                if (write(batch)) {
                    batch.clear();
                } else if (closing) {
                    LOG.log(System.Logger.Level.ERROR, batch.size() + " decision outcomes were not recorded:"
                            + " the store kept failing until the engine closed");
                    return;
                } else {
                    // A store failure (full disk, a lock timeout) may pass: keep the batch and retry in order.
                    Thread.sleep(RETRY_PAUSE_MS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Gathers what arrives within {@link #LINGER_MS} of the first outcome: each transaction costs an H2
     * commit and a checkpoint whatever its size, and outcomes are not waited for by anyone.
     */
    private void collect(List<DecisionOutcome> batch) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LINGER_MS);
        while (batch.size() < BATCH && !closing) {
            queue.drainTo(batch, BATCH - batch.size());
            long left = end - System.nanoTime();
            if (left <= 0 || batch.size() >= BATCH) {
                return;
            }
            DecisionOutcome more = queue.poll(left, TimeUnit.NANOSECONDS);
            if (more != null) {
                batch.add(more);
            }
        }
        queue.drainTo(batch, BATCH - batch.size());
    }

    /** Writes {@code batch} in one transaction; false (logged) when the store refused it. */
    private boolean write(List<DecisionOutcome> batch) {
        try {
            store.recordOutcomes(batch);
            return true;
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, batch.size() + " decision outcomes not recorded yet: " + e, e);
            return false;
        }
    }

    /** Writes what is queued, then stops the thread. */
    @Override
    public void close() {
        closing = true;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<DecisionOutcome> rest = new ArrayList<>();
        queue.drainTo(rest);
        if (!rest.isEmpty() && !write(rest)) {
            LOG.log(System.Logger.Level.ERROR, rest.size() + " decision outcomes were not recorded at close");
        }
    }
}
