package org.dang.engine.coordinator;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import org.dang.engine.config.ModuleConfig;
import org.dang.engine.events.OrderedDispatcher;
import org.dang.engine.module.ModuleFailure;
import org.dang.engine.module.ModuleName;
import org.dang.engine.module.ModuleRequest;
import org.dang.engine.module.ModuleResult;
import org.dang.engine.module.PlantModule;
import org.dang.engine.module.RunContext;
import org.dang.engine.module.WorkPriority;

/**
 * One module's lane: its {@link RunQueue}, worker threads, result cache and the state of its runs
 * (queue, start, progress, finish, retry, timeout, cancel, close).
 *
 * <p>Locking: one {@link ReentrantLock} per lane guards the queue, the job sets, the in-flight map,
 * the cache and every {@link RunJob} field, so each state change (queue, start, finish, timeout,
 * cancel, retry, close) is a single atomic step and events are published in that order. Module code,
 * listener code and future completion (which runs callers' dependent stages) never run under it:
 * completions are collected in an {@code after} list and run once the lock is released. A worker is
 * interrupted only under the lock and only while {@link RunJob#thread} points at it, and it clears its
 * interrupt status under the lock when the attempt ends, so a stop can never hit the next run.
 */
final class ModuleLane {
    private static final System.Logger LOG = System.getLogger(ModuleLane.class.getName());
    static final String CLOSED_REASON = "module coordinator closed";

    private final PlantModule<?, ?> module;
    private final ModuleName name;
    private final Duration timeout;
    private final RetryPolicy retry;
    private final InstantSource clock;
    private final ScheduledExecutorService timer;
    private final OrderedDispatcher<ModuleRunListener, ModuleRunEvent> events;
    private final List<Thread> workers;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final RunQueue queue;
    private final Set<RunJob> running = new LinkedHashSet<>();
    private final Set<RunJob> waitingRetry = new LinkedHashSet<>();
    /** Non-terminal runs by request, so an equal submission can join instead of running twice. */
    private final Map<ModuleRequest, RunJob> inFlight = new HashMap<>();
    private final ResultCache cache;
    private Instant lastSuccess;
    private long nextSeq;
    private boolean closed;

    ModuleLane(PlantModule<?, ?> module, ModuleConfig config, RetryPolicy retry, Duration cacheTtl,
               InstantSource clock, ScheduledExecutorService timer,
               OrderedDispatcher<ModuleRunListener, ModuleRunEvent> events) {
        this.module = module;
        this.name = module.name();
        this.queue = new RunQueue(config.queueCapacity());
        this.timeout = config.timeout();
        this.retry = retry;
        this.clock = clock;
        this.timer = timer;
        this.events = events;
        this.cache = new ResultCache(cacheTtl);
        List<Thread> threads = new ArrayList<>(config.workers());
        for (int i = 1; i <= config.workers(); i++) {
            threads.add(Thread.ofPlatform().name("module-" + name.key() + "-" + i).daemon(true)
                    .unstarted(this::workerLoop));
        }
        this.workers = List.copyOf(threads);
    }

    /** Starts the workers; separate from the constructor so that {@code this} is complete first. */
    void start() {
        workers.forEach(Thread::start);
    }

    PlantModule<?, ?> module() {
        return module;
    }

    List<Thread> workers() {
        return workers;
    }

    // ---------------------------------------------------------------- submission

    /** Queues, joins or answers from cache; never blocks on a full queue. */
    ModuleRun<ModuleResult> submit(long runId, ModuleRequest request, WorkPriority priority, SubmitOptions options) {
        List<Runnable> after = new ArrayList<>();
        lock.lock();
        try {
            Instant now = clock.instant();
            if (closed) {
                ModuleRun<ModuleResult> handle = new ModuleRun<>(runId, request, priority, false, false);
                events.publish(new ModuleRunEvent.Rejected(runId, name, priority, now, CLOSED_REASON));
                after.add(() -> handle.fail(new ModuleUnavailableException(name, name.key() + ": " + CLOSED_REASON)));
                return handle;
            }
            if (!options.bypassCache()) {
                RunJob existing = inFlight.get(request);
                if (existing != null) {
                    return join(existing, request, priority);
                }
                Optional<ModuleResult> cached = cache.get(request, now);
                if (cached.isPresent()) {
                    ModuleRun<ModuleResult> handle = new ModuleRun<>(runId, request, priority, true, false);
                    events.publish(new ModuleRunEvent.Succeeded(runId, name, priority, now, cached.get(),
                            Duration.ZERO, true, 0));
                    after.add(() -> handle.succeed(cached.get()));
                    return handle;
                }
            }
            RunJob job = new RunJob(runId, request, priority, nextSeq++, now);
            ModuleRun<ModuleResult> handle = new ModuleRun<>(runId, request, priority, false, false);
            job.subscribers.add(handle);
            if (admit(job, after)) {
                inFlight.putIfAbsent(request, job);
                events.publish(new ModuleRunEvent.Queued(runId, name, priority, now, queue.size()));
                onCancel(handle, job);
            } else {
                reject(job, name.key() + " queue full (" + queue.capacity() + " queued at " + priority
                        + " or higher); run " + runId + " rejected", false, after);
            }
            return handle;
        } finally {
            lock.unlock();
            after.forEach(Runnable::run);
        }
    }

    private ModuleRun<ModuleResult> join(RunJob job, ModuleRequest request, WorkPriority priority) {
        ModuleRun<ModuleResult> handle = new ModuleRun<>(job.runId, request, priority, false, true);
        job.subscribers.add(handle);
        if (priority.outranks(job.priority)) {
            queue.reprioritise(job, priority); // the most urgent caller decides where shared work stands
        }
        onCancel(handle, job);
        return handle;
    }

    private void onCancel(ModuleRun<?> handle, RunJob job) {
        handle.result().whenComplete((value, failure) -> {
            if (handle.result().isCancelled()) {
                detach(job, handle);
            }
        });
    }

    /** Puts a job in the queue, failing the run it displaces; false when the queue refused it. */
    private boolean admit(RunJob job, List<Runnable> after) {
        RunQueue.Offer offer = queue.offer(job);
        RunJob lowest = offer.displaced();
        if (lowest != null) {
            reject(lowest, name.key() + " queue full (" + queue.capacity() + "): run " + lowest.runId + " at "
                    + lowest.priority + " displaced by higher-priority work (run " + job.runId + " at "
                    + job.priority + ")", true, after);
        }
        if (offer.admitted()) {
            job.state = RunState.QUEUED;
            notEmpty.signal();
        }
        return offer.admitted();
    }

    private void reject(RunJob job, String reason, boolean displaced, List<Runnable> after) {
        job.state = RunState.REJECTED;
        inFlight.remove(job.request, job);
        events.publish(new ModuleRunEvent.Rejected(job.runId, name, job.priority, clock.instant(), reason));
        QueueFullException failure = new QueueFullException(name, reason, displaced);
        completeAll(job, after, run -> run.fail(failure));
    }

    // ---------------------------------------------------------------- workers

    private void workerLoop() {
        try {
            RunJob job;
            while ((job = takeNext()) != null) {
                execute(job);
            }
        } catch (RuntimeException | Error e) {
            LOG.log(Level.ERROR, "Worker " + Thread.currentThread().getName() + " died", e);
            throw e;
        }
    }

    /** Blocks for the next job and marks it running; null once the lane is closed. */
    private RunJob takeNext() {
        lock.lock();
        try {
            while (!closed && queue.isEmpty()) {
                try {
                    notEmpty.await();
                } catch (InterruptedException e) {
                    // No stop targets an idle worker; re-check and keep serving until close().
                }
            }
            if (closed) {
                return null;
            }
            RunJob job = queue.poll();
            Thread.interrupted(); // drop any stray interrupt before the module sees this thread
            job.state = RunState.RUNNING;
            job.attempt++;
            job.thread = Thread.currentThread();
            job.startedNanos = System.nanoTime();
            job.startedAt = clock.instant();
            job.progress = -1;
            job.progressMessage = "";
            running.add(job);
            int attempt = job.attempt;
            job.timeoutTask = timer.schedule(() -> guarded(() -> timeOut(job, attempt)),
                    timeout.toNanos(), TimeUnit.NANOSECONDS);
            events.publish(new ModuleRunEvent.Started(job.runId, name, job.priority, job.startedAt, attempt));
            return job;
        } finally {
            lock.unlock();
        }
    }

    private void execute(RunJob job) {
        int attempt = job.attempt; // written by this thread in takeNext
        ModuleResult result = null;
        Throwable failure = null;
        try {
            result = invoke(module, job.request, new LaneRunContext(this, job, attempt));
            if (result == null) {
                failure = new IllegalStateException(name.key() + " returned no result");
            }
        } catch (Throwable t) { // even an Error fails only this run: a dead worker would shrink the lane for good
            failure = t;
        }
        finish(job, result, failure);
    }

    private static <Q extends ModuleRequest, R extends ModuleResult> ModuleResult invoke(
            PlantModule<Q, R> module, ModuleRequest request, RunContext context) throws Exception {
        return module.run(module.requestType().cast(request), context);
    }

    /** Records an attempt's outcome: success, retry, or final failure; ignored if the run was stopped. */
    private void finish(RunJob job, ModuleResult result, Throwable failure) {
        List<Runnable> after = new ArrayList<>();
        lock.lock();
        try {
            job.thread = null;
            Thread.interrupted(); // under the lock: no stop can interrupt this thread for this job any more
            running.remove(job);
            cancel(job.timeoutTask);
            job.timeoutTask = null;
            if (job.state != RunState.RUNNING) {
                return; // cancelled, timed out or closed: the futures are already complete
            }
            Instant now = clock.instant();
            if (failure == null) {
                Duration took = Duration.ofNanos(System.nanoTime() - job.startedNanos);
                job.state = RunState.SUCCEEDED;
                inFlight.remove(job.request, job);
                cache.put(job.request, result, now);
                lastSuccess = now;
                events.publish(new ModuleRunEvent.Succeeded(job.runId, name, job.priority, now, result, took,
                        false, job.attempt));
                completeAll(job, after, run -> run.succeed(result));
            } else if (failure instanceof ModuleFailure mf && mf.retryable() && retry.allowsRetryAfter(job.attempt)) {
                Duration delay = retry.delayAfter(job.attempt);
                job.state = RunState.WAITING_RETRY;
                waitingRetry.add(job);
                // On the timer, never by sleeping: the worker is free for other runs meanwhile.
                job.retryTask = timer.schedule(() -> guarded(() -> requeue(job)), delay.toNanos(),
                        TimeUnit.NANOSECONDS);
                events.publish(new ModuleRunEvent.Retrying(job.runId, name, job.priority, now, job.attempt + 1,
                        delay, ModuleRunException.describe(failure)));
            } else {
                job.state = RunState.FAILED;
                inFlight.remove(job.request, job);
                events.publish(new ModuleRunEvent.Failed(job.runId, name, job.priority, now,
                        ModuleRunException.describe(failure), job.attempt));
                ModuleRunException error = new ModuleRunException(name, job.attempt, failure);
                completeAll(job, after, run -> run.fail(error));
            }
        } finally {
            lock.unlock();
            after.forEach(Runnable::run);
        }
    }

    /** Timer: a retry's backoff elapsed; the run re-enters the queue at its priority. */
    private void requeue(RunJob job) {
        List<Runnable> after = new ArrayList<>();
        lock.lock();
        try {
            if (job.state != RunState.WAITING_RETRY) {
                return;
            }
            waitingRetry.remove(job);
            job.retryTask = null;
            if (!admit(job, after)) {
                reject(job, name.key() + " queue full (" + queue.capacity() + ") when attempt " + (job.attempt + 1)
                        + " of run " + job.runId + " was due", false, after);
            }
        } finally {
            lock.unlock();
            after.forEach(Runnable::run);
        }
    }

    /** Timer: the attempt ran past the module's timeout. */
    private void timeOut(RunJob job, int attempt) {
        List<Runnable> after = new ArrayList<>();
        lock.lock();
        try {
            if (job.state != RunState.RUNNING || job.attempt != attempt) {
                return;
            }
            job.state = RunState.TIMED_OUT;
            stop(job);
            inFlight.remove(job.request, job);
            events.publish(new ModuleRunEvent.TimedOut(job.runId, name, job.priority, clock.instant(), timeout));
            ModuleTimeoutException failure = new ModuleTimeoutException(name, job.runId, timeout);
            completeAll(job, after, run -> run.fail(failure));
        } finally {
            lock.unlock();
            after.forEach(Runnable::run);
        }
    }

    /** Called by the module through its RunContext. */
    void progress(RunJob job, int attempt, double fraction, String message) {
        double clean = Double.isNaN(fraction) || fraction < 0 ? -1 : Math.min(fraction, 1.0);
        String text = message == null ? "" : message;
        lock.lock();
        try {
            if (job.state != RunState.RUNNING || job.attempt != attempt) {
                return; // late progress from a stopped attempt must not follow its terminal event
            }
            job.progress = clean;
            job.progressMessage = text;
            events.publish(new ModuleRunEvent.Progress(job.runId, name, job.priority, clock.instant(), clean, text));
        } finally {
            lock.unlock();
        }
    }

    // ---------------------------------------------------------------- cancellation and close

    /** A handle was cancelled; the run stops once no handle waits for it. */
    private void detach(RunJob job, ModuleRun<?> handle) {
        lock.lock();
        try {
            if (!job.subscribers.remove(handle) || !job.subscribers.isEmpty() || job.state.terminal()) {
                return;
            }
            cancelJob(job, "cancelled by caller");
        } finally {
            lock.unlock();
        }
    }

    /** Moves a live job to CANCELLED wherever it is; the caller completes its subscribers. */
    private void cancelJob(RunJob job, String reason) {
        switch (job.state) {
            case QUEUED -> queue.remove(job);
            case RUNNING -> stop(job);
            case WAITING_RETRY -> {
                waitingRetry.remove(job);
                cancel(job.retryTask);
                job.retryTask = null;
            }
            default -> throw new IllegalStateException("run " + job.runId + " is already " + job.state);
        }
        job.state = RunState.CANCELLED;
        inFlight.remove(job.request, job);
        events.publish(new ModuleRunEvent.Cancelled(job.runId, name, job.priority, clock.instant(), reason));
    }

    /** Makes a running attempt stop: its context reports cancelled and its thread is interrupted. */
    private void stop(RunJob job) {
        job.stopRequested = true;
        if (job.thread != null) {
            job.thread.interrupt();
        }
        cancel(job.timeoutTask);
        job.timeoutTask = null;
    }

    /**
     * Cancels the live run {@code runId} for every handle waiting on it (an operator's cancel from the
     * activity view). Returns false when this lane has no such live run.
     */
    boolean cancelRun(long runId, String reason) {
        List<Runnable> after = new ArrayList<>();
        lock.lock();
        try {
            List<RunJob> live = new ArrayList<>(queue.inOrder());
            live.addAll(waitingRetry);
            running.stream().filter(j -> j.state == RunState.RUNNING).forEach(live::add);
            RunJob job = live.stream().filter(j -> j.runId == runId).findFirst().orElse(null);
            if (job == null) {
                return false;
            }
            cancelJob(job, reason);
            CancellationException failure = new CancellationException(name.key() + " run " + runId + ": " + reason);
            completeAll(job, after, run -> run.fail(failure));
            return true;
        } finally {
            lock.unlock();
            after.forEach(Runnable::run);
        }
    }

    /** Cancels queued, waiting and running work and wakes the workers so they exit. */
    void close() {
        List<Runnable> after = new ArrayList<>();
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            List<RunJob> live = new ArrayList<>(queue.inOrder());
            live.addAll(waitingRetry);
            running.stream().filter(j -> j.state == RunState.RUNNING).forEach(live::add);
            CancellationException failure = new CancellationException(name.key() + ": " + CLOSED_REASON);
            for (RunJob job : live) {
                cancelJob(job, CLOSED_REASON);
                completeAll(job, after, run -> run.fail(failure));
            }
            notEmpty.signalAll();
        } finally {
            lock.unlock();
            after.forEach(Runnable::run);
        }
    }

    // ---------------------------------------------------------------- snapshots

    ModuleLoad load(int workerCount) {
        lock.lock();
        try {
            return new ModuleLoad(name, queue.size(), queue.capacity(), running.size(), workerCount,
                    waitingRetry.size(), Optional.ofNullable(lastSuccess), cache.anyValid(clock.instant()));
        } finally {
            lock.unlock();
        }
    }

    /** Running runs first, then queued ones in the order they will run, then those waiting to retry. */
    List<ActiveRun> activeRuns() {
        lock.lock();
        try {
            List<ActiveRun> runs = new ArrayList<>();
            running.stream().filter(j -> j.state == RunState.RUNNING).map(this::describe).forEach(runs::add);
            queue.inOrder().stream().map(this::describe).forEach(runs::add);
            waitingRetry.stream().map(this::describe).forEach(runs::add);
            return runs;
        } finally {
            lock.unlock();
        }
    }

    private ActiveRun describe(RunJob job) {
        return new ActiveRun(job.runId, name, job.request, job.priority, job.state, job.attempt, job.queuedAt,
                Optional.ofNullable(job.startedAt), job.progress, job.progressMessage);
    }

    // ---------------------------------------------------------------- helpers

    private static void completeAll(RunJob job, List<Runnable> after,
                                    Consumer<ModuleRun<?>> completion) {
        List<ModuleRun<?>> subscribers = List.copyOf(job.subscribers);
        after.add(() -> subscribers.forEach(completion));
    }

    private static void cancel(ScheduledFuture<?> task) {
        if (task != null) {
            task.cancel(false);
        }
    }

    /** Timer tasks must not die silently: the executor would swallow the exception. */
    private void guarded(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException | Error e) {
            LOG.log(Level.ERROR, "Timer task of module " + name.key() + " failed", e);
        }
    }
}
