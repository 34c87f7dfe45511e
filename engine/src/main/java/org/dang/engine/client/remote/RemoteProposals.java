package org.dang.engine.client.remote;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;

import org.dang.engine.client.ProposalQueue;
import org.dang.engine.client.ProposalWatcher;
import org.dang.engine.client.Subscription;
import org.dang.engine.json.Json;
import org.dang.engine.module.optimize.OptimizationProposal;

/**
 * Optimisation proposals of a remote engine ({@code /optimization/proposals}, {@code POST /invoke/optimization});
 * an optimisation run finishing on the engine (a {@code module_run} event) shows its newest open proposal.
 */
final class RemoteProposals implements ProposalQueue {

    /** How long a propose waits on the server before the answer says "still running". */
    static final Duration PROPOSE_WAIT = Duration.ofSeconds(25);

    private final EngineHttp http;
    private final EventStream events;
    /** How long one {@code /invoke} may wait for the run: {@link #PROPOSE_WAIT} or less when the server allows less. */
    private final Duration wait;
    private volatile String unavailable = "";

    RemoteProposals(EngineHttp http, EventStream events, Duration wait) {
        this.http = http;
        this.events = events;
        this.wait = wait;
    }

    /** Asks the engine whether it has a proposal desk. */
    void probe() {
        try {
            http.get("/optimization/proposals");
            unavailable = "";
        } catch (RemoteEngineException e) {
            if (e.status() != 409) {
                throw e;
            }
            unavailable = "The engine at " + http.engine() + " has no unit that takes setpoint moves (" + e.getMessage()
                    + ").";
        }
    }

    @Override
    public boolean available() {
        return unavailable.isEmpty();
    }

    @Override
    public String unavailableReason() {
        return unavailable;
    }

    @Override
    public List<OptimizationProposal> open() {
        List<OptimizationProposal> out = new ArrayList<>();
        for (JsonNode p : http.get("/optimization/proposals").path("proposals")) {
            out.add(proposal(p));
        }
        return out;
    }

    private OptimizationProposal proposal(JsonNode p) {
        try {
            return Json.mapper().treeToValue(p, OptimizationProposal.class);
        } catch (Exception e) {
            throw new RemoteEngineException(200, "bad_proposal", "a proposal from " + http.engine()
                    + " could not be read: " + e.getMessage(), e);
        }
    }

    @Override
    public CompletableFuture<OptimizationProposal> propose() {
        return CompletableFuture.supplyAsync(() -> {
            JsonNode answer = http.post("/invoke/optimization?wait=" + wait.toSeconds(), Map.of(),
                    wait.plusSeconds(10));
            if (!"COMPLETED".equals(answer.path("status").asText())) {
                throw new IllegalStateException("the optimisation run " + answer.path("run_id").asText()
                        + " is still running on the engine; its proposal will show when it finishes");
            }
            return proposal(answer.path("result"));
        }, command -> Thread.ofVirtual().name("remote-propose").start(command));
    }

    @Override
    public String approve(String id, Set<String> selected) {
        return act(id, "approve", Map.of("selected", List.copyOf(selected)));
    }

    @Override
    public String reject(String id, String reason) {
        return act(id, "reject", Map.of("reason", reason == null ? "" : reason));
    }

    private String act(String id, String verb, Object body) {
        try {
            return http.post("/optimization/proposals/" + URLEncoder.encode(id, StandardCharsets.UTF_8) + "/" + verb,
                    body).path("detail").asText();
        } catch (RemoteEngineException e) {
            throw switch (e.status()) {
                case 404 -> new NoSuchElementException(e.getMessage());
                case 400 -> new IllegalArgumentException(e.getMessage(), e);
                case 409 -> new IllegalStateException(e.getMessage(), e);
                default -> e;
            };
        }
    }

    @Override
    public Subscription watch(ProposalWatcher watcher) {
        return events.on("module_run", e -> {
            if (e.isNull() || !"optimization".equals(e.path("module").asText())) {
                return;
            }
            switch (e.path("event").asText()) {
                case "SUCCEEDED" -> {
                    List<OptimizationProposal> open = open();
                    if (!open.isEmpty()) {
                        watcher.proposed(open.getFirst());
                    }
                }
                case "FAILED", "TIMEDOUT" -> watcher.failed("run " + e.path("run_id").asText() + " "
                        + e.path("event").asText().toLowerCase(java.util.Locale.ROOT) + " on the engine (see Activity)");
                default -> {
                    // Queued, started, retrying, cancelled: the propose button's own state covers them.
                }
            }
        });
    }
}
