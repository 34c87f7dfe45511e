package org.dang.engine.bench;

import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
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

    /** Figures of one pass. */
    public record Figures(long situations, long decisions, double seconds, double p50Ms, double p99Ms) {
        /** Decisions per minute. */
        public double perMinute() {
            return decisions / seconds * 60.0;
        }

        /** The figures as key=value pairs. */
        public String line() {
            return String.format(Locale.ROOT, "decisions_per_min=%.0f p50_ms=%.4f p99_ms=%.4f",
                    perMinute(), p50Ms, p99Ms);
        }
    }

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

    /** Parses, decides and (when {@code store} is not null) records {@code n} situations. */
    public Figures run(int n, DecisionStore store, Consumer<Integer> progress) {
        DecisionEngine rules = new DecisionEngine(config, InstantSource.system());
        long[] latencyNanos = new long[n];
        long decisions = 0;
        long started = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            Situation s = SituationReader.parse(workload[i % workload.length], "bench");
            s = new Situation(s.id() + "-" + i, s.time(), s.description(), s.tags(), s.events(), s.performance(),
                    s.market(), s.schedule(), s.operatorRequests(), s.modules(), s.expected());
            List<Decision> out = rules.decide(s);
            if (store != null) {
                store.record(s, out);
            }
            latencyNanos[i] = System.nanoTime() - t0;
            decisions += out.size();
            if (progress != null && (i + 1) % 5000 == 0) {
                progress.accept(i + 1);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Arrays.sort(latencyNanos);
        return new Figures(n, decisions, seconds, percentile(latencyNanos, 0.50) / 1e6,
                percentile(latencyNanos, 0.99) / 1e6);
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int idx = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, idx))];
    }
}
