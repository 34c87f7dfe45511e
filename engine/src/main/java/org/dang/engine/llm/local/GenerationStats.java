package org.dang.engine.llm.local;

import java.time.Duration;

/**
 * Figures of one generation. {@code generatedTokens} counts every sampled token, a final stop token
 * included; {@code timeToFirstToken} runs from the call to the first sampled token (prompt
 * processing included); prompt speed is prompt tokens over prompt processing time; generation speed
 * is tokens after the first over the time after the first (0 when fewer than two tokens).
 */
public record GenerationStats(int promptTokens, int generatedTokens, Duration timeToFirstToken,
        double promptTokensPerSecond, double generationTokensPerSecond, FinishReason finishReason,
        Duration total) {
}
