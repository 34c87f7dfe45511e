package org.dang.engine.coordinator;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.dang.engine.config.DecisionEngineConfig;
import org.dang.engine.config.ModuleConfig;
import org.dang.engine.config.ModulesConfig;
import org.dang.engine.events.OrderedDispatcher;
import org.dang.engine.module.ModuleName;
import org.dang.engine.module.ModuleRequest;
import org.dang.engine.module.ModuleResult;
import org.dang.engine.module.PlantModule;
import org.dang.engine.module.WorkPriority;

/**
 * Runs module work on threads it owns: per-module bounded priority queues and workers, timeouts,
 * retries with exponential backoff, a result cache with TTL, cancellation, events and load snapshots.
 *
 * <p>Threads: per enabled module {@code workers} daemon platform threads named
 * {@code module-<key>-<n>}; one timer thread ({@code module-coordinator-timer}) for timeouts and
 * retry backoffs, which only ever runs short lock-holding steps; one thread
 * ({@code module-coordinator-events}) that delivers events to listeners. Nothing sleeps on a worker.
 *
 * <p>Locking: each module's state is guarded by its own lane lock (see {@link ModuleLane}); the
 * coordinator itself only holds {@code registry} while registering or closing, so submissions to
 * different modules never contend. Listeners and future completions never run under a lock.
 */
public final class ModuleCoordinator implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ModuleCoordinator.class.getName());
    /** How long {@link #close()} waits for threads to finish. */
    public static final Duration DEFAULT_CLOSE_WAIT = Duration.ofSeconds(5);

    private final ModulesConfig config;
    private final RetryPolicy retry;
    private final Duration cacheTtl;
    private final InstantSource clock;
    private final ScheduledThreadPoolExecutor timer;
    /** Progress beyond this backlog is dropped; state-change events are always kept. */
    static final int PROGRESS_BACKLOG_LIMIT = 10_000;

    private final OrderedDispatcher<ModuleRunListener, ModuleRunEvent> events = new OrderedDispatcher<>(
            "module-coordinator-events", ModuleRunListener::onEvent, e -> e instanceof ModuleRunEvent.Progress,
            PROGRESS_BACKLOG_LIMIT);
    private final AtomicLong runIds = new AtomicLong(1);
    /** Guards registration against close; also the set of registered modules. */
    private final Map<ModuleName, PlantModule<?, ?>> registry = new EnumMap<>(ModuleName.class);
    /** Lanes of registered, enabled modules; read lock-free by submit. */
    private final Map<ModuleName, ModuleLane> lanes = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /**
     * Creates a coordinator; no module threads start until modules are registered.
     *
     * @param modules   per-module enablement, timeout, queue capacity and workers
     * @param decisions max retries, retry backoff and result cache TTL
     * @param clock     time for the cache TTL, last-success times and event times
     */
    public ModuleCoordinator(ModulesConfig modules, DecisionEngineConfig decisions, InstantSource clock) {
        this.config = Objects.requireNonNull(modules, "modules");
        Objects.requireNonNull(decisions, "decisions");
        this.retry = new RetryPolicy(decisions.maxRetries(), Objects.requireNonNull(decisions.retryBackoff(),
                "decision_engine.retry_backoff"));
        this.cacheTtl = Objects.requireNonNull(decisions.cacheTtl(), "decision_engine.cache_ttl");
        this.clock = Objects.requireNonNull(clock, "clock");
        for (ModuleName name : ModuleName.values()) {
            validate(name, Objects.requireNonNull(modules.of(name), () -> "modules." + name.key()));
        }
        this.timer = new ScheduledThreadPoolExecutor(1,
                Thread.ofPlatform().name("module-coordinator-timer").daemon(true).factory());
        timer.setRemoveOnCancelPolicy(true); // cancelled timeouts would otherwise pile up until they expire
        timer.prestartCoreThread();
        events.start();
    }

    private static void validate(ModuleName name, ModuleConfig c) {
        String at = "modules." + name.key() + ".";
        if (c.timeout() == null || c.timeout().isNegative() || c.timeout().isZero()) {
            throw new IllegalArgumentException(at + "timeout must be positive, got " + c.timeout());
        }
        if (c.queueCapacity() < 1) {
            throw new IllegalArgumentException(at + "queue_capacity must be >= 1, got " + c.queueCapacity());
        }
        if (c.workers() < 1) {
            throw new IllegalArgumentException(at + "workers must be >= 1, got " + c.workers());
        }
    }

    /**
     * Registers a module and, when it is enabled in the configuration, starts its workers.
     *
     * @throws IllegalStateException when a module of that name is already registered or the coordinator is closed
     */
    public void register(PlantModule<?, ?> module) {
        Objects.requireNonNull(module, "module");
        ModuleName name = Objects.requireNonNull(module.name(), "module.name()");
        Objects.requireNonNull(module.requestType(), "module.requestType()");
        synchronized (registry) {
            if (closed) {
                throw new IllegalStateException("module coordinator is closed; cannot register " + name.key());
            }
            if (registry.containsKey(name)) {
                throw new IllegalStateException("a module is already registered for " + name.key() + ": "
                        + registry.get(name));
            }
            registry.put(name, module);
            ModuleConfig moduleConfig = config.of(name);
            if (moduleConfig.enabled()) {
                ModuleLane lane = new ModuleLane(module, moduleConfig, retry, cacheTtl, clock, timer, events);
                lanes.put(name, lane);
                lane.start();
            }
        }
    }

    /** Submits with {@link SubmitOptions#DEFAULT}. */
    public <R extends ModuleResult> ModuleRun<R> submit(ModuleRequest request, WorkPriority priority) {
        return submit(request, priority, SubmitOptions.DEFAULT);
    }

    /**
     * Submits work to the module named by {@code request.module()}; never blocks. The handle's result
     * is already complete for a cache hit or a rejection (module not registered, disabled, closed, or
     * queue full of work at the same or higher priority).
     *
     * <p>{@code R} is whatever the caller assigns to; the registered module decides the actual result
     * type, so assign to the type that module returns.
     *
     * @throws IllegalArgumentException when the request is not of the registered module's request type
     */
    public <R extends ModuleResult> ModuleRun<R> submit(ModuleRequest request, WorkPriority priority,
                                                        SubmitOptions options) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(options, "options");
        ModuleName name = Objects.requireNonNull(request.module(), "request.module()");
        long runId = runIds.getAndIncrement();
        ModuleLane lane = lanes.get(name);
        if (lane == null) {
            return unavailable(runId, request, priority, reasonUnavailable(name));
        }
        PlantModule<?, ?> module = lane.module();
        if (!module.requestType().isInstance(request)) {
            throw new IllegalArgumentException("module " + name.key() + " accepts "
                    + module.requestType().getSimpleName() + ", not " + request.getClass().getSimpleName());
        }
        return cast(lane.submit(runId, request, priority, options));
    }

    private String reasonUnavailable(ModuleName name) {
        if (closed) {
            return name.key() + ": " + ModuleLane.CLOSED_REASON;
        }
        boolean registered;
        synchronized (registry) {
            registered = registry.containsKey(name);
        }
        return registered ? "module " + name.key() + " is disabled in the configuration"
                : "no module registered for " + name.key();
    }

    private <R extends ModuleResult> ModuleRun<R> unavailable(long runId, ModuleRequest request,
                                                              WorkPriority priority, String reason) {
        ModuleRun<R> handle = new ModuleRun<>(runId, request, priority, false, false);
        events.publish(new ModuleRunEvent.Rejected(runId, request.module(), priority, clock.instant(), reason));
        handle.fail(new ModuleUnavailableException(request.module(), reason));
        return handle;
    }

    @SuppressWarnings("unchecked") // see submit: the caller names the result type of the module it addresses
    private static <R extends ModuleResult> ModuleRun<R> cast(ModuleRun<ModuleResult> run) {
        return (ModuleRun<R>) (ModuleRun<?>) run;
    }

    /** Adds a listener; see {@link ModuleRunListener} for the threading rules. */
    public void addListener(ModuleRunListener listener) {
        events.addListener(listener);
    }

    /** Removes a listener added earlier; no effect otherwise. */
    public void removeListener(ModuleRunListener listener) {
        events.removeListener(listener);
    }

    /** A module's current load; zero workers and an empty queue when it is not registered or disabled. */
    public ModuleLoad load(ModuleName module) {
        Objects.requireNonNull(module, "module");
        ModuleLane lane = lanes.get(module);
        if (lane == null) {
            return new ModuleLoad(module, 0, config.of(module).queueCapacity(), 0, 0, 0,
                    Optional.empty(), false);
        }
        return lane.load(config.of(module).workers());
    }

    /**
     * Cancels a queued, running or retry-waiting run by id, for all its handles, giving {@code reason}
     * (e.g. who cancelled it). Returns false when no live run has that id.
     */
    public boolean cancel(long runId, String reason) {
        for (ModuleName name : ModuleName.values()) {
            ModuleLane lane = lanes.get(name);
            if (lane != null && lane.cancelRun(runId, reason)) {
                return true;
            }
        }
        return false;
    }

    /** Queued, running and retry-waiting runs of every module, module by module. */
    public List<ActiveRun> activeRuns() {
        List<ActiveRun> runs = new ArrayList<>();
        for (ModuleName name : ModuleName.values()) {
            ModuleLane lane = lanes.get(name);
            if (lane != null) {
                runs.addAll(lane.activeRuns());
            }
        }
        return List.copyOf(runs);
    }

    /** Closes, waiting up to {@link #DEFAULT_CLOSE_WAIT} for threads; logs a warning if some linger. */
    @Override
    public void close() {
        if (!close(DEFAULT_CLOSE_WAIT)) {
            LOG.log(Level.WARNING, "Module coordinator threads still running after " + DEFAULT_CLOSE_WAIT
                    + "; a module ignores cancellation");
        }
    }

    /**
     * Cancels queued and running work (futures fail with CancellationException), stops the timer and
     * the event thread, and waits up to {@code wait} for every thread to end. Idempotent.
     *
     * @return true when all threads ended in time
     */
    public boolean close(Duration wait) {
        List<ModuleLane> toClose;
        synchronized (registry) {
            closed = true;
            toClose = List.copyOf(lanes.values());
        }
        toClose.forEach(ModuleLane::close);
        timer.shutdownNow(); // lanes are closed, so nothing schedules any more
        events.close();      // after the lanes, so their Cancelled events are still delivered
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            for (Thread thread : threads()) {
                long left = deadline - System.nanoTime();
                if (left > 0) {
                    thread.join(Duration.ofNanos(left));
                }
            }
            long left = Math.max(0, deadline - System.nanoTime());
            boolean timerDone = timer.awaitTermination(left, TimeUnit.NANOSECONDS);
            return timerDone && threads().stream().noneMatch(Thread::isAlive);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Worker threads of all lanes plus the event thread (the timer is an executor). For tests. */
    List<Thread> threads() {
        List<Thread> threads = new ArrayList<>();
        lanes.values().forEach(lane -> threads.addAll(lane.workers()));
        threads.add(events.thread());
        return threads;
    }

    /** Whether the timer executor has terminated. For tests. */
    boolean timerTerminated() {
        return timer.isTerminated();
    }
}
