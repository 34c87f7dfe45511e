package org.dang.engine.decision;

/** Why the engine looked at a situation; one per rule of the decision contract. */
public enum TriggerKind {
    DATA_QUALITY, SAFETY, EQUIPMENT, PERFORMANCE, MARKET, SCHEDULE, FORECAST_DUE, OPERATOR_REQUEST, RESOURCE
}
