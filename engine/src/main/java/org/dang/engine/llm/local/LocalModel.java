package org.dang.engine.llm.local;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BooleanSupplier;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.BaseNDManager;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;

/**
 * A DeepSeek-R1-Distill-Qwen (Qwen2) model loaded from a Hugging Face folder into DJL's PyTorch
 * engine, generating token by token with a KV cache. Each {@link #generate} call has its own cache;
 * close the model only after the generations on it have returned.
 */
public final class LocalModel implements AutoCloseable {

    /** Files every model folder needs besides the weights. */
    public static final List<String> REQUIRED_FILES = List.of("config.json", "generation_config.json", "tokenizer.json");

    private static final String ENGINE = "PyTorch";

    private final Path folder;
    private final Qwen2Config config;
    private final LocalTokenizer tokenizer;
    private final WeightFiles files;
    /** Native memory of bf16 weights widened for the CPU. */
    private final Arena converted;
    private final NDManager manager;
    private final Qwen2Network network;
    private final Qwen2Weights weights;
    private final DataType dtype;

    private LocalModel(Path folder, Qwen2Config config, LocalTokenizer tokenizer, WeightFiles files,
            Arena converted, NDManager manager, Qwen2Weights weights, DataType dtype) {
        this.converted = converted;
        this.folder = folder;
        this.config = config;
        this.tokenizer = tokenizer;
        this.files = files;
        this.manager = manager;
        this.weights = weights;
        this.dtype = dtype;
        this.network = new Qwen2Network(config, weights, manager, dtype);
    }

    /**
     * Loads the model in {@code folder}: config.json, generation_config.json, tokenizer.json and the
     * safetensors weights (single or sharded). Errors name the missing file, bad field or tensor.
     *
     * @throws ModelFolderException the folder is missing, incomplete or inconsistent
     * @throws IOException the PyTorch engine could not start (e.g. natives missing while offline)
     */
    public static LocalModel load(Path folder, LocalModelOptions options) throws IOException {
        Objects.requireNonNull(options, "options");
        if (!Files.isDirectory(folder)) {
            throw new ModelFolderException("model folder " + folder + " does not exist or is not a folder");
        }
        for (String name : REQUIRED_FILES) {
            if (!Files.isRegularFile(folder.resolve(name))) {
                throw new ModelFolderException("model folder " + folder + " is incomplete: " + name + " is missing");
            }
        }
        Qwen2Config config = Qwen2Config.read(folder.resolve("config.json"), folder.resolve("generation_config.json"));
        Engine engine;
        try {
            engine = Engine.getEngine(ENGINE);
        } catch (EngineException | IllegalArgumentException e) {
            throw new IOException("the PyTorch engine did not start: " + e.getMessage(), e);
        }
        Device device = pickDevice(options.device(), engine);
        DataType dtype = pickType(options.precision(), device);
        WeightFiles files = WeightFiles.open(folder);
        NDManager manager = null;
        LocalTokenizer tokenizer = null;
        Arena converted = Arena.ofShared();
        try {
            tokenizer = LocalTokenizer.open(folder.resolve("tokenizer.json"));
            manager = engine.newBaseManager(device);
            Qwen2Weights weights = Qwen2Weights.load(files, config, manager, dtype, folder, converted);
            return new LocalModel(folder, config, tokenizer, files, converted, manager, weights, dtype);
        } catch (ModelFolderException | RuntimeException e) {
            if (manager != null) {
                manager.close();
            }
            if (tokenizer != null) {
                tokenizer.close();
            }
            converted.close();
            files.close();
            throw e;
        }
    }

    private static Device pickDevice(LocalModelOptions.DeviceChoice choice, Engine engine) throws IOException {
        int gpus = engine.getGpuCount();
        return switch (choice) {
            case CPU -> Device.cpu();
            case AUTO -> gpus > 0 ? Device.gpu() : Device.cpu();
            case GPU -> {
                if (gpus == 0) {
                    throw new IOException("device GPU was asked for, but the PyTorch engine sees no GPU (is the CPU"
                            + " build of libtorch loaded? see docs/llm.md)");
                }
                yield Device.gpu();
            }
        };
    }

    private static DataType pickType(LocalModelOptions.Precision precision, Device device) {
        return switch (precision) {
            case F32 -> DataType.FLOAT32;
            case F16 -> DataType.FLOAT16;
            case AUTO -> device.isGpu() ? DataType.FLOAT16 : DataType.FLOAT32;
        };
    }

    /** The folder it was loaded from. */
    public Path folder() {
        return folder;
    }

    /** Hyper-parameters and BOS/EOS ids. */
    public Qwen2Config config() {
        return config;
    }

    /** The tokenizer of the folder. */
    public LocalTokenizer tokenizer() {
        return tokenizer;
    }

    /** The device it runs on, e.g. "cpu()" or "gpu(0)". */
    public String device() {
        return manager.getDevice().toString();
    }

    /** Precision of weights and matrix products: "f32" or "f16". */
    public String precision() {
        return dtype == DataType.FLOAT16 ? "f16" : "f32";
    }

    /** Bytes of weights read per generated token (the figure the memory-bandwidth bound divides by). */
    public long weightBytesPerToken() {
        return weights.bytesPerToken();
    }

    /** Generates from prompt text, encoded without adding BOS (see {@link LocalTokenizer}). */
    public GenerationStats generate(String promptText, GenerationSettings settings, TokenSink sink,
            BooleanSupplier cancelled) {
        return generate(tokenizer.encode(promptText), settings, sink, cancelled);
    }

    /**
     * Generates after {@code promptIds}, handing each token and its text to {@code sink} as it is
     * produced. {@code cancelled} is polled before every step and between layers while the prompt is
     * processed; once it answers true, or the thread is interrupted, generation stops with
     * {@link FinishReason#CANCELLED} (the interrupt flag is left set).
     *
     * @throws IllegalArgumentException an empty prompt, an id outside the vocabulary, or a prompt that fills the context
     * @throws IllegalStateException the model produced NaN logits
     */
    public GenerationStats generate(int[] promptIds, GenerationSettings settings, TokenSink sink,
            BooleanSupplier cancelled) {
        long start = System.nanoTime();
        checkPrompt(promptIds);
        // An interrupt (how the module coordinator cancels work) counts as cancelling too.
        BooleanSupplier stop = () -> cancelled.getAsBoolean() || Thread.currentThread().isInterrupted();
        Set<Integer> stops = new HashSet<>(settings.extraStopTokenIds());
        if (settings.stopAtEos()) {
            stops.addAll(config.eosTokenIds());
        }
        int capacity = (int) Math.min(config.maxPositions(), (long) promptIds.length + settings.maxNewTokens());
        TokenSampler sampler = new TokenSampler(settings.temperature(), settings.topP(), settings.seed());
        TextPieces pieces = new TextPieces(tokenizer);
        int generated = 0;
        // Offsets from start in nanoseconds; -1 until reached (System.nanoTime itself may be negative).
        long firstTokenAt = -1;
        long promptDone = -1;
        FinishReason reason;
        try (KvCache cache = network.newCache(capacity)) {
            if (stop.getAsBoolean()) {
                return stats(promptIds.length, 0, start, -1, -1, FinishReason.CANCELLED);
            }
            float[] logits = network.forward(promptIds, cache, false, stop)[0];
            promptDone = System.nanoTime() - start;
            while (true) {
                checkLogits(logits, promptIds.length + generated);
                int token = sampler.next(logits);
                generated++;
                if (generated == 1) {
                    firstTokenAt = System.nanoTime() - start;
                }
                if (stops.contains(token)) {
                    reason = FinishReason.STOP;
                    break;
                }
                sink.accept(token, pieces.push(token));
                if (generated >= settings.maxNewTokens()) {
                    reason = FinishReason.LENGTH;
                    break;
                }
                if (cache.length() >= config.maxPositions()) {
                    reason = FinishReason.CONTEXT_FULL;
                    break;
                }
                if (stop.getAsBoolean()) {
                    reason = FinishReason.CANCELLED;
                    break;
                }
                logits = network.forward(new int[] {token}, cache, false, stop)[0];
            }
        } catch (Qwen2Network.Cancelled e) {
            reason = FinishReason.CANCELLED;
        }
        String rest = pieces.flush();
        if (!rest.isEmpty()) {
            sink.accept(TokenSink.NO_TOKEN, rest);
        }
        return stats(promptIds.length, generated, start, promptDone, firstTokenAt, reason);
    }

    private static GenerationStats stats(int promptTokens, int generated, long start, long promptDone, long firstToken,
            FinishReason reason) {
        long end = System.nanoTime() - start;
        double promptRate = promptDone > 0 ? promptTokens / (promptDone / 1e9) : 0;
        double genRate = generated > 1 && end > firstToken ? (generated - 1) / ((end - firstToken) / 1e9) : 0;
        Duration ttft = firstToken >= 0 ? Duration.ofNanos(firstToken) : Duration.ZERO;
        return new GenerationStats(promptTokens, generated, ttft, promptRate, genRate, reason, Duration.ofNanos(end));
    }

    private void checkPrompt(int[] promptIds) {
        if (promptIds.length == 0) {
            throw new IllegalArgumentException("empty prompt: at least one token is needed");
        }
        if (promptIds.length >= config.maxPositions()) {
            throw new IllegalArgumentException("prompt of " + promptIds.length + " tokens fills the context of "
                    + config.maxPositions() + " positions (max_position_embeddings)");
        }
        for (int i = 0; i < promptIds.length; i++) {
            if (promptIds[i] < 0 || promptIds[i] >= config.vocabSize()) {
                throw new IllegalArgumentException("prompt token " + i + " has id " + promptIds[i]
                        + ", outside the vocabulary of " + config.vocabSize());
            }
        }
    }

    private static void checkLogits(float[] logits, int position) {
        for (float v : logits) {
            if (Float.isNaN(v)) {
                throw new IllegalStateException("the model produced NaN logits at position " + position
                        + " (broken weights, or an f16 overflow: try precision f32)");
            }
        }
    }

    /** The network, for tests that compare logits. */
    Qwen2Network network() {
        return network;
    }

    /** Arrays the model's manager holds, for tests that check nothing leaks across generations. */
    int liveArrays() {
        return ((BaseNDManager) manager).getManagedArrays().size();
    }

    /** Frees the weights and unmaps the files. */
    @Override
    public void close() {
        // Arrays first: on the CPU they point into the mapped files and the converted memory.
        manager.close();
        tokenizer.close();
        converted.close();
        files.close();
    }
}
