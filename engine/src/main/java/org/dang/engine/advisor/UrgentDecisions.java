package org.dang.engine.advisor;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.dang.engine.decision.Decision;
import org.dang.engine.decision.DecisionAction;
import org.dang.engine.decision.DecisionSource;
import org.dang.engine.module.ModuleName;
import org.dang.engine.module.WorkPriority;

/**
 * Which of a cycle's decisions cannot wait for the model: the rules' ALERTs and their SAFETY work.
 * The model can never overrule them (alerts are the rules' alone; rule 2 keeps safety work), so the
 * live engine records and dispatches them at once and holds only the rest for the model's advice.
 */
public final class UrgentDecisions {

    private UrgentDecisions() {
    }

    /** Whether a rule decision is recorded and dispatched without waiting for the model. */
    public static boolean cannotWait(Decision d) {
        return d.action() == DecisionAction.ALERT
                || (d.action() == DecisionAction.INVOKE && d.priority() == WorkPriority.SAFETY);
    }

    /** The rules' decisions that go at once. */
    public static List<Decision> urgent(List<Decision> ruleDecisions) {
        return ruleDecisions.stream().filter(UrgentDecisions::cannotWait).toList();
    }

    /** The modules the rules already set to work at SAFETY priority. */
    public static Set<ModuleName> safetyModules(List<Decision> ruleDecisions) {
        Set<ModuleName> out = EnumSet.noneOf(ModuleName.class);
        ruleDecisions.stream().filter(d -> d.action() == DecisionAction.INVOKE && d.priority() == WorkPriority.SAFETY)
                .forEach(d -> out.add(d.module()));
        return out;
    }

    /**
     * The part of an advised cycle ({@code merged}, from {@link AdviceJudge#merge}) that was held: the
     * merged decisions less the alerts and less the rules' (possibly overruled) copies of work already
     * dispatched at SAFETY. The model's own decision always stays, even on a safety module (it then
     * matches the safety work, or it would have been overruled).
     */
    public static List<Decision> heldPart(List<Decision> merged, List<Decision> ruleDecisions) {
        Set<ModuleName> safety = safetyModules(ruleDecisions);
        return merged.stream()
                .filter(d -> d.action() != DecisionAction.ALERT)
                .filter(d -> d.source() == DecisionSource.LLM || d.module() == null || !safety.contains(d.module()))
                .toList();
    }
}
