package org.dang.engine.advisor;

/** Why the rules decided instead of the model (docs/advisor.md, "Overrule reasons"). */
public enum OverruleReason {
    /** No backend answered, or the reply ended in an error or was cancelled. */
    MODEL_UNAVAILABLE,
    /** No reply within the advisor's deadline. */
    TIMEOUT,
    /** The answer is not exactly one JSON object. */
    MALFORMED_JSON,
    /** The object breaks the schema: unknown or missing fields, wrong types, unknown action. */
    SCHEMA_VIOLATION,
    /** The module is not one of the engine's modules. */
    UNKNOWN_MODULE,
    /** A parameter is unknown to the module or outside its allowed range. */
    PARAMETER_OUT_OF_RANGE,
    /** Valid, but its confidence is below decision_engine.confidence_threshold. */
    LOW_CONFIDENCE,
    /** Valid, but it would run a module on bad data (rule 1) or drop safety work (rule 2). */
    SAFETY_RULE,
    /** Valid, but it starts module work that no rule proposed and no operator asked for. */
    UNREQUESTED_WORK
}
