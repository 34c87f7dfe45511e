package org.dang.engine.advisor;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import org.dang.engine.llm.ChatResult;

/**
 * What came back from the model for one advice request: its final message, or nothing when the
 * deadline passed first.
 *
 * @param result  the final message; empty on timeout
 * @param latency from asking to the final message (or to the deadline)
 */
public record ModelReply(Optional<ChatResult> result, Duration latency) {
    public ModelReply {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(latency, "latency");
    }

    /** A reply that did not come within the deadline. */
    public static ModelReply timedOut(Duration deadline) {
        return new ModelReply(Optional.empty(), deadline);
    }
}
