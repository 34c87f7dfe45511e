package org.dang.engine.decision;

/** Who made a decision: the deterministic rules, the LLM, or the rules after overruling the LLM. */
public enum DecisionSource {
    RULES, LLM, LLM_OVERRULED
}
