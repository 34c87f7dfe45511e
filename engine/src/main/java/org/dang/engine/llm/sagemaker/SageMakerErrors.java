package org.dang.engine.llm.sagemaker;

import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sagemakerruntime.model.InternalFailureException;
import software.amazon.awssdk.services.sagemakerruntime.model.InternalStreamFailureException;
import software.amazon.awssdk.services.sagemakerruntime.model.ModelErrorException;
import software.amazon.awssdk.services.sagemakerruntime.model.ModelNotReadyException;
import software.amazon.awssdk.services.sagemakerruntime.model.ModelStreamErrorException;
import software.amazon.awssdk.services.sagemakerruntime.model.ServiceUnavailableException;
import software.amazon.awssdk.services.sagemakerruntime.model.ValidationErrorException;

/** SageMaker runtime failures in words, and which of them are worth another attempt. */
final class SageMakerErrors {

    /** Error codes of transient conditions. ThrottlingException is not modelled by the SDK and arrives as HTTP 400. */
    private static final Set<String> RETRYABLE_CODES =
            Set.of("ThrottlingException", "ServiceUnavailable", "ModelNotReadyException", "InternalFailure",
                    "InternalStreamFailure");

    private SageMakerErrors() {
    }

    /** The failure inside executor and future wrappers. */
    static Throwable unwrap(Throwable t) {
        Throwable c = t;
        while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }

    /** Whether a new attempt may succeed: throttling, service unavailable, model not ready, internal failures. */
    static boolean retryable(Throwable t) {
        return switch (unwrap(t)) {
            case ServiceUnavailableException _, ModelNotReadyException _, InternalFailureException _,
                 InternalStreamFailureException _ -> true;
            case ModelErrorException _, ValidationErrorException _, ModelStreamErrorException _ -> false;
            case AwsServiceException e -> e.isThrottlingException() || RETRYABLE_CODES.contains(code(e));
            default -> false;
        };
    }

    /** The failure for the operator, naming the endpoint. */
    static String describe(Throwable t, String endpoint) {
        Throwable e = unwrap(t);
        return switch (e) {
            case ModelErrorException m -> "the model container behind endpoint " + endpoint + " failed"
                    + (m.originalStatusCode() == null ? "" : " with HTTP " + m.originalStatusCode()) + ": "
                    + (m.originalMessage() == null ? message(m) : m.originalMessage())
                    + (m.logStreamArn() == null ? "" : " (log stream " + m.logStreamArn() + ")");
            case ValidationErrorException v -> "SageMaker refused the request to endpoint " + endpoint + ": " + message(v);
            case ModelStreamErrorException s -> "the model's response stream from endpoint " + endpoint + " failed"
                    + (s.errorCode() == null ? "" : " (" + s.errorCode() + ")") + ": " + message(s);
            case ModelNotReadyException n -> "endpoint " + endpoint + " is not ready yet: " + message(n);
            case ServiceUnavailableException u -> "SageMaker is unavailable (HTTP 503) for endpoint " + endpoint + ": "
                    + message(u);
            case AwsServiceException a -> "SageMaker error " + code(a) + " (HTTP " + a.statusCode() + ") for endpoint "
                    + endpoint + ": " + message(a);
            case SdkClientException c when String.valueOf(c.getMessage()).contains("credentials") ->
                    "no AWS credentials: the default provider chain (environment, system properties, ~/.aws, SSO,"
                            + " instance role) found none; " + c.getMessage();
            case SdkClientException c -> "cannot reach SageMaker for endpoint " + endpoint + ": " + c.getMessage();
            case java.io.IOException io -> "cannot reach SageMaker for endpoint " + endpoint + ": " + io.getMessage();
            default -> "calling endpoint " + endpoint + " failed: " + e;
        };
    }

    private static String code(AwsServiceException e) {
        return e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null ? "unknown"
                : e.awsErrorDetails().errorCode();
    }

    private static String message(AwsServiceException e) {
        return e.awsErrorDetails() != null && e.awsErrorDetails().errorMessage() != null
                ? e.awsErrorDetails().errorMessage() : String.valueOf(e.getMessage());
    }
}
