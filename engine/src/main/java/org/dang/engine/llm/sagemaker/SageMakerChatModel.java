package org.dang.engine.llm.sagemaker;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeAsyncClient;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeAsyncClientBuilder;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeClient;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeClientBuilder;
import software.amazon.awssdk.services.sagemakerruntime.model.InvokeEndpointResponse;
import software.amazon.awssdk.services.sagemakerruntime.model.InvokeEndpointWithResponseStreamResponseHandler;
import software.amazon.awssdk.services.sagemakerruntime.model.PayloadPart;
import software.amazon.awssdk.services.sagemakerruntime.model.ResponseStream;

import org.dang.engine.config.LlmConfig;
import org.dang.engine.config.SageMakerBackendConfig;
import org.dang.engine.llm.ChatHandle;
import org.dang.engine.llm.ChatListener;
import org.dang.engine.llm.ChatModel;
import org.dang.engine.llm.ChatRequest;
import org.dang.engine.llm.FinishReason;
import org.dang.engine.llm.LlmSetupException;
import org.dang.engine.llm.ModelInfo;
import org.dang.engine.llm.reasoning.ReasoningParser;
import org.dang.engine.llm.stream.ChatCall;
import org.dang.engine.llm.stream.IdleWatch;
import org.dang.engine.llm.stream.ReplyAssembler;

/**
 * DeepSeek-R1 behind a SageMaker real-time endpoint: InvokeEndpointWithResponseStream on the async
 * client (payload parts reassembled into lines) or InvokeEndpoint on the sync client, with the body
 * format of the serving container. Retryable errors (throttling, 503, model not ready, internal
 * failures) are retried with backoff while nothing has been streamed; the rest are named and
 * surfaced. Credentials come from the AWS default provider chain only.
 */
public final class SageMakerChatModel implements ChatModel {

    private final String endpointName;
    private final ModelInfo info;
    private final PayloadFormat format;
    private final boolean streaming;
    private final Duration timeout;
    private final int maxAttempts;
    private final Duration backoff;
    private final SageMakerRuntimeClient sync;
    private final SageMakerRuntimeAsyncClient async;
    private final ScheduledExecutorService timer;
    private final AtomicInteger calls = new AtomicInteger();

    /**
     * A backend over clients the caller built (and this closes).
     *
     * @param backoff wait before the second attempt, doubled for each further one
     */
    public SageMakerChatModel(String endpointName, String model, PayloadFormat format, boolean streaming,
                              Duration timeout, int maxAttempts, Duration backoff, SageMakerRuntimeClient sync,
                              SageMakerRuntimeAsyncClient async) {
        this.endpointName = endpointName;
        this.info = new ModelInfo("sagemaker", model, endpointName);
        this.format = format;
        this.streaming = streaming;
        this.timeout = timeout;
        this.maxAttempts = maxAttempts;
        this.backoff = backoff;
        this.sync = sync;
        this.async = async;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "llm-sagemaker-watch");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * The backend for {@code orchestrator.llm.sagemaker_endpoint} with the {@code sagemaker:} settings.
     *
     * @throws LlmSetupException when the endpoint or a region is missing
     */
    public static SageMakerChatModel fromConfig(LlmConfig config) {
        String endpoint = config.sagemakerEndpoint()
                .orElseThrow(() -> new LlmSetupException("orchestrator.llm.sagemaker_endpoint is empty"));
        SageMakerBackendConfig s = config.sagemaker();
        try {
            SageMakerRuntimeClient sync = null;
            SageMakerRuntimeAsyncClient async = null;
            if (s.streaming()) {
                SageMakerRuntimeAsyncClientBuilder b = SageMakerRuntimeAsyncClient.builder()
                        .httpClientBuilder(NettyNioAsyncHttpClient.builder().connectionTimeout(s.timeout())
                                .readTimeout(s.timeout()))
                        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()));
                s.region().ifPresent(r -> b.region(Region.of(r)));
                s.endpointUrl().ifPresent(u -> b.endpointOverride(URI.create(u)));
                async = b.build();
            } else {
                SageMakerRuntimeClientBuilder b = SageMakerRuntimeClient.builder()
                        .httpClientBuilder(Apache5HttpClient.builder().connectionTimeout(s.timeout())
                                .socketTimeout(s.timeout()))
                        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())
                                .apiCallAttemptTimeout(s.timeout()));
                s.region().ifPresent(r -> b.region(Region.of(r)));
                s.endpointUrl().ifPresent(u -> b.endpointOverride(URI.create(u)));
                sync = b.build();
            }
            return new SageMakerChatModel(endpoint, config.model(), PayloadFormat.of(s.format()), s.streaming(),
                    s.timeout(), s.maxAttempts(), Duration.ofMillis(500), sync, async);
        } catch (SdkException e) {
            String m = String.valueOf(e.getMessage());
            throw new LlmSetupException(m.toLowerCase(java.util.Locale.ROOT).contains("region")
                    ? "no AWS region for the SageMaker endpoint: set orchestrator.llm.sagemaker.region or AWS_REGION ("
                    + m + ")" : "cannot set up the SageMaker client: " + m, e);
        }
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    @Override
    public ChatHandle stream(ChatRequest request, ChatListener listener) {
        ChatCall call = new ChatCall();
        ReplyAssembler reply = new ReplyAssembler(info, request.budget(), listener, ReasoningParser.deepSeekR1(), call);
        AtomicReference<Runnable> abortAttempt = new AtomicReference<>(() -> { });
        Thread worker = Thread.ofVirtual().name("llm-sagemaker-" + calls.incrementAndGet()).unstarted(() -> {
            try {
                run(request, reply, call, abortAttempt);
            } catch (RuntimeException e) {
                reply.fail("SageMaker client failed: " + e);
            }
        });
        call.onCancel(() -> {
            reply.finish(FinishReason.CANCELLED, Optional.empty());
            abortAttempt.get().run();
            worker.interrupt();
        });
        worker.start();
        return call;
    }

    private void run(ChatRequest request, ReplyAssembler reply, ChatCall call, AtomicReference<Runnable> abort) {
        byte[] body = format.body(request, info.model(), streaming).getBytes(StandardCharsets.UTF_8);
        for (int attempt = 1; ; attempt++) {
            Throwable failure = streaming ? streamOnce(body, reply, call, abort) : invokeOnce(body, reply);
            if (failure == null || call.result().isDone()) {
                return;
            }
            boolean again = SageMakerErrors.retryable(failure) && !reply.started() && attempt < maxAttempts;
            if (!again) {
                String tries = attempt > 1 ? " (after " + attempt + " attempts)" : "";
                reply.fail(SageMakerErrors.describe(failure, endpointName) + tries);
                return;
            }
            try {
                Thread.sleep(backoff.multipliedBy(1L << (attempt - 1)));
            } catch (InterruptedException e) {
                reply.finish(FinishReason.CANCELLED, Optional.empty());
                return;
            }
        }
    }

    /** One InvokeEndpoint call; the failure, or null when the reply ended. */
    private Throwable invokeOnce(byte[] body, ReplyAssembler reply) {
        InvokeEndpointResponse response;
        try {
            response = sync.invokeEndpoint(b -> b.endpointName(endpointName).contentType("application/json")
                    .accept("application/json").body(SdkBytes.fromByteArray(body)));
        } catch (SdkException e) {
            return e;
        }
        format.whole(response.body().asUtf8String(), reply, "endpoint " + endpointName);
        return null;
    }

    /** One InvokeEndpointWithResponseStream call; the failure, or null when the reply ended. */
    private Throwable streamOnce(byte[] body, ReplyAssembler reply, ChatCall call, AtomicReference<Runnable> abort) {
        String source = "endpoint " + endpointName;
        PayloadLines lines = new PayloadLines();
        PayloadFormat.LineState state = new PayloadFormat.LineState();
        AtomicReference<Subscription> subscription = new AtomicReference<>();
        AtomicReference<String> idle = new AtomicReference<>();
        CompletableFuture<Void> done = new CompletableFuture<>();
        try (IdleWatch watch = new IdleWatch(timer, timeout, () -> {
            idle.set("no token from " + source + " for " + timeout.toSeconds() + " s (orchestrator.llm.sagemaker.timeout)");
            done.complete(null);
        })) {
            InvokeEndpointWithResponseStreamResponseHandler handler = InvokeEndpointWithResponseStreamResponseHandler
                    .builder()
                    .onEventStream(events -> events.subscribe(new Subscriber<ResponseStream>() {
                        @Override
                        public void onSubscribe(Subscription s) {
                            subscription.set(s);
                            s.request(Long.MAX_VALUE);
                        }

                        @Override
                        public void onNext(ResponseStream event) {
                            watch.touch();
                            if (event instanceof PayloadPart part && part.bytes() != null) {
                                for (String line : lines.accept(part.bytes().asByteArray())) {
                                    if (!format.streamLine(line, reply, state, source)) {
                                        done.complete(null);
                                        return;
                                    }
                                }
                            }
                        }

                        @Override
                        public void onError(Throwable t) {
                            done.completeExceptionally(t);
                        }

                        @Override
                        public void onComplete() {
                            done.complete(null);
                        }
                    }))
                    .onError(done::completeExceptionally)
                    .build();
            CompletableFuture<Void> sent = async.invokeEndpointWithResponseStream(b -> b.endpointName(endpointName)
                    .contentType("application/json").accept("application/jsonlines").body(SdkBytes.fromByteArray(body)),
                    handler);
            Runnable stop = () -> {
                Subscription s = subscription.get();
                if (s != null) {
                    s.cancel();
                }
                sent.cancel(true);
            };
            abort.set(stop);
            // The end of a good stream is the subscriber's onComplete; the call's future only adds failures
            // that happen before any event (HTTP errors, connection refused).
            sent.whenComplete((v, t) -> {
                if (t != null) {
                    done.completeExceptionally(t);
                }
            });
            try {
                CompletableFuture.anyOf(done, call.result()).join();
            } catch (RuntimeException e) {
                // The failure is in done; read it below.
            }
            if (call.result().isDone()) {
                stop.run(); // ended here (budget, bad line, cancel): release the connection
                return null;
            }
            if (idle.get() != null) {
                stop.run();
                reply.fail(idle.get());
                return null;
            }
            if (done.isCompletedExceptionally()) {
                try {
                    done.join();
                } catch (RuntimeException e) {
                    return e;
                }
            }
            for (String line : lines.end()) {
                if (!format.streamLine(line, reply, state, source)) {
                    return null;
                }
            }
            format.streamEnd(reply, state, source);
            return null;
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        if (sync != null) {
            sync.close();
        }
        if (async != null) {
            async.close();
        }
    }
}
