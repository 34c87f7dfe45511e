package org.dang.engine.bench;

import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

import org.dang.engine.config.DangConfig;
import org.dang.engine.decision.Decision;
import org.dang.engine.decision.DecisionEngine;
import org.dang.engine.json.Json;
import org.dang.engine.situation.Situation;
import org.dang.engine.situation.SituationReader;
import org.dang.engine.store.DecisionStore;

/**
 * The rules path end to end: situation JSON in, rules applied, decisions committed to the store.
 * A rules-only pass (same situations, nothing persisted) runs first in the same process as the
 * baseline the persisted figures are compared with.
 */
public final class DecisionBenchmark {

    /**
     * Figures of one pass. Service time runs from when a situation is taken up to its
     * acknowledgement; response time runs from its scheduled arrival (the same as service time
     * back to back), so it also counts waiting behind an earlier stall such as a GC pause.
     */
    public record Figures(long situations, long decisions, double seconds, double p50Ms, double p99Ms,
                          double responseP50Ms, double responseP99Ms) {
        /** Decisions per minute. */
        public double perMinute() {
            return decisions / seconds * 60.0;
        }

        /** The figures as key=value pairs. */
        public String line() {
            return String.format(Locale.ROOT, "decisions_per_min=%.0f p50_ms=%.4f p99_ms=%.4f",
                    perMinute(), p50Ms, p99Ms);
        }

        /** Response-time percentiles (from scheduled arrival). */
        public String responseLine() {
            return String.format(Locale.ROOT, "response_p50_ms=%.4f response_p99_ms=%.4f", responseP50Ms,
                    responseP99Ms);
        }
    }

    /** Below this, waiting spins rather than parks (a parked thread wakes late on a busy machine). */
    private static final long SPIN_BELOW_NANOS = Long.getLong("dang.bench.spinBelowNanos", 100_000);

    private final DangConfig config;
    private final String[] workload;

    /** Prepares {@code distinct} different situation texts to cycle through. */
    public DecisionBenchmark(DangConfig config, int distinct, long seed) {
        this.config = config;
        SituationGenerator gen = new SituationGenerator(seed, Instant.parse("2026-01-01T00:00:00Z"));
        this.workload = new String[distinct];
        for (int i = 0; i < distinct; i++) {
            workload[i] = Json.write(gen.next(i));
        }
    }

    /** Parses, decides and (when {@code store} is not null) records {@code n} situations back to back. */
    public Figures run(int n, DecisionStore store, Consumer<Integer> progress) {
        return run(n, store, 0, progress);
    }

    /**
     * Like {@link #run(int, DecisionStore, Consumer)}, but situations arrive on a fixed schedule,
     * one every {@code intervalNanos} (open loop). Latency is measured from the scheduled arrival,
     * so time spent waiting behind a slow situation counts (no coordinated omission).
     */
    public Figures run(int n, DecisionStore store, long intervalNanos, Consumer<Integer> progress) {
        DecisionEngine rules = new DecisionEngine(config, InstantSource.system());
        long[] latencyNanos = new long[n];
        long[] responseNanos = new long[n];
        long decisions = 0;
        long started = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long scheduled = intervalNanos > 0 ? started + i * intervalNanos : System.nanoTime();
            waitUntil(scheduled);
            long t0 = System.nanoTime();
            Situation s = SituationReader.parse(workload[i % workload.length], "bench");
            s = new Situation(s.id() + "-" + i, s.time(), s.description(), s.tags(), s.events(), s.performance(),
                    s.market(), s.schedule(), s.operatorRequests(), s.modules(), s.expected());
            List<Decision> out = rules.decide(s);
            if (store != null) {
                store.record(s, out);
            }
            long done = System.nanoTime();
            latencyNanos[i] = done - t0;
            responseNanos[i] = done - scheduled;
            decisions += out.size();
            if (progress != null && (i + 1) % 5000 == 0) {
                progress.accept(i + 1);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Arrays.sort(latencyNanos);
        Arrays.sort(responseNanos);
        return new Figures(n, decisions, seconds, percentile(latencyNanos, 0.50) / 1e6,
                percentile(latencyNanos, 0.99) / 1e6, percentile(responseNanos, 0.50) / 1e6,
                percentile(responseNanos, 0.99) / 1e6);
    }

    /** Sleeps until shortly before {@code deadline}, then spins: a thread that spins all the time is preempted. */
    private static void waitUntil(long deadline) {
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            if (left > SPIN_BELOW_NANOS) {
                LockSupport.parkNanos(left - 50_000);
            } else {
                Thread.onSpinWait();
            }
        }
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int idx = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, idx))];
    }
}
