package org.dang.engine.decision;

/** One reason behind a decision, with the plant detail that fired it. */
public record Trigger(TriggerKind kind, String detail) {
}
