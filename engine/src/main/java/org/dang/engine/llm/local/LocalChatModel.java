package org.dang.engine.llm.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.dang.engine.config.LlmConfig;
import org.dang.engine.config.LocalBackendConfig;
import org.dang.engine.llm.ChatHandle;
import org.dang.engine.llm.ChatListener;
import org.dang.engine.llm.ChatModel;
import org.dang.engine.llm.ChatRequest;
import org.dang.engine.llm.FinishReason;
import org.dang.engine.llm.LlmSetupException;
import org.dang.engine.llm.ModelInfo;
import org.dang.engine.llm.prompt.DeepSeekR1Prompt;
import org.dang.engine.llm.reasoning.ReasoningParser;
import org.dang.engine.llm.stream.ChatCall;
import org.dang.engine.llm.stream.ReplyAssembler;
import org.dang.engine.llm.stream.ReplyAssembler.Verdict;

/**
 * The {@link ChatModel} of a model folder run in-process by {@link LocalModel}. The weights load on
 * the first reply (seconds to minutes), not when the console starts; replies run one at a time on the
 * {@code llm-local} thread because one model occupies one device.
 */
public final class LocalChatModel implements ChatModel {

    private final Path folder;
    private final LocalModelOptions options;
    private final ModelInfo info;
    private final ExecutorService worker;
    private LocalModel model;

    /** A chat model for the folder; nothing is loaded yet. */
    public LocalChatModel(Path folder, LocalModelOptions options, String modelId) {
        this.folder = folder;
        this.options = options;
        this.info = new ModelInfo("local", modelId, folder.toString());
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "llm-local");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * The local backend from {@code orchestrator.llm}: {@code hf_model_path} and the {@code local:}
     * section. A folder that is missing its files is refused here, before anything loads.
     */
    public static LocalChatModel fromConfig(LlmConfig config) {
        Path folder = config.hfModelPath().map(Path::of)
                .orElseThrow(() -> new LlmSetupException("orchestrator.llm.hf_model_path is empty"));
        if (!Files.isDirectory(folder)) {
            throw new LlmSetupException("orchestrator.llm.hf_model_path: " + folder + " is not a folder");
        }
        for (String file : LocalModel.REQUIRED_FILES) {
            if (!Files.isRegularFile(folder.resolve(file))) {
                throw new LlmSetupException("orchestrator.llm.hf_model_path: " + folder + " has no " + file
                        + " (a Hugging Face model folder needs " + String.join(", ", LocalModel.REQUIRED_FILES)
                        + " and safetensors weights)");
            }
        }
        return new LocalChatModel(folder, options(config.local()), config.model());
    }

    static LocalModelOptions options(LocalBackendConfig local) {
        return new LocalModelOptions(
                LocalModelOptions.DeviceChoice.valueOf(local.device().toUpperCase(Locale.ROOT)),
                LocalModelOptions.Precision.valueOf(local.dtype().toUpperCase(Locale.ROOT)));
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    @Override
    public ChatHandle stream(ChatRequest request, ChatListener listener) {
        ChatCall call = new ChatCall();
        ReplyAssembler reply = new ReplyAssembler(info, request.budget(), listener, ReasoningParser.deepSeekR1(), call);
        try {
            worker.execute(() -> generate(request, reply, call));
        } catch (RuntimeException e) {
            reply.fail("the local model is closed");
        }
        return call;
    }

    private void generate(ChatRequest request, ReplyAssembler reply, ChatCall call) {
        if (call.cancelled()) {
            reply.finish(FinishReason.CANCELLED, Optional.empty());
            return;
        }
        LocalModel m;
        try {
            m = loaded();
        } catch (IOException | RuntimeException e) {
            reply.fail("cannot load the local model from " + folder + ": " + e.getMessage());
            return;
        }
        // A budget verdict stops generation the same way a cancel does; which one it was decides the reason.
        AtomicReference<Verdict> stop = new AtomicReference<>();
        GenerationSettings settings = GenerationSettings.sampling(request.budget().maxTokens(),
                request.sampling().temperature(), request.sampling().topP(),
                request.sampling().seed().orElseGet(System::nanoTime));
        try {
            GenerationStats stats = m.generate(DeepSeekR1Prompt.format(request), settings, (id, text) -> {
                Verdict v = reply.content(text);
                if (v != Verdict.CONTINUE) {
                    stop.compareAndSet(null, v);
                }
            }, () -> call.cancelled() || stop.get() != null);
            reply.reported(OptionalInt.of(stats.promptTokens()), OptionalInt.empty(), OptionalInt.empty());
            switch (stats.finishReason()) {
                case STOP -> reply.finish(FinishReason.STOP, Optional.empty());
                case LENGTH, CONTEXT_FULL -> reply.finish(FinishReason.LENGTH, Optional.empty());
                case CANCELLED -> {
                    Verdict v = stop.get();
                    if (v != null) {
                        reply.finish(v);
                    } else {
                        reply.finish(FinishReason.CANCELLED, Optional.empty());
                    }
                }
            }
        } catch (RuntimeException e) {
            reply.fail("local generation failed: " + e.getMessage());
        }
    }

    private synchronized LocalModel loaded() throws IOException {
        if (model == null) {
            model = LocalModel.load(folder, options);
        }
        return model;
    }

    @Override
    public void close() {
        // The interrupt cancels a running generation; the model may only close once it has returned.
        worker.shutdownNow();
        try {
            worker.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            if (model != null) {
                model.close();
                model = null;
            }
        }
    }
}
