package org.dang.engine.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code orchestrator.llm.sagemaker:} how to call the endpoint named by {@code orchestrator.llm.sagemaker_endpoint}.
 * Credentials always come from the AWS default provider chain, never from this file.
 *
 * @param region      AWS region; empty means the default region chain (AWS_REGION, ~/.aws/config)
 * @param endpointUrl a different runtime URL (VPC interface endpoint); empty for the public one
 * @param format      request body: lmi ({@code inputs}/{@code parameters}), messages (OpenAI-style) or tgi
 * @param streaming   InvokeEndpointWithResponseStream (true) or InvokeEndpoint (false)
 * @param timeout     longest wait for the first token and between two tokens
 * @param maxAttempts attempts for retryable errors (throttling, 503, model not ready), 1 to 10
 */
public record SageMakerBackendConfig(Optional<String> region, Optional<String> endpointUrl, String format,
                                     boolean streaming, Duration timeout, int maxAttempts) {

    /** The body formats. */
    public static final List<String> FORMATS = List.of("lmi", "messages", "tgi");

    /** Defaults: default region, LMI body, streaming, 120 s timeout, 3 attempts. */
    public static SageMakerBackendConfig defaults() {
        return new SageMakerBackendConfig(Optional.empty(), Optional.empty(), "lmi", true, Duration.ofSeconds(120), 3);
    }
}
