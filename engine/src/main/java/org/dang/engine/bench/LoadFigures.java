package org.dang.engine.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * Figures of one closed-loop load run: requests done, errors, wall time and latency percentiles.
 *
 * @param label    what was measured
 * @param requests requests completed (successes and errors)
 * @param errors   requests that failed (non-2xx or an exception)
 * @param seconds  wall time of the run
 * @param p50Ms    median latency
 * @param p99Ms    99th percentile latency
 * @param maxMs    slowest request
 * @param cpuMs    CPU time the whole process used during the run (server, clients, store writers, GC), all
 *                 cores together; per request it is the cost figure least disturbed by other load on the machine
 */
public record LoadFigures(String label, long requests, long errors, double seconds, double p50Ms, double p99Ms,
                          double maxMs, double cpuMs) {

    /** Process CPU milliseconds per request. */
    public double cpuMsPerRequest() {
        return requests == 0 ? 0 : cpuMs / requests;
    }

    /** Requests per second. */
    public double perSecond() {
        return requests / seconds;
    }

    /** The figures as one line of key=value pairs. */
    public String line() {
        return String.format(Locale.ROOT, "%-34s requests=%d errors=%d req_per_s=%.0f p50_ms=%.3f p99_ms=%.3f"
                + " max_ms=%.1f cpu_ms_per_req=%.3f", label, requests, errors, perSecond(), p50Ms, p99Ms, maxMs,
                cpuMsPerRequest());
    }

    /** Figures from raw latencies in nanoseconds (the array is sorted in place). */
    static LoadFigures of(String label, long[] latencyNanos, int count, long errors, double seconds, double cpuMs) {
        long[] l = Arrays.copyOf(latencyNanos, count);
        Arrays.sort(l);
        return new LoadFigures(label, count, errors, seconds, pct(l, 0.50), pct(l, 0.99),
                l.length == 0 ? 0 : l[l.length - 1] / 1e6, cpuMs);
    }

    private static double pct(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }
}
