package org.dang.engine.situation;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.dang.engine.module.ModuleName;

/**
 * Feeds recorded situation files to a consumer at a fixed pace, in file-name order and looping,
 * each restamped with the current time so it reads as live. The console's sample feed until the
 * plant data source replaces it; bad files are reported once at start and skipped.
 */
public final class SituationReplay implements AutoCloseable {

    private static final Logger LOG = System.getLogger(SituationReplay.class.getName());

    private final List<Situation> situations;
    private final List<String> errors;
    private final ScheduledExecutorService thread;
    private final InstantSource clock;
    private final AtomicLong fed = new AtomicLong();

    private SituationReplay(List<Situation> situations, List<String> errors, InstantSource clock) {
        this.situations = situations;
        this.errors = errors;
        this.clock = clock;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "situation-replay");
            t.setDaemon(true);
            return t;
        });
    }

    /** Loads every situation file in {@code folder}. */
    public static SituationReplay load(Path folder, InstantSource clock) throws IOException {
        List<SituationReader.Entry> entries = SituationReader.read(folder);
        List<Situation> ok = entries.stream().filter(SituationReader.Entry::ok).map(SituationReader.Entry::situation)
                .toList();
        List<String> bad = entries.stream().filter(e -> !e.ok()).map(SituationReader.Entry::error).toList();
        bad.forEach(e -> LOG.log(Level.WARNING, "situation skipped: " + e));
        if (ok.isEmpty()) {
            throw new IOException("no readable situation files in " + folder
                    + (bad.isEmpty() ? "" : "; first error: " + bad.getFirst()));
        }
        return new SituationReplay(ok, bad, clock);
    }

    /** Files that could not be read, with file, line and field. */
    public List<String> errors() {
        return errors;
    }

    /** Starts feeding {@code sink}, one situation per {@code every}; the first one at once. */
    public void start(Duration every, Consumer<Situation> sink) {
        thread.scheduleAtFixedRate(() -> {
            long n = fed.getAndIncrement();
            Situation s = live(situations.get((int) (n % situations.size())), n);
            try {
                sink.accept(s);
            } catch (RuntimeException e) {
                // Keep replaying: one failed decision (e.g. a full disk) is reported, not fatal.
                LOG.log(Level.ERROR, "situation " + s.id() + " was not processed: " + e.getMessage(), e);
            }
        }, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Situations fed so far. */
    public long fed() {
        return fed.get();
    }

    private Situation live(Situation s, long n) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Duration shift = Duration.between(s.time(), now);
        List<ScheduleWindow> schedule = s.schedule().stream()
                .map(w -> new ScheduleWindow(w.kind(), w.start().plus(shift), w.end().plus(shift), w.description()))
                .toList();
        EnumMap<ModuleName, ModuleStatus> modules = new EnumMap<>(ModuleName.class);
        s.modules().forEach((m, st) -> modules.put(m, new ModuleStatus(st.queueDepth(), st.queueCapacity(),
                st.lastRun() == null ? null : st.lastRun().plus(shift), st.cachedResultValid(), st.inputsMovedPct())));
        return new Situation(s.id() + "#" + n, now, s.description(), s.tags(), s.events(), s.performance(), s.market(),
                schedule, s.operatorRequests(), modules, List.of());
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
