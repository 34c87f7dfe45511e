package org.dang.engine.advisor;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.dang.engine.decision.Decision;
import org.dang.engine.decision.DecisionAction;
import org.dang.engine.decision.DecisionSource;
import org.dang.engine.llm.ChatListener;
import org.dang.engine.module.ModuleName;
import org.dang.engine.situation.Situation;
import org.dang.engine.store.DecisionQuery;
import org.dang.engine.store.DecisionStore;
import org.dang.engine.store.StoredDecision;

/**
 * The live engine's questions to the model (docs/advisor.md, "In the live engine"): holds the part of
 * a cycle that can wait, asks the model on an {@code advisor-N} thread with the advisor's deadline,
 * records the merged decisions with their advice, and hands them back to be dispatched. The caller
 * never waits for the model. At most {@code maxPending} questions wait at once.
 */
public final class AdviceDesk implements AutoCloseable {

    private static final Logger LOG = System.getLogger(AdviceDesk.class.getName());
    /** What a question cut short by {@link #close} is recorded with. */
    public static final String SHUTDOWN = "the engine shut down before the model answered";
    /** How long {@link #close} waits for the questions it cut short to be recorded. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(30);

    /** What the engine does with a cycle's decisions once they are recorded. */
    public interface Delivery {
        /**
         * Tells the decision listeners and dispatches the INVOKE decisions, except the withheld ones
         * (decision id to why); when {@code shuttingDown}, nothing new is dispatched.
         */
        void deliver(List<StoredDecision> recorded, Map<UUID, String> withheld, boolean shuttingDown);
    }

    private final DecisionAdvisor advisor;
    private final DecisionStore store;
    private final AdviceLog log;
    private final int maxPending;
    private final InstantSource clock;
    private final Delivery delivery;
    private final AdviceListener listener;
    private final ExecutorService threads =
            Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("advisor-", 1).factory());
    /** Pending questions in the order asked; guarded by itself. */
    private final Map<UUID, Question> pending = new LinkedHashMap<>();
    private boolean closed;

    /**
     * @param advisor    asks and judges
     * @param store      recent decisions for the prompt, and where the advised cycle is recorded
     * @param maxPending questions that may wait at once
     * @param clock      stamps the pending questions
     * @param delivery   dispatches recorded decisions
     * @param listener   told about every question (the engine's fan-out to its advice listeners)
     */
    public AdviceDesk(DecisionAdvisor advisor, DecisionStore store, int maxPending, InstantSource clock,
                      Delivery delivery, AdviceListener listener) {
        this.advisor = advisor;
        this.store = store;
        this.log = new AdviceLog(store);
        this.maxPending = maxPending;
        this.clock = clock;
        this.delivery = delivery;
        this.listener = listener;
    }

    /** The advisor behind the desk (the engine asks it whether a cycle is ambiguous). */
    public DecisionAdvisor advisor() {
        return advisor;
    }

    /** Why the desk takes no question now ({@code max_pending} reached, shutting down); empty when it does. */
    public Optional<String> refusal() {
        synchronized (pending) {
            if (closed) {
                return Optional.of("the engine is shutting down");
            }
            if (pending.size() >= maxPending) {
                return Optional.of(pending.size() + " questions are already waiting for the model (advisor.max_pending "
                        + maxPending + ")");
            }
            return Optional.empty();
        }
    }

    /**
     * Holds a cycle for the model's advice and returns at once. The rules' urgent decisions must already
     * be recorded and dispatched ({@code recordedNow}); the rest of {@code ruleDecisions} waits for the
     * answer or the deadline. Empty when the desk takes no question now ({@link #refusal()} says why):
     * the caller then lets the rules decide alone.
     *
     * @param askedBy the operator's name, or {@link PendingAdvice#RULES}
     */
    public Optional<PendingAdvice> hold(Situation situation, List<Decision> ruleDecisions, Ambiguity ambiguity,
                                        List<StoredDecision> recordedNow, String operatorText, String askedBy) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Question q = new Question(new PendingAdvice(UUID.randomUUID(), situation.id(), ambiguity.reasons(),
                operatorText, askedBy, now, now.plus(advisor.deadline()),
                ruleDecisions.stream().filter(d -> !UrgentDecisions.cannotWait(d)).toList(), "", ""),
                situation, ruleDecisions, ambiguity, recordedNow);
        synchronized (pending) {
            if (closed || pending.size() >= maxPending) {
                return Optional.empty();
            }
            pending.put(q.request.id(), q);
            listener.asked(q.request);
            // Under the lock: close() cannot shut the threads down between the check and the start.
            threads.execute(() -> run(q));
        }
        return Optional.of(q.request);
    }

    /** The questions waiting for the model, oldest first, with what the model has streamed so far. */
    public List<PendingAdvice> pending() {
        List<Question> qs;
        synchronized (pending) {
            qs = List.copyOf(pending.values());
        }
        return qs.stream().map(Question::snapshot).toList();
    }

    private void run(Question q) {
        PendingAdvice request = q.request;
        AdvisedDecisions advised;
        try {
            advised = advisor.ask(request.id(), q.situation, q.ruleDecisions, q.ambiguity, request.operatorText(),
                    recent(), q, q.stop);
        } catch (RuntimeException e) {
            // A broken prompt or judge must not lose the held decisions: the rules decide, and say why.
            LOG.log(Level.ERROR, "advice " + request.id() + " failed: " + e, e);
            recordRulesAlone(q, "; advisor failed (" + e.getMessage() + "), the rules decided alone");
            return;
        }
        List<StoredDecision> recorded = List.of();
        try {
            List<Decision> held = UrgentDecisions.heldPart(advised.decisions(), q.ruleDecisions);
            Advice advice = advised.advice().orElseThrow();
            if (held.isEmpty()) {
                // Only the urgent decisions were left (all of them already recorded): the advice explains those.
                log.recordAdvice(advice, q.recordedNow);
            } else {
                recorded = log.record(q.situation, new AdvisedDecisions(held, advised.ambiguity(), advised.advice()));
            }
            delivery.deliver(recorded, withheld(recorded, q), q.stop.isDone());
            synchronized (pending) {
                pending.remove(request.id()); // before telling the listeners, so a refresh no longer lists it
            }
            if (advice.verdict().accepted()) {
                listener.answered(request, advice, recorded);
            } else {
                listener.overruled(request, advice, recorded);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "advised decisions for situation " + request.situationId() + " were not recorded: "
                    + e.getMessage(), e);
        } finally {
            synchronized (pending) {
                pending.remove(request.id());
            }
        }
    }

    /** The rules' held decisions, recorded as they are with a note; used when asking itself failed. */
    private void recordRulesAlone(Question q, String note) {
        try {
            List<Decision> held = q.request.held().stream().map(d -> new Decision(d.id(), d.time(), d.situationId(),
                    d.triggers(), d.action(), d.module(), d.priority(), d.parameters(), d.rationale() + note,
                    d.reasoning(), d.confidence(), d.source(), d.latency())).toList();
            if (!held.isEmpty()) {
                delivery.deliver(store.record(q.situation, held), Map.of(), q.stop.isDone());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "held decisions for situation " + q.situation.id() + " were not recorded: "
                    + e.getMessage(), e);
        } finally {
            synchronized (pending) {
                pending.remove(q.request.id());
            }
        }
    }

    /** The model's INVOKE of a module the rules already set to work at SAFETY: recorded, not run twice. */
    private static Map<UUID, String> withheld(List<StoredDecision> recorded, Question q) {
        Set<ModuleName> safety = UrgentDecisions.safetyModules(q.ruleDecisions);
        Map<UUID, String> out = new LinkedHashMap<>();
        for (StoredDecision s : recorded) {
            Decision d = s.decision();
            if (d.source() == DecisionSource.LLM && d.action() == DecisionAction.INVOKE && safety.contains(d.module())) {
                String by = q.recordedNow.stream().filter(r -> r.decision().module() == d.module())
                        .map(r -> r.decision().id().toString()).findFirst().orElse("the rules");
                out.put(d.id(), d.module().key() + " was already dispatched at SAFETY priority by decision " + by
                        + " when the cycle was decided; not run twice");
            }
        }
        return out;
    }

    private List<Decision> recent() {
        try {
            return store.query(DecisionQuery.latest(PlantSummary.MAX_ITEMS)).items().stream()
                    .map(StoredDecision::decision).toList();
        } catch (RuntimeException e) {
            // The prompt then shows no history; the question itself still goes out.
            LOG.log(Level.WARNING, "recent decisions for the advisor could not be read: " + e.getMessage());
            return List.of();
        }
    }

    /**
     * Cuts every pending question short: each reply is cancelled and the rules decide
     * ({@code MODEL_UNAVAILABLE}, reply ended CANCELLED, "{@value #SHUTDOWN}"); the decisions are
     * recorded, and their work is not started. Waits up to 30 s for that to be written.
     */
    @Override
    public void close() {
        List<Question> cut;
        synchronized (pending) {
            closed = true;
            cut = new ArrayList<>(pending.values());
        }
        cut.forEach(q -> q.stop.complete(SHUTDOWN));
        threads.shutdown();
        try {
            if (!threads.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.log(Level.ERROR, "advisor threads still recording after " + CLOSE_WAIT.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One pending question: what it is about, and the reply text streamed so far. */
    private final class Question implements ChatListener {
        final PendingAdvice request;
        final Situation situation;
        final List<Decision> ruleDecisions;
        final Ambiguity ambiguity;
        final List<StoredDecision> recordedNow;
        final CompletableFuture<String> stop = new CompletableFuture<>();
        private final StringBuilder reasoning = new StringBuilder();
        private final StringBuilder answer = new StringBuilder();

        Question(PendingAdvice request, Situation situation, List<Decision> ruleDecisions, Ambiguity ambiguity,
                 List<StoredDecision> recordedNow) {
            this.request = request;
            this.situation = situation;
            this.ruleDecisions = List.copyOf(ruleDecisions);
            this.ambiguity = ambiguity;
            this.recordedNow = List.copyOf(recordedNow);
        }

        synchronized PendingAdvice snapshot() {
            return new PendingAdvice(request.id(), request.situationId(), request.askedBecause(),
                    request.operatorText(), request.askedBy(), request.askedAt(), request.deadline(), request.held(),
                    reasoning.toString(), answer.toString());
        }

        @Override
        public void reasoning(String text) {
            synchronized (this) {
                reasoning.append(text);
            }
            listener.streamed(request.id());
        }

        @Override
        public void answer(String text) {
            synchronized (this) {
                answer.append(text);
            }
            listener.streamed(request.id());
        }
    }
}
