package org.dang.engine.plant;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The live plant data as the engine holds it: scans from a data source are qualified (data-quality
 * flags), go into the tag store and then to listeners (alarms, monitoring, views) in order; data problems are kept (the newest 1000) and
 * counted so nothing reported is lost from sight.
 */
public final class PlantFeed implements PlantDataListener, AutoCloseable {

    private static final Logger LOG = System.getLogger(PlantFeed.class.getName());
    private static final int KEEP_PROBLEMS = 1000;

    private final TagStore store;
    private final List<PlantDataListener> listeners = new CopyOnWriteArrayList<>();
    private final Deque<DataProblem> problems = new ArrayDeque<>();
    private final AtomicLong problemCount = new AtomicLong();
    private final AtomicLong scanCount = new AtomicLong();
    private volatile PlantDataSource source;
    private volatile Function<PlantScan, List<PlantScan>> qualifier = List::of;
    private volatile Supplier<List<PlantScan>> flush = List::of;

    /** A feed writing into {@code store}. */
    public PlantFeed(TagStore store) {
        this.store = store;
    }

    /** Starts {@code newSource} with scans passed on as they come; only one source feeds at a time. */
    public void attach(PlantDataSource newSource) {
        attach(newSource, List::of, List::of);
    }

    /**
     * Starts {@code newSource}; every raw scan first goes through {@code qualify}, which returns the
     * scans ready to store (with quality flags set; possibly none yet, possibly one held back), and
     * {@code flushQualified} returns what it still holds when the source ends.
     */
    public synchronized void attach(PlantDataSource newSource, Function<PlantScan, List<PlantScan>> qualify,
                                    Supplier<List<PlantScan>> flushQualified) {
        if (source != null) {
            throw new IllegalStateException("a data source is already attached: " + source.name());
        }
        source = newSource;
        qualifier = qualify;
        flush = flushQualified;
        newSource.start(this);
    }

    /** The attached source, if any. */
    public PlantDataSource source() {
        return source;
    }

    /** Registers a listener for scans (after they are in the tag store) and problems. */
    public void addListener(PlantDataListener l) {
        listeners.add(l);
    }

    /** Removes a listener. */
    public void removeListener(PlantDataListener l) {
        listeners.remove(l);
    }

    /** The tag history. */
    public TagStore tags() {
        return store;
    }

    @Override
    public void scan(PlantScan raw) {
        for (PlantScan scan : qualifier.apply(raw)) {
            deliver(scan);
        }
    }

    private void deliver(PlantScan scan) {
        store.append(scan);
        scanCount.incrementAndGet();
        for (PlantDataListener l : listeners) {
            try {
                l.scan(scan);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "plant data listener failed on scan " + scan.time() + ": " + e, e);
            }
        }
    }

    @Override
    public void problem(DataProblem problem) {
        problemCount.incrementAndGet();
        synchronized (problems) {
            if (problems.size() == KEEP_PROBLEMS) {
                problems.removeFirst();
            }
            problems.addLast(problem);
        }
        for (PlantDataListener l : listeners) {
            try {
                l.problem(problem);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "plant data listener failed on a problem: " + e, e);
            }
        }
    }

    @Override
    public void ended() {
        flush.get().forEach(this::deliver);
        for (PlantDataListener l : listeners) {
            try {
                l.ended();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "plant data listener failed at end of data: " + e, e);
            }
        }
    }

    /** The newest data problems, oldest first. */
    public List<DataProblem> recentProblems() {
        synchronized (problems) {
            return List.copyOf(problems);
        }
    }

    /** Data problems reported since start. */
    public long problemCount() {
        return problemCount.get();
    }

    /** Scans received since start. */
    public long scanCount() {
        return scanCount.get();
    }

    @Override
    public synchronized void close() {
        if (source != null) {
            source.close();
        }
    }
}
