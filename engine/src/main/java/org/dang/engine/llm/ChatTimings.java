package org.dang.engine.llm;

import java.time.Duration;
import java.util.Optional;

/**
 * How long a reply took.
 *
 * @param timeToFirstToken from the request to the first reasoning or answer token; empty when none came
 * @param total            from the request to the end
 * @param tokensPerSecond  generated tokens per second after the first one (0 when fewer than two)
 */
public record ChatTimings(Optional<Duration> timeToFirstToken, Duration total, double tokensPerSecond) {
}
