package org.dang.engine.plant.sim;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

import org.dang.engine.module.optimize.safety.ApprovedMove;
import org.dang.engine.plant.PlantDataListener;
import org.dang.engine.plant.PlantDataSource;
import org.dang.engine.plant.PlantScan;
import org.dang.engine.plant.TagDefinition;
import org.dang.engine.plant.TagSample;
import org.dang.engine.situation.Quality;

/**
 * The CDU simulator as a live plant data source: its own daemon thread steps the simulator once
 * per {@code period} of wall time (one simulated step, 1 min by default) and delivers every tag's
 * measured value with quality GOOD; judging quality is monitoring's job, not the source's.
 */
public final class SimulatorSource implements PlantDataSource {

    private static final Logger LOG = System.getLogger(SimulatorSource.class.getName());

    private final CduSimulator simulator;
    private final Duration period;
    private final List<TagDefinition> tags;
    private final AtomicReference<Setpoints> pendingSetpoints = new AtomicReference<>();
    private final AtomicReference<Prices> pendingPrices = new AtomicReference<>();
    private final AtomicReference<CduState> latest;
    private final AtomicReference<CduConditions> conditions;
    private volatile Thread thread;
    private volatile boolean closed;

    /** A source that owns {@code simulator} from now on and steps it once per {@code period}. */
    public SimulatorSource(CduSimulator simulator, Duration period) {
        this.simulator = Objects.requireNonNull(simulator, "simulator");
        this.period = Objects.requireNonNull(period, "period");
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("period must be positive, was " + period);
        }
        this.tags = Arrays.stream(CduTag.values()).map(CduTag::definition).toList();
        this.latest = new AtomicReference<>(simulator.state());
        this.conditions = new AtomicReference<>(simulator.conditions());
    }

    @Override
    public String name() {
        return "CDU simulator (seed " + simulator.config().seed() + ", " + simulator.config().step().toSeconds()
                + " s simulated per " + period.toMillis() + " ms)";
    }

    @Override
    public List<TagDefinition> tags() {
        return tags;
    }

    @Override
    public synchronized void start(PlantDataListener listener) {
        Objects.requireNonNull(listener, "listener");
        if (thread != null || closed) {
            throw new IllegalStateException("simulator source already started or closed");
        }
        Thread t = new Thread(() -> run(listener), "cdu-simulator");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    /**
     * A safety-checked, operator-approved move, applied by the simulator thread before its next
     * step. The plant's only public setpoint input: an {@link ApprovedMove} can only be made from a
     * move the optimisation safety layer checked.
     */
    public void apply(ApprovedMove move) {
        apply(Objects.requireNonNull(move, "move").setpoints());
    }

    /** New setpoints, unchecked: for this package's tests only, never for agents or views. */
    void apply(Setpoints setpoints) {
        pendingSetpoints.set(Objects.requireNonNull(setpoints, "setpoints"));
    }

    /** The conditions behind the latest scan (crude, equipment, air, prices), for the steady-state model. */
    public CduConditions conditions() {
        return conditions.get();
    }

    /** New prices, applied by the simulator thread before its next step. */
    public void setPrices(Prices prices) {
        pendingPrices.set(Objects.requireNonNull(prices, "prices"));
    }

    /** The state behind the latest scan. */
    public CduState latest() {
        return latest.get();
    }

    private void run(PlantDataListener listener) {
        long periodNanos = period.toNanos();
        long next = System.nanoTime();
        deliver(listener, simulator.state());
        while (!closed) {
            next += periodNanos;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                try {
                    Thread.sleep(Duration.ofNanos(wait));
                } catch (InterruptedException e) {
                    return;
                }
            } else if (wait < -10 * periodNanos) {
                // Far behind (a stalled listener): do not burst-deliver the backlog.
                next = System.nanoTime();
            }
            if (closed) {
                return;
            }
            Setpoints sp = pendingSetpoints.getAndSet(null);
            if (sp != null) {
                simulator.apply(sp);
            }
            Prices p = pendingPrices.getAndSet(null);
            if (p != null) {
                simulator.setPrices(p);
            }
            CduState stepped = simulator.step();
            conditions.set(simulator.conditions());
            deliver(listener, stepped);
        }
    }

    private void deliver(PlantDataListener listener, CduState state) {
        latest.set(state);
        List<TagSample> samples = new ArrayList<>(tags.size());
        for (CduTag t : CduTag.values()) {
            samples.add(new TagSample(t.tag(), state.time(), state.measured(t), Quality.GOOD));
        }
        try {
            listener.scan(new PlantScan(state.time(), samples));
        } catch (RuntimeException e) {
            // A failing listener must not stop the plant: report and keep scanning.
            LOG.log(Level.ERROR, "listener failed on the scan at " + state.time() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        closed = true;
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null && t != Thread.currentThread()) {
            t.interrupt();
            try {
                t.join(Math.max(1000, 2 * period.toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
