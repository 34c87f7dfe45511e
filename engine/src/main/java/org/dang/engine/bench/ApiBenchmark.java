package org.dang.engine.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.dang.engine.Engine;
import org.dang.engine.json.Json;
import org.dang.engine.situation.Situation;
import org.dang.engine.situation.SituationReader;

/**
 * Closed-loop load on the HTTP API from {@code clients} threads over loopback, against the same work
 * done in process ({@link Engine#decide} without HTTP) as the baseline.
 */
public final class ApiBenchmark {

    /** One request a client thread makes; returns the HTTP status (or 200 for in-process work). */
    @FunctionalInterface
    interface Call {
        int run(int i) throws Exception;
    }

    private final int clients;
    private final String[] situations;

    /** Prepares {@code distinct} generated situations (the mix of {@code dang bench decisions}). */
    public ApiBenchmark(int clients, int distinct, long seed) {
        this.clients = clients;
        SituationGenerator gen = new SituationGenerator(seed, Instant.parse("2026-01-01T00:00:00Z"));
        this.situations = new String[distinct];
        for (int i = 0; i < distinct; i++) {
            situations[i] = Json.write(gen.next(i));
        }
    }

    /**
     * Baseline: parse and {@link Engine#decide} in process, from the same number of clients, each on a
     * virtual thread as the server runs them (platform threads convoy on the store's write lock).
     */
    public LoadFigures inProcess(Engine engine, Duration length) throws Exception {
        return run("in-process Engine.decide", length, Thread.ofVirtual().name("bench-client-", 0).factory(), i -> {
            Situation s = SituationReader.parse(situations[i % situations.length], "bench");
            engine.decide(s);
            return 200;
        });
    }

    /** {@code POST /orchestrate} of the generated situations. */
    public LoadFigures orchestrate(URI base, String token, Duration length) throws Exception {
        byte[][] bodies = new byte[situations.length][];
        for (int i = 0; i < bodies.length; i++) {
            bodies[i] = situations[i].getBytes(StandardCharsets.UTF_8);
        }
        return overHttp("POST /orchestrate", base, token, length,
                (client, i) -> client.send("POST", "/orchestrate", bodies[i % bodies.length]));
    }

    /** {@code GET /decisions}: the newest page of 20 and the one after it, as a history view pages. */
    public LoadFigures decisions(URI base, String token, Duration length) throws Exception {
        return overHttp("GET /decisions (pages of 20)", base, token, length, (client, i) -> client.send("GET",
                i % 2 == 0 ? "/decisions?limit=20" : "/decisions?limit=20&offset=20", null));
    }

    /** {@code GET /decisions} filtered by action: the match count and the page's seqs come from the action index. */
    public LoadFigures decisionsByAction(URI base, String token, Duration length) throws Exception {
        return overHttp("GET /decisions (action filter)", base, token, length, (client, i) -> client.send("GET",
                i % 2 == 0 ? "/decisions?limit=20&action=ALERT" : "/decisions?limit=20&offset=20&action=INVOKE", null));
    }

    /** {@code GET /decisions} filtered by text: a substring match, so counting the matches reads every decision. */
    public LoadFigures decisionsByText(URI base, String token, Duration length) throws Exception {
        return overHttp("GET /decisions (text filter)", base, token, length, (client, i) -> client.send("GET",
                i % 2 == 0 ? "/decisions?limit=20&text=crack" : "/decisions?limit=20&offset=20&text=crack", null));
    }

    /** One request over a client's own connection. */
    @FunctionalInterface
    private interface HttpCall {
        int run(LoopbackHttpClient client, int i) throws Exception;
    }

    private LoadFigures overHttp(String label, URI base, String token, Duration length, HttpCall call)
            throws Exception {
        // One kept-alive connection per client thread, as 16 separate clients would have.
        ThreadLocal<LoopbackHttpClient> connections = ThreadLocal.withInitial(() -> new LoopbackHttpClient(base, token));
        Set<LoopbackHttpClient> opened = ConcurrentHashMap.newKeySet();
        try {
            return run(label, length, i -> {
                LoopbackHttpClient c = connections.get();
                opened.add(c);
                try {
                    return call.run(c, i);
                } catch (IOException e) {
                    c.close();
                    throw e;
                }
            });
        } finally {
            opened.forEach(LoopbackHttpClient::close);
        }
    }

    private LoadFigures run(String label, Duration length, Call call) throws Exception {
        return run(label, length, Thread.ofPlatform().name("bench-client-", 0).factory(), call);
    }

    private LoadFigures run(String label, Duration length, ThreadFactory threads, Call call)
            throws Exception {
        int capacity = 4_000_000;
        long[] latencies = new long[capacity];
        AtomicInteger next = new AtomicInteger();
        AtomicLong errors = new AtomicLong();
        long end = System.nanoTime() + length.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients, threads);
        long cpuStarted = processCpuNanos();
        long started = System.nanoTime();
        try {
            List<Future<Void>> done = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                done.add(pool.submit((Callable<Void>) () -> {
                    while (System.nanoTime() < end) {
                        int i = next.getAndIncrement();
                        if (i >= capacity) {
                            return null;
                        }
                        long t0 = System.nanoTime();
                        int status;
                        try {
                            status = call.run(i);
                        } catch (Exception e) {
                            status = -1;
                        }
                        latencies[i] = System.nanoTime() - t0;
                        if (status < 200 || status > 299) {
                            errors.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<Void> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        double cpuMs = (processCpuNanos() - cpuStarted) / 1e6;
        return LoadFigures.of(label, latencies, Math.min(next.get(), capacity), errors.get(), seconds, cpuMs);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /**
     * {@code GET /status}: authentication, rate limiting, routing and a small JSON answer built from samples, with
     * no decision work; the HTTP baseline that shows what the server and the load generator cost on their own.
     */
    public LoadFigures status(URI base, String token, Duration length) throws Exception {
        return overHttp("GET /status (HTTP baseline)", base, token, length,
                (client, i) -> client.send("GET", "/status", null));
    }
}
