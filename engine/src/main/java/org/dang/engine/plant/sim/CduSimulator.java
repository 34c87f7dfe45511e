package org.dang.engine.plant.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;

/**
 * The simulated crude distillation unit, stepped in time: the steady-state model gives each tag's
 * target, first-order lags with dead time give the true values, seeded noise and sensor faults give
 * the measured ones. Everything is reproducible from the seed; {@link #copy()} continues exactly
 * like the original. Not thread-safe: one owner steps it (the data source's thread, or an agent).
 */
public final class CduSimulator {

    private static final int NOISE_STREAM = 0;
    private static final int WANDER_STREAM = 1;
    private static final int FAULT_STREAM = 2;

    /** Crude line blending time constant after a tank switch, minutes (assumption). */
    static final double CRUDE_BLEND_MINUTES = 45;
    /** Crude quality wander: TBP shift standard deviation, degC, and correlation time, minutes (assumptions). */
    static final double WANDER_SIGMA = 2.5;
    static final double WANDER_MINUTES = 480;
    /** Daily air temperature cycle: mean, amplitude (degC) and hour of the maximum, UTC (assumptions). */
    static final double AMBIENT_MEAN = 20;
    static final double AMBIENT_SWING = 6;
    static final double AMBIENT_PEAK_HOUR = 15;

    private final CduConfig config;
    private final CduModel model;
    private final List<Crude> crudes;
    private final double stepMinutes;
    private final NoiseSource noise;
    private final NoiseSource wanderNoise;
    private final SensorFaults faults;
    private final LagBank lags;
    private final List<CduEvent> events;
    private final BitSet started;
    private final BitSet ended;
    private double[] crudeWeights;
    private double[] crudeTarget;
    private double wander;
    private Setpoints setpoints;
    private Prices prices;
    private EquipmentCondition equipment;
    private SteadyState target;
    private CduState state;

    /** A simulator with no scheduled events. */
    public CduSimulator(CduConfig config) {
        this(config, EventSchedule.empty());
    }

    /** A simulator that will play {@code schedule}; the initial state is steady. */
    public CduSimulator(CduConfig config, EventSchedule schedule) {
        this.config = Objects.requireNonNull(config, "config");
        this.model = new CduModel();
        this.crudes = Crude.library();
        this.stepMinutes = config.step().toMillis() / 60_000.0;
        this.noise = NoiseSource.stream(config.seed(), NOISE_STREAM);
        this.wanderNoise = NoiseSource.stream(config.seed(), WANDER_STREAM);
        this.faults = new SensorFaults(NoiseSource.stream(config.seed(), FAULT_STREAM));
        this.events = new ArrayList<>(schedule.events());
        this.started = new BitSet();
        this.ended = new BitSet();
        this.crudeWeights = new double[crudes.size()];
        for (int i = 0; i < crudes.size(); i++) {
            crudeWeights[i] = crudes.get(i).name().equals(config.crude()) ? 1 : 0;
        }
        this.crudeTarget = crudeWeights.clone();
        this.setpoints = config.setpoints();
        this.prices = config.prices();
        this.equipment = config.equipment();
        Instant t0 = config.start();
        this.target = evaluate(t0);
        this.lags = new LagBank(stepMinutes, target.targets());
        double[] truth = target.targets();
        this.state = snapshot(t0, 0, truth, measure(truth));
    }

    private CduSimulator(CduSimulator o) {
        config = o.config;
        model = o.model;
        crudes = o.crudes;
        stepMinutes = o.stepMinutes;
        noise = o.noise.copy();
        wanderNoise = o.wanderNoise.copy();
        faults = o.faults.copy();
        lags = o.lags.copy();
        events = new ArrayList<>(o.events);
        started = (BitSet) o.started.clone();
        ended = (BitSet) o.ended.clone();
        crudeWeights = o.crudeWeights.clone();
        crudeTarget = o.crudeTarget.clone();
        wander = o.wander;
        setpoints = o.setpoints;
        prices = o.prices;
        equipment = o.equipment;
        target = o.target;
        state = o.state;
    }

    /** A seeded simulator with the default configuration and no events. */
    public static CduSimulator seeded(long seed) {
        return new CduSimulator(CduConfig.defaults(seed));
    }

    /** An independent copy in the same state; stepping both gives identical results. */
    public CduSimulator copy() {
        return new CduSimulator(this);
    }

    /** How this simulator was started. */
    public CduConfig config() {
        return config;
    }

    /** The latest state. */
    public CduState state() {
        return state;
    }

    /** Simulated time of the latest state. */
    public Instant time() {
        return state.time();
    }

    /** Setpoints in force. */
    public Setpoints setpoints() {
        return setpoints;
    }

    /** New setpoints, effective from the next step (their ranges are checked when they are built). */
    public void apply(Setpoints next) {
        this.setpoints = Objects.requireNonNull(next, "setpoints");
    }

    /** Prices in force. */
    public Prices prices() {
        return prices;
    }

    /** New prices, effective from the next step. */
    public void setPrices(Prices next) {
        this.prices = Objects.requireNonNull(next, "prices");
    }

    /** Every scheduled and injected event, in the order they were added. */
    public EventSchedule schedule() {
        return new EventSchedule(events);
    }

    /** Adds an event; it must not start before the present simulated time. */
    public void inject(CduEvent event) {
        if (event.start().isBefore(time())) {
            throw new IllegalArgumentException("event " + event.kind() + " starts at " + event.start()
                    + ", before the simulated time " + time());
        }
        events.add(event);
    }

    /** Advances one time step and returns the new state. */
    public CduState step() {
        Instant from = state.time();
        Instant to = from.plus(config.step());
        advanceEvents(from, to);
        blendCrude();
        double phi = Math.exp(-stepMinutes / WANDER_MINUTES);
        wander = phi * wander + Math.sqrt(1 - phi * phi) * WANDER_SIGMA * wanderNoise.nextGaussian();
        target = evaluate(to);
        double[] truth = lags.step(target.targets());
        double[] clean = measure(truth);
        double[] reported = faults.apply(to, clean, events, state.measured().values());
        state = snapshot(to, state.step() + 1, truth, reported);
        return state;
    }

    /** Advances {@code n} steps and returns the last state. */
    public CduState run(int n) {
        for (int i = 0; i < n; i++) {
            step();
        }
        return state;
    }

    /** The operating constraints now, from the true state. */
    public CduConstraints constraints() {
        return CduConstraints.of(state.truth(), target);
    }

    /**
     * The conditions in force now (crude in the line, wander, equipment, air, prices, charge upsets):
     * with {@link CduSteadyStateModel} they predict where any setpoints would take the unit.
     */
    public CduConditions conditions() {
        Instant t = state.time();
        double offset = 0;
        double maintenance = 1;
        for (CduEvent e : events) {
            if (e instanceof FeedUpset f && f.shape() == FeedUpset.Shape.PULSE && f.activeAt(t)) {
                offset += f.change();
            } else if (e instanceof Maintenance m && m.activeAt(t)) {
                maintenance = Math.min(maintenance, m.feedFraction());
            }
        }
        return new CduConditions(t, new CrudeMix(crudes, crudeWeights), wander, equipment, ambient(t), prices, offset,
                maintenance);
    }

    private void advanceEvents(Instant from, Instant to) {
        for (int i = 0; i < events.size(); i++) {
            CduEvent e = events.get(i);
            if (!started.get(i) && !e.start().isAfter(to)) {
                started.set(i);
                onStart(e);
            }
            ramp(e, from, to);
            if (started.get(i) && !ended.get(i) && !e.end().isAfter(to)) {
                ended.set(i);
                if (e instanceof Maintenance m) {
                    equipment = equipment.restored(m.equipment());
                }
            }
        }
    }

    private void onStart(CduEvent e) {
        switch (e) {
            case CrudeSwitch c -> {
                for (int i = 0; i < crudes.size(); i++) {
                    crudeTarget[i] = crudes.get(i).name().equals(c.crude()) ? 1 : 0;
                }
            }
            case FeedUpset f when f.shape() == FeedUpset.Shape.STEP ->
                    setpoints = setpoints.withFeedRate(Setpoints.FEED_RATE.clamp(setpoints.feedRate() + f.change()));
            case FurnaceFouling f when f.duration().isZero() -> equipment = equipment.plus(f.increase(), 0, 0);
            case PreheatDegradation p when p.duration().isZero() -> equipment = equipment.plus(0, p.loss(), 0);
            case PumpDegradation p when p.duration().isZero() -> equipment = equipment.plus(0, 0, p.wear());
            default -> {
                // Pulses, faults and maintenance act through their window, not at its start.
            }
        }
    }

    /** Adds the part of a degradation ramp that falls in (from, to]. */
    private void ramp(CduEvent e, Instant from, Instant to) {
        if (e.duration().isZero() || !(e instanceof FurnaceFouling || e instanceof PreheatDegradation
                || e instanceof PumpDegradation)) {
            return;
        }
        Instant lo = e.start().isAfter(from) ? e.start() : from;
        Instant hi = e.end().isBefore(to) ? e.end() : to;
        if (!hi.isAfter(lo)) {
            return;
        }
        double f = (double) Duration.between(lo, hi).toMillis() / e.duration().toMillis();
        equipment = switch (e) {
            case FurnaceFouling x -> equipment.plus(f * x.increase(), 0, 0);
            case PreheatDegradation x -> equipment.plus(0, f * x.loss(), 0);
            case PumpDegradation x -> equipment.plus(0, 0, f * x.wear());
            default -> equipment;
        };
    }

    private void blendCrude() {
        double a = 1 - Math.exp(-stepMinutes / CRUDE_BLEND_MINUTES);
        double[] w = crudeWeights.clone();
        for (int i = 0; i < w.length; i++) {
            w[i] += a * (crudeTarget[i] - w[i]);
        }
        crudeWeights = w;
    }

    private SteadyState evaluate(Instant t) {
        double demand = setpoints.feedRate();
        double maintenance = 1;
        for (CduEvent e : events) {
            if (e instanceof FeedUpset f && f.shape() == FeedUpset.Shape.PULSE && f.activeAt(t)) {
                demand += f.change();
            } else if (e instanceof Maintenance m && m.activeAt(t)) {
                maintenance = Math.min(maintenance, m.feedFraction());
            }
        }
        demand = Math.max(0, demand - (1 - maintenance) * setpoints.feedRate());
        return model.evaluate(new CrudeMix(crudes, crudeWeights), wander, setpoints, demand, equipment, ambient(t),
                prices);
    }

    /** Truth plus Gaussian noise; every tag draws every step, so faults never shift another tag's noise. */
    private double[] measure(double[] truth) {
        double[] m = new double[truth.length];
        for (CduTag tag : CduTag.values()) {
            int i = tag.ordinal();
            m[i] = truth[i] + config.noiseScale() * tag.noiseSigma() * noise.nextGaussian();
        }
        return m;
    }

    private CduState snapshot(Instant t, long step, double[] truth, double[] measured) {
        return new CduState(t, step, setpoints, new CrudeMix(crudes, crudeWeights), ambient(t), equipment, prices,
                new TagValues(truth), new TagValues(measured));
    }

    /** Air temperature: a daily sine around the mean. */
    static double ambient(Instant t) {
        double hour = (t.getEpochSecond() % 86_400) / 3600.0;
        return AMBIENT_MEAN + AMBIENT_SWING * Math.cos(2 * Math.PI * (hour - AMBIENT_PEAK_HOUR) / 24);
    }
}
