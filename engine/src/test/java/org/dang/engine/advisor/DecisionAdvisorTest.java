package org.dang.engine.advisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.dang.engine.config.DangConfig;
import org.dang.engine.decision.Decision;
import org.dang.engine.decision.DecisionAction;
import org.dang.engine.decision.DecisionEngine;
import org.dang.engine.decision.DecisionSource;
import org.dang.engine.llm.FinishReason;
import org.dang.engine.module.ModuleName;
import org.dang.engine.module.WorkPriority;
import org.dang.engine.situation.Situation;

class DecisionAdvisorTest {

    static final String REASONING = "The margin moved 7 % and the furnace is 5 % under baseline; the slate matters more.";

    private final DecisionEngine rules = new DecisionEngine(DangConfig.defaults(), InstantSource.system());

    private DecisionAdvisor advisor(RecordedChatModel model) {
        return new DecisionAdvisor(rules, model, Duration.ofSeconds(5), InstantSource.system());
    }

    static String answer(String action, String module, String parameters, double confidence) {
        return """
                {"action":"%s","module":%s,"parameters":%s,"confidence":%s,"rationale":"margins first"}"""
                .formatted(action, module, parameters, confidence);
    }

    private static List<String> signatures(List<Decision> ds) {
        return ds.stream().map(d -> d.action() + " " + d.module() + " " + d.priority()).toList();
    }

    @Test
    void clearSituationsNeverReachTheModel() {
        RecordedChatModel model = RecordedChatModel.answering("", answer("NONE", "null", "{}", 1));
        AdvisedDecisions out = advisor(model).decide(Situations.clear(), List.of());
        assertTrue(out.advice().isEmpty());
        assertEquals(0, model.prompts.size());
        assertEquals(DecisionSource.RULES, out.decisions().getFirst().source());
    }

    @Test
    void acceptedAdviceReplacesTheRulesWorkOnItsModule() {
        RecordedChatModel model = RecordedChatModel.answering(REASONING,
                answer("INVOKE", "\"optimization\"", "{\"objective\":\"product_slate\"}", 0.92));
        Situation s = Situations.severalTriggers();
        AdvisedDecisions out = advisor(model).decide(s, List.of());
        assertEquals(1, model.prompts.size());
        Advice a = out.advice().orElseThrow();
        assertTrue(a.verdict().accepted());
        assertEquals(AdvisorPrompt.hash(model.prompts.getFirst()), a.promptHash());
        assertEquals("advisor-v1", a.promptVersion());
        assertEquals("STOP", a.finish());
        Decision llm = out.decisions().stream().filter(d -> d.source() == DecisionSource.LLM).findFirst().orElseThrow();
        assertEquals(DecisionAction.INVOKE, llm.action());
        assertEquals(ModuleName.OPTIMIZATION, llm.module());
        assertEquals(WorkPriority.OPTIMIZATION, llm.priority());
        assertEquals(Map.of("objective", "product_slate"), llm.parameters());
        assertEquals(0.92, llm.confidence());
        assertEquals(REASONING, llm.reasoning());
        // The rules' analysis run (another module) stays as the rules decided it.
        assertEquals(List.of("INVOKE OPTIMIZATION OPTIMIZATION", "INVOKE ANALYSIS ANALYSIS"), signatures(out.decisions()));
    }

    private void assertOverruled(RecordedChatModel model, Situation s, OverruleReason reason, String detail) {
        AdvisedDecisions out = advisor(model).decide(s, List.of());
        Advice a = out.advice().orElseThrow();
        Overrule o = a.verdict().overrule().orElseThrow();
        assertEquals(reason, o.reason(), o.detail());
        assertTrue(o.detail().contains(detail), o.detail());
        // The rules decide: same decisions as without the model, each saying why the model lost.
        assertEquals(signatures(rules.decide(s)), signatures(out.decisions()));
        for (Decision d : out.decisions()) {
            assertEquals(DecisionSource.LLM_OVERRULED, d.source());
            assertTrue(d.rationale().contains("model overruled (" + reason + ": "), d.rationale());
            assertEquals(1.0, d.confidence());
        }
    }

    @Test
    void confidenceBelowTheThresholdIsOverruled() {
        assertOverruled(RecordedChatModel.answering(REASONING, answer("NONE", "null", "{}", 0.79)),
                Situations.severalTriggers(), OverruleReason.LOW_CONFIDENCE,
                "confidence 0.79 is below decision_engine.confidence_threshold 0.8");
    }

    @Test
    void unknownModuleIsOverruled() {
        assertOverruled(RecordedChatModel.answering(REASONING, answer("INVOKE", "\"blending\"", "{}", 0.95)),
                Situations.severalTriggers(), OverruleReason.UNKNOWN_MODULE, "$.module");
    }

    @Test
    void parameterOutOfRangeIsOverruled() {
        assertOverruled(RecordedChatModel.answering(REASONING, answer("INVOKE", "\"forecasting\"",
                "{\"horizon\":1000}", 0.95)), Situations.severalTriggers(), OverruleReason.PARAMETER_OUT_OF_RANGE,
                "$.parameters.horizon: 1000 is above the maximum 168");
    }

    @Test
    void proseInsteadOfJsonIsOverruled() {
        assertOverruled(RecordedChatModel.answering(REASONING, "Run the optimiser, it is obviously right."),
                Situations.severalTriggers(), OverruleReason.MALFORMED_JSON, "not one JSON object");
    }

    @Test
    void deadModelIsOverruled() {
        assertOverruled(RecordedChatModel.failing(FinishReason.UNAVAILABLE, "model unavailable: connection refused"),
                Situations.severalTriggers(), OverruleReason.MODEL_UNAVAILABLE, "connection refused");
    }

    @Test
    void silentModelTimesOutAndIsCancelled() {
        RecordedChatModel model = RecordedChatModel.silent();
        DecisionAdvisor advisor = new DecisionAdvisor(rules, model, Duration.ofMillis(50), InstantSource.system());
        AdvisedDecisions out = advisor.decide(Situations.severalTriggers(), List.of());
        Advice a = out.advice().orElseThrow();
        assertEquals(Advice.TIMEOUT, a.finish());
        assertEquals(OverruleReason.TIMEOUT, a.verdict().overrule().orElseThrow().reason());
        assertEquals(1, model.cancels.get());
        assertEquals(signatures(rules.decide(Situations.severalTriggers())), signatures(out.decisions()));
    }

    @Test
    void droppingSafetyWorkLosesToRule2() {
        // The model would serve the operator's forecast and skip the tightened optimisation that rule 2 demands.
        assertOverruled(RecordedChatModel.answering(REASONING, answer("INVOKE", "\"forecasting\"",
                "{\"horizon\":12}", 0.99)), Situations.safetyAndOperator(), OverruleReason.SAFETY_RULE,
                "rule 2 requires INVOKE optimization at SAFETY");
        // Relaxing the constraints on the same module loses too.
        assertOverruled(RecordedChatModel.answering(REASONING, answer("INVOKE", "\"optimization\"",
                "{\"constraints\":\"normal\"}", 0.99)), Situations.safetyAndOperator(), OverruleReason.SAFETY_RULE,
                "constraints=tightened");
    }

    @Test
    void runningAGatedModuleLosesToRule1() {
        assertOverruled(RecordedChatModel.answering(REASONING, answer("INVOKE", "\"optimization\"", "{}", 0.99)),
                Situations.severalTriggersStalePressure(), OverruleReason.SAFETY_RULE, "top_pressure");
    }

    @Test
    void agreeingWithSafetyWorkStands() {
        RecordedChatModel model = RecordedChatModel.answering(REASONING,
                answer("INVOKE", "\"optimization\"", "{\"constraints\":\"tightened\",\"objective\":\"energy\"}", 0.9));
        AdvisedDecisions out = advisor(model).decide(Situations.safetyAndOperator(), List.of());
        assertTrue(out.advice().orElseThrow().verdict().accepted());
        Decision llm = out.decisions().stream().filter(d -> d.source() == DecisionSource.LLM).findFirst().orElseThrow();
        assertEquals(WorkPriority.SAFETY, llm.priority());
        // The HIGH alert from the event stays, the operator's forecast too.
        assertEquals(List.of("ALERT null HIGH", "INVOKE OPTIMIZATION SAFETY", "INVOKE FORECASTING OPERATOR_REQUEST"),
                signatures(out.decisions()));
    }

    @Test
    void operatorCanAskAboutAClearSituation() {
        RecordedChatModel model = RecordedChatModel.answering(REASONING,
                answer("INVOKE", "\"forecasting\"", "{\"horizon\":12,\"model_selection\":\"auto\"}", 0.85));
        AdvisedDecisions out = advisor(model).consult(Situations.clear(), List.of(), "what does the market say about diesel?");
        Advice a = out.advice().orElseThrow();
        assertEquals("what does the market say about diesel?", a.operatorText());
        assertTrue(a.askedBecause().getFirst().startsWith("OPERATOR_REQUEST:"));
        assertTrue(model.prompts.getFirst().contains("\"operator_question\":\"what does the market say about diesel?\""));
        Decision llm = out.decisions().getFirst();
        assertEquals(DecisionSource.LLM, llm.source());
        assertEquals(WorkPriority.OPERATOR_REQUEST, llm.priority());
        assertFalse(out.decisions().stream().anyMatch(d -> d.action() == DecisionAction.NONE && d.module() == null),
                "the rules' plain NONE gives way to the model's decision");
    }

    @Test
    void analysisWithoutMarketDataLosesToRule1() {
        RecordedChatModel model = RecordedChatModel.answering(REASONING,
                answer("INVOKE", "\"analysis\"", "{\"lookback_days\":30}", 0.85));
        AdvisedDecisions out = advisor(model).consult(Situations.clear(), List.of(), "check the market");
        Overrule o = out.advice().orElseThrow().verdict().overrule().orElseThrow();
        assertEquals(OverruleReason.SAFETY_RULE, o.reason());
        assertTrue(o.detail().contains("rule 1"), o.detail());
        assertEquals(List.of("NONE null null"), signatures(out.decisions()));
    }

    @Test
    void deferringAGatedModuleLeavesOneDecisionForIt() {
        RecordedChatModel model = RecordedChatModel.answering(REASONING,
                answer("DEFER", "\"optimization\"", "{}", 0.9));
        AdvisedDecisions out = advisor(model).decide(Situations.severalTriggersStalePressure(), List.of());
        assertTrue(out.advice().orElseThrow().verdict().accepted());
        assertEquals(List.of("ALERT OPTIMIZATION MEDIUM", "INVOKE FORECASTING OPERATOR_REQUEST", "INVOKE ANALYSIS ANALYSIS",
                "DEFER OPTIMIZATION OPTIMIZATION"), signatures(out.decisions()));
        Decision deferred = out.decisions().getLast();
        assertEquals(DecisionSource.LLM, deferred.source());
        assertTrue(deferred.triggers().stream().anyMatch(t -> t.kind() == org.dang.engine.decision.TriggerKind.DATA_QUALITY),
                deferred.triggers().toString());
    }

    @Test
    void workNothingCalledForIsRefusedUnlessAnOperatorAsked() {
        // Several triggers ask for analysis and optimisation; forecasting is fresh and nobody asked for it.
        Situation s = Situations.severalTriggers();
        assertOverruled(RecordedChatModel.answering(REASONING, answer("INVOKE", "\"forecasting\"", "{\"horizon\":6}", 0.95)),
                s, OverruleReason.UNREQUESTED_WORK, "nothing in the situation calls for forecasting work");
        // The same answer stands when the operator asked the advisor.
        AdvisedDecisions consulted = advisor(RecordedChatModel.answering(REASONING,
                answer("INVOKE", "\"forecasting\"", "{\"horizon\":6}", 0.95))).consult(s, List.of(), "forecast please");
        assertTrue(consulted.advice().orElseThrow().verdict().accepted());
    }

    @Test
    void aRequestInWordsOnlyIsAskedAboutAndTheModelsWorkGetsOperatorPriority() {
        Situation s = Situations.parse("""
                {"id":"words","time":"2026-11-24T06:00:00Z","tags":[%s],"market":{"price_move_sigma":0.1,"crack_spread_move_sigma":0.2,"inventory_surprise_sigma":0.1,"margin_shift_pct":0.5},
                 "operator_requests":[{"id":"r-5","requested_by":"op.lee","text":"run the market analysis for 3 days"}]}"""
                .formatted(Situations.tags("\"value\":3.0")));
        RecordedChatModel model = RecordedChatModel.answering(REASONING,
                answer("INVOKE", "\"analysis\"", "{\"lookback_days\":3}", 0.9));
        AdvisedDecisions out = advisor(model).decide(s, List.of());
        assertTrue(out.ambiguity().reasons().getFirst().startsWith("OPERATOR_WORDS: operator request \"r-5\" names no module"),
                out.ambiguity().reasons().toString());
        assertTrue(model.prompts.getFirst().contains("\"module\":null"), "the prompt shows the request has no module");
        assertEquals(List.of("INVOKE ANALYSIS OPERATOR_REQUEST"), signatures(out.decisions()));
    }
}
