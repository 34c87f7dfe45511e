package org.dang.engine.decision;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.dang.engine.config.RuleThresholds;
import org.dang.engine.module.ModuleName;
import org.dang.engine.module.WorkPriority;
import org.dang.engine.situation.EventKind;
import org.dang.engine.situation.KpiReading;
import org.dang.engine.situation.MarketIndicators;
import org.dang.engine.situation.OperatorRequest;
import org.dang.engine.situation.PlantEvent;
import org.dang.engine.situation.ScheduleWindow;
import org.dang.engine.situation.Situation;

/**
 * Rules 2 to 6 and operator requests of the decision contract: plant-level alerts and the module
 * work they propose. Rule 1 and rule 7 filter the proposals afterwards.
 */
final class TriggerRules {

    /**
     * What the trigger rules found in one situation.
     *
     * @param unread one NONE per operator request written in words only (the rules do not read words)
     */
    record Findings(List<Draft> alerts, List<Proposal> proposals, List<Draft> unread) {
    }

    private static final Map<String, Object> AUTO_SELECTION = Map.of("model_selection", "auto");

    private final RuleThresholds limits;

    TriggerRules(RuleThresholds limits) {
        this.limits = limits;
    }

    Findings evaluate(Situation s) {
        List<Draft> alerts = new ArrayList<>();
        List<Proposal> proposals = new ArrayList<>();
        List<Draft> unread = new ArrayList<>();
        safety(s, alerts, proposals);
        performance(s, proposals);
        market(s, proposals);
        schedule(s, proposals);
        operatorRequests(s, proposals, unread);
        forecastRefresh(s, proposals);
        return new Findings(alerts, proposals, unread);
    }

    /** Rule 2: every event alerts; one that degrades performance re-optimises under tightened constraints. */
    private void safety(Situation s, List<Draft> alerts, List<Proposal> proposals) {
        for (PlantEvent e : s.events()) {
            TriggerKind kind = e.kind() == EventKind.EQUIPMENT
                    ? TriggerKind.EQUIPMENT : TriggerKind.SAFETY;
            String what = e.kind().name().toLowerCase(Locale.ROOT) + " from " + quoted(e.source()) + ": "
                    + quoted(e.description()) + (e.tags().isEmpty() ? "" : " (tags " + e.tags() + ")");
            Trigger t = new Trigger(kind, what);
            alerts.add(new Draft(List.of(t), DecisionAction.ALERT, null, e.severity(), Map.of(),
                    e.severity() + " " + what));
            if (e.degradesPerformance()) {
                proposals.add(Proposal.of(ModuleName.OPTIMIZATION, WorkPriority.SAFETY,
                        new Trigger(kind, "re-optimise under tightened constraints: " + what),
                        Map.of("constraints", "tightened")));
            }
        }
    }

    /** Rule 3: a KPI worse than its baseline by more than the margin. */
    private void performance(Situation s, List<Proposal> proposals) {
        for (KpiReading k : s.performance()) {
            double shortfall = k.shortfallPct();
            if (shortfall > limits.efficiencyMarginPct()) {
                proposals.add(Proposal.of(ModuleName.OPTIMIZATION, WorkPriority.OPTIMIZATION,
                        new Trigger(TriggerKind.PERFORMANCE, String.format(Locale.ROOT,
                                "%s at %.4g is %.1f%% worse than its baseline %.4g (margin %.1f%%)",
                                quoted(k.kpi()), k.value(), shortfall, k.baseline(), limits.efficiencyMarginPct())),
                        Map.of()));
            }
        }
    }

    /** Rule 4: price, crack-spread, inventory or margin moves beyond their thresholds. */
    private void market(Situation s, List<Proposal> proposals) {
        MarketIndicators m = s.market();
        if (m == null) {
            return;
        }
        List<String> moves = new ArrayList<>();
        sigmaMove(moves, "price", m.priceMoveSigma(), limits.marketSigma());
        sigmaMove(moves, "crack spread", m.crackSpreadMoveSigma(), limits.marketSigma());
        sigmaMove(moves, "inventory against seasonal norm", m.inventorySurpriseSigma(), limits.inventorySigma());
        boolean marginShift = Math.abs(m.marginShiftPct()) > limits.marginShiftPct();
        String margin = String.format(Locale.ROOT, "margin shifted %+.1f%% (threshold %.1f%%)",
                m.marginShiftPct(), limits.marginShiftPct());
        if (marginShift) {
            moves.add(margin);
        }
        if (moves.isEmpty()) {
            return;
        }
        proposals.add(Proposal.of(ModuleName.ANALYSIS, WorkPriority.ANALYSIS,
                new Trigger(TriggerKind.MARKET, "market changed: " + String.join(", ", moves)), Map.of()));
        if (marginShift) {
            proposals.add(Proposal.of(ModuleName.OPTIMIZATION, WorkPriority.OPTIMIZATION,
                    new Trigger(TriggerKind.MARKET, "re-optimise the product slate: " + margin),
                    Map.of("objective", "product_slate")));
        }
    }

    private static void sigmaMove(List<String> moves, String what, double sigma, double limit) {
        if (Math.abs(sigma) > limit) {
            moves.add(String.format(Locale.ROOT, "%s moved %+.1f sigma (threshold %.1f)", what, sigma, limit));
        }
    }

    /** Rule 5: a maintenance or optimisation window opening now. */
    private void schedule(Situation s, List<Proposal> proposals) {
        for (ScheduleWindow w : s.schedule()) {
            Duration fromStart = Duration.between(w.start(), s.time()).abs();
            if (fromStart.compareTo(limits.windowLead()) <= 0) {
                String kind = w.kind().name().toLowerCase(Locale.ROOT);
                proposals.add(Proposal.of(ModuleName.OPTIMIZATION, WorkPriority.OPTIMIZATION,
                        new Trigger(TriggerKind.SCHEDULE, kind.replace('_', ' ') + " opening at " + w.start()
                                + (w.description().isEmpty() ? "" : ": " + quoted(w.description()))),
                        Map.of("window", w.kind().name())));
            }
        }
    }

    /**
     * Operator requests, with forecasting defaulting to automatic model selection (rule 6). A request
     * in words only proposes no work: guessing a module from free text is the advisor's job, so the
     * rules say plainly that they did not act on it.
     */
    private void operatorRequests(Situation s, List<Proposal> proposals, List<Draft> unread) {
        for (OperatorRequest r : s.operatorRequests()) {
            if (r.wordsOnly()) {
                String who = r.requestedBy().isEmpty() ? "an operator" : quoted(r.requestedBy());
                Trigger t = new Trigger(TriggerKind.OPERATOR_REQUEST, who + " asked in words only: " + quoted(r.text()));
                unread.add(new Draft(List.of(t), DecisionAction.NONE, null, null, Map.of(),
                        "operator request " + quoted(r.id()) + " is in words only; the rules do not act on words,"
                                + " the advisor interprets it"));
                continue;
            }
            Map<String, Object> params = new HashMap<>(r.parameters());
            if (r.module() == ModuleName.FORECASTING) {
                AUTO_SELECTION.forEach(params::putIfAbsent);
            }
            String who = r.requestedBy().isEmpty() ? "an operator" : quoted(r.requestedBy());
            proposals.add(Proposal.of(r.module(), WorkPriority.OPERATOR_REQUEST,
                    new Trigger(TriggerKind.OPERATOR_REQUEST, who + " asked for " + r.module().key()
                            + (r.text().isEmpty() ? "" : ": " + quoted(r.text()))),
                    params));
        }
    }

    /** Rule 6: the last forecast is older than its TTL (only when the forecaster's status is known). */
    private void forecastRefresh(Situation s, List<Proposal> proposals) {
        boolean requested = s.operatorRequests().stream().anyMatch(r -> r.module() == ModuleName.FORECASTING);
        if (requested) {
            return;
        }
        s.status(ModuleName.FORECASTING).ifPresent(st -> {
            String why;
            if (st.lastRun() == null) {
                why = "no forecast has been made yet";
            } else {
                Duration age = Duration.between(st.lastRun(), s.time());
                if (age.compareTo(limits.forecastTtl()) <= 0) {
                    return;
                }
                why = "last forecast is " + age.toMinutes() + " min old (TTL " + limits.forecastTtl().toMinutes()
                        + " min)";
            }
            proposals.add(Proposal.of(ModuleName.FORECASTING, WorkPriority.FORECAST_REFRESH,
                    new Trigger(TriggerKind.FORECAST_DUE, why), AUTO_SELECTION));
        });
    }

    /** Plant text is data, never instructions: quote it so it reads as such in rationales and prompts. */
    static String quoted(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"").replace('\n', ' ') + '"';
    }
}
