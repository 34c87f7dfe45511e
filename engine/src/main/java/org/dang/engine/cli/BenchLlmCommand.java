package org.dang.engine.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import org.dang.engine.llm.local.CopyBandwidth;
import org.dang.engine.llm.local.GenerationBenchmark;
import org.dang.engine.llm.local.LocalModel;
import org.dang.engine.llm.local.LocalModelOptions;
import org.dang.engine.llm.local.ModelShape;

/** {@code dang bench llm}: local model speed against the memory-bandwidth bound of this machine. */
@Command(name = "llm", mixinStandardHelpOptions = true,
        description = {"Local LLM (DJL + PyTorch) speed: prompt tokens/s, time to first token, generation tokens/s.",
                "Baseline from the same run: copy bandwidth of this machine; the bound is that bandwidth over the"
                        + " weight bytes read per generated token.",
                "Last line: ratio_to_bandwidth_bound=R generation_tokens_per_s=G bound_tokens_per_s=B"})
public final class BenchLlmCommand implements Callable<Integer> {

    /** Which model to measure. */
    static final class Source {
        @Option(names = "--model", paramLabel = "DIR", description = "A Hugging Face Qwen2 folder (safetensors).")
        Path model;

        @Option(names = "--random", paramLabel = "SHAPE",
                description = "Write a random model of this shape first: qwen2-0.5b or tiny (bf16 weights).")
        String random;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--random-dir", paramLabel = "DIR",
            description = "Where --random writes the model (kept); default a temporary folder, deleted afterwards.")
    Path randomDir;

    @Option(names = "--device", defaultValue = "auto", description = "auto, cpu or gpu (default ${DEFAULT-VALUE}).")
    String device;

    @Option(names = "--precision", defaultValue = "auto",
            description = "auto (f16 on a GPU, f32 on the CPU), f32 or f16 (default ${DEFAULT-VALUE}).")
    String precision;

    @Option(names = "--prompt-tokens", defaultValue = "64", description = "Prompt length (default ${DEFAULT-VALUE}).")
    int promptTokens;

    @Option(names = "--new-tokens", defaultValue = "32", description = "Tokens to generate (default ${DEFAULT-VALUE}).")
    int newTokens;

    @Option(names = "--copy-mib", defaultValue = "512",
            description = "Buffer size for the copy-bandwidth baseline, MiB (default ${DEFAULT-VALUE}).")
    int copyMib;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the random weights.")
    long seed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        LocalModelOptions options = options();
        Path folder = source.model;
        Path temporary = null;
        try {
            if (source.random != null) {
                ModelShape shape = switch (source.random.toLowerCase(Locale.ROOT)) {
                    case "qwen2-0.5b", "0.5b" -> ModelShape.qwen2HalfBillion();
                    case "tiny" -> ModelShape.tiny();
                    default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                            "--random: unknown shape '" + source.random + "' (qwen2-0.5b or tiny)");
                };
                if (randomDir == null) {
                    temporary = Files.createTempDirectory("dang-bench-llm-");
                }
                folder = randomDir != null ? randomDir : temporary;
                long begin = System.nanoTime();
                GenerationBenchmark.writeRandom(folder, shape, seed);
                out.printf(Locale.ROOT, "wrote random %s model (%,d parameters, bf16) to %s in %.1f s%n", shape.name(),
                        shape.parameters(), folder, (System.nanoTime() - begin) / 1e9);
                out.flush();
            }
            int threads = Runtime.getRuntime().availableProcessors();
            double bandwidth = CopyBandwidth.measure((long) copyMib << 20, threads, 5);
            out.printf(Locale.ROOT, "copy bandwidth: %.2f GB/s (read+write, %d MiB over %d threads, best of 5)%n",
                    bandwidth / 1e9, copyMib, threads);
            out.flush();
            long begin = System.nanoTime();
            try (LocalModel model = LocalModel.load(folder, options)) {
                out.printf(Locale.ROOT, "model %s: loaded in %.1f s on %s, precision %s, %.3f GB of weights read per"
                                + " token%n", folder, (System.nanoTime() - begin) / 1e9, model.device(),
                        model.precision(), model.weightBytesPerToken() / 1e9);
                out.flush();
                GenerationBenchmark.Figures f = GenerationBenchmark.run(model, promptTokens, newTokens);
                double bound = bandwidth / model.weightBytesPerToken();
                out.printf(Locale.ROOT, "prompt: %d tokens at %.1f tokens/s%n", f.promptTokens(),
                        f.promptTokensPerSecond());
                out.printf(Locale.ROOT, "time to first token: %.3f s%n", f.timeToFirstTokenSeconds());
                out.printf(Locale.ROOT, "generation: %d tokens at %.2f tokens/s (greedy, stop tokens ignored)%n",
                        f.generatedTokens(), f.generationTokensPerSecond());
                out.printf(Locale.ROOT, "memory-bandwidth bound: %.2f tokens/s (copy bandwidth / weight bytes per"
                        + " token)%n", bound);
                out.printf(Locale.ROOT, "ratio_to_bandwidth_bound=%.3f generation_tokens_per_s=%.3f"
                        + " bound_tokens_per_s=%.3f%n", f.generationTokensPerSecond() / bound,
                        f.generationTokensPerSecond(), bound);
            }
        } finally {
            if (temporary != null) {
                try (Stream<Path> files = Files.walk(temporary)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
        return 0;
    }

    private LocalModelOptions options() {
        try {
            return new LocalModelOptions(LocalModelOptions.DeviceChoice.valueOf(device.toUpperCase(Locale.ROOT)),
                    LocalModelOptions.Precision.valueOf(precision.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--device must be auto, cpu or gpu"
                    + " and --precision auto, f32 or f16; got " + device + " / " + precision);
        }
    }
}
