package org.dang.engine.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** Prepares {@code distinct} generated situations (the mix of {@code dang bench decisions}). */
    public ApiBenchmark(int clients, int distinct, long seed) {
        this.clients = clients;
        SituationGenerator gen = new SituationGenerator(seed, Instant.parse("2026-01-01T00:00:00Z"));
        this.situations = new String[distinct];
        for (int i = 0; i < distinct; i++) {
            situations[i] = Json.write(gen.next(i));
        }
    }

    /** Baseline: parse and {@link Engine#decide} in process, from the same number of threads. */
    public LoadFigures inProcess(Engine engine, Duration length) throws Exception {
        return run("in-process Engine.decide", length, i -> {
            Situation s = SituationReader.parse(situations[i % situations.length], "bench");
            engine.decide(s);
            return 200;
        });
    }

    /** {@code POST /orchestrate} of the generated situations. */
    public LoadFigures orchestrate(URI base, String token, Duration length) throws Exception {
        URI uri = base.resolve("/orchestrate");
        return run("POST /orchestrate", length, i -> send(HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(situations[i % situations.length])).build()));
    }

    /** {@code GET /decisions}: a page of 20, alternating unfiltered and filtered by action. */
    public LoadFigures decisions(URI base, String token, Duration length) throws Exception {
        URI plain = base.resolve("/decisions?limit=20");
        URI filtered = base.resolve("/decisions?limit=20&action=ALERT");
        return run("GET /decisions (limit 20)", length, i -> send(HttpRequest.newBuilder(i % 2 == 0 ? plain : filtered)
                .header("Authorization", "Bearer " + token).GET().build()));
    }

    private int send(HttpRequest request) throws Exception {
        HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        return r.statusCode();
    }

    private LoadFigures run(String label, Duration length, Call call) throws Exception {
        int capacity = 4_000_000;
        long[] latencies = new long[capacity];
        AtomicInteger next = new AtomicInteger();
        AtomicLong errors = new AtomicLong();
        long end = System.nanoTime() + length.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients,
                Thread.ofPlatform().name("bench-client-", 0).factory());
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
        return LoadFigures.of(label, latencies, Math.min(next.get(), capacity), errors.get(), seconds);
    }
}
