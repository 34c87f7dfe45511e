package org.dang.engine.llm.fallback;

import java.time.Duration;

import org.dang.engine.llm.ChatModel;

/**
 * One rung of the fallback ladder.
 *
 * @param model   the backend
 * @param timeout longest wait for its first token before the next rung is tried
 * @param breaker its circuit
 */
public record Backend(ChatModel model, Duration timeout, CircuitBreaker breaker) {
}
