package org.dang.engine.advisor;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.dang.engine.decision.Decision;
import org.dang.engine.decision.DecisionEngine;
import org.dang.engine.llm.ChatHandle;
import org.dang.engine.llm.ChatListener;
import org.dang.engine.llm.ChatModel;
import org.dang.engine.llm.ChatRequest;
import org.dang.engine.llm.ChatResult;
import org.dang.engine.llm.ChatTimings;
import org.dang.engine.llm.FinishReason;
import org.dang.engine.llm.TokenUsage;
import org.dang.engine.llm.Sampling;
import org.dang.engine.llm.TokenBudget;
import org.dang.engine.situation.Situation;

/**
 * The language model as advisor to the decision rules (docs/advisor.md): the rules decide first;
 * when they flag the situation as ambiguous, or an operator asks, the model is given a bounded
 * summary and must answer with one JSON object; the engine validates it and the rules keep the
 * final word. {@link #decide} and {@link #consult} block the calling thread up to the deadline; the
 * live engine decides first and calls {@link #ask} on its own advisor thread ({@code AdviceDesk}).
 */
public final class DecisionAdvisor {

    /** Reasoning and answer budget for one advice request. */
    public static final TokenBudget BUDGET = TokenBudget.of(2048, 512);

    private final DecisionEngine rules;
    private final ChatModel model;
    private final Duration deadline;
    private final InstantSource clock;
    private final AdvisorPrompt prompt;
    private final AdviceSchema schema;
    private final AmbiguityCheck ambiguity;
    private final AdviceJudge judge;

    /**
     * @param rules    the deterministic rules
     * @param model    the model (usually {@code Engine.llm()}'s ladder)
     * @param deadline how long to wait for the final message before the rules decide alone
     * @param clock    stamps decisions and advice
     */
    public DecisionAdvisor(DecisionEngine rules, ChatModel model, Duration deadline, InstantSource clock) {
        this.rules = rules;
        this.model = model;
        this.deadline = deadline;
        this.clock = clock;
        this.prompt = AdvisorPrompt.load(AdvisorPrompt.CURRENT);
        this.schema = AdviceSchema.standard();
        var cfg = rules.config();
        this.ambiguity = new AmbiguityCheck(cfg.decisionEngine().rules(), cfg.modules());
        this.judge = new AdviceJudge(rules, schema);
    }

    /** Decides a situation: the rules alone when they are clear, with the model's advice when ambiguous. */
    public AdvisedDecisions decide(Situation situation, List<Decision> recent) {
        List<Decision> ruleDecisions = rules.decide(situation);
        Ambiguity a = ambiguity.assess(situation, ruleDecisions);
        if (!a.ambiguous()) {
            return new AdvisedDecisions(ruleDecisions, a, Optional.empty());
        }
        return ask(UUID.randomUUID(), situation, ruleDecisions, a, "", recent, ChatListener.NONE,
                new CompletableFuture<>());
    }

    /** Asks the model on an operator's request, whatever the rules think of the situation. */
    public AdvisedDecisions consult(Situation situation, List<Decision> recent, String operatorText) {
        List<Decision> ruleDecisions = rules.decide(situation);
        return ask(UUID.randomUUID(), situation, ruleDecisions, operatorRequest(situation, ruleDecisions),
                operatorText == null ? "" : operatorText, recent, ChatListener.NONE,
                new CompletableFuture<>());
    }

    /** Why the rules' decisions on a situation are ambiguous; no reason when they are clear. */
    public Ambiguity assess(Situation situation, List<Decision> ruleDecisions) {
        return ambiguity.assess(situation, ruleDecisions);
    }

    /** The reasons for asking when an operator asks: OPERATOR_REQUEST first, then any the rules give. */
    public Ambiguity operatorRequest(Situation situation, List<Decision> ruleDecisions) {
        List<String> reasons = new ArrayList<>(ambiguity.assess(situation, ruleDecisions).reasons());
        reasons.addFirst("OPERATOR_REQUEST: an operator asked for the model's advice");
        return new Ambiguity(reasons);
    }

    /** How long {@link #ask} waits for the model's final message. */
    public Duration deadline() {
        return deadline;
    }

    /** The prompt text for a situation (also what replay rebuilds to check the recorded hash). */
    public String promptFor(Situation situation, List<Decision> ruleDecisions, List<Map<String, Object>> recent,
                            List<String> askedBecause, String operatorText) {
        return prompt.fill(PlantSummary.dataBlock(situation, ruleDecisions, recent, askedBecause, operatorText),
                schema.text());
    }

    /**
     * Asks the model about decisions the rules already made and judges the answer. Blocks up to the
     * deadline, or until {@code stop} completes (its value says why, e.g. the engine shutting down):
     * the reply is then cancelled and the rules decide ({@code MODEL_UNAVAILABLE}, reply ended
     * CANCELLED with that reason).
     *
     * @param adviceId      the id the advice is recorded under
     * @param ruleDecisions the rules' decisions on {@code situation}
     * @param a             why the model is asked
     * @param operatorText  the operator's question, empty when the rules asked
     * @param listener      gets the reply's reasoning and answer as they stream
     * @param stop          completes to give up early
     */
    public AdvisedDecisions ask(UUID adviceId, Situation situation, List<Decision> ruleDecisions, Ambiguity a,
                                String operatorText, List<Decision> recentDecisions, ChatListener listener,
                                CompletableFuture<String> stop) {
        long started = System.nanoTime();
        Instant askedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<Map<String, Object>> recent = recentDecisions.stream()
                .limit(PlantSummary.MAX_ITEMS).map(PlantSummary::recent).toList();
        String text = promptFor(situation, ruleDecisions, recent, a.reasons(), operatorText);
        ModelReply reply = call(ChatRequest.ask(text, Sampling.deepSeekDefaults(), BUDGET), listener, stop);
        Verdict verdict = judge.judge(situation, ruleDecisions, reply, operatorAsked(a.reasons()));
        String reasoning = reply.result().map(ChatResult::reasoning).orElse("");
        Duration latency = Duration.ofNanos(System.nanoTime() - started);
        List<Decision> decisions = judge.merge(situation, ruleDecisions, verdict, reasoning,
                clock.instant().truncatedTo(ChronoUnit.MICROS), latency, operatorAsked(a.reasons()));
        Advice advice = new Advice(adviceId, askedAt, a.reasons(), operatorText, prompt.version(),
                AdvisorPrompt.hash(text), reply.result().flatMap(ChatResult::answeredBy).orElse(model.info()),
                reply.result().map(r -> r.finish().name()).orElse(Advice.TIMEOUT), reasoning,
                reply.result().map(ChatResult::answer).orElse(""), verdict, reply.latency(), recent);
        return new AdvisedDecisions(decisions, a, Optional.of(advice));
    }

    private ModelReply call(ChatRequest request, ChatListener listener, CompletableFuture<String> stop) {
        long started = System.nanoTime();
        ChatHandle handle = model.stream(request, listener);
        try {
            Object first = CompletableFuture.anyOf(handle.result(), stop).get(deadline.toNanos(), TimeUnit.NANOSECONDS);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            if (first instanceof ChatResult r) {
                return new ModelReply(Optional.of(r), took);
            }
            // Given up before the model answered: its reply is cancelled and recorded as such.
            handle.cancel();
            return new ModelReply(Optional.of(new ChatResult("", "", FinishReason.CANCELLED,
                    Optional.of(String.valueOf(first)), TokenUsage.none(), new ChatTimings(Optional.empty(), took, 0),
                    Optional.empty())), took);
        } catch (TimeoutException e) {
            handle.cancel();
            return ModelReply.timedOut(deadline);
        } catch (InterruptedException e) {
            handle.cancel();
            Thread.currentThread().interrupt();
            return ModelReply.timedOut(Duration.ofNanos(System.nanoTime() - started));
        } catch (ExecutionException e) {
            // The contract says the future never fails; if a backend breaks it, record it as an error reply.
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            return new ModelReply(Optional.of(new ChatResult("", "", FinishReason.ERROR,
                    Optional.of("backend failed: " + e.getCause()), TokenUsage.none(),
                    new ChatTimings(Optional.empty(), took, 0), Optional.empty())), took);
        }
    }

    /**
     * Whether an operator asked: through {@code consult}, or with a request in words only; the model's
     * work then gets operator priority.
     */
    static boolean operatorAsked(List<String> reasons) {
        return reasons.stream().anyMatch(r -> r.startsWith("OPERATOR_REQUEST:") || r.startsWith("OPERATOR_WORDS:"));
    }
}
