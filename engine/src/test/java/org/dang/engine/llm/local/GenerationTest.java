package org.dang.engine.llm.local;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Generation on the tiny model: greedy against the reference, seeded sampling, streaming, stops, cancellation. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GenerationTest {

    private LocalModel model;
    private ReferenceQwen2 reference;

    @BeforeAll
    void load(@TempDir Path dir) throws IOException {
        Path folder = TinyModels.write(dir, TensorDtype.F32, 1);
        model = LocalModel.load(folder, ForwardPassTest.CPU_F32);
        reference = new ReferenceQwen2(folder);
    }

    @AfterAll
    void close() {
        if (model != null) {
            model.close();
        }
    }

    /** Collects what a generation streams. */
    private static final class Recorder implements TokenSink {
        final List<Integer> ids = new ArrayList<>();
        final StringBuilder text = new StringBuilder();
        final List<String> pieces = new ArrayList<>();

        @Override
        public void accept(int tokenId, String piece) {
            if (tokenId != NO_TOKEN) {
                ids.add(tokenId);
            }
            pieces.add(piece);
            text.append(piece);
        }

        int[] idArray() {
            return ids.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    @Test
    void greedyTokensAreTheReferenceArgMaxes() {
        Recorder out = new Recorder();
        GenerationStats stats = model.generate(ForwardPassTest.PROMPT, GenerationSettings.greedy(12).ignoringStops(),
                out, () -> false);
        assertEquals(12, stats.generatedTokens());
        assertEquals(FinishReason.LENGTH, stats.finishReason());
        int[] sequence = Arrays.copyOf(ForwardPassTest.PROMPT, ForwardPassTest.PROMPT.length + 12);
        for (int i = 0; i < 12; i++) {
            int at = ForwardPassTest.PROMPT.length + i;
            double[] logits = reference.logits(Arrays.copyOf(sequence, at))[at - 1];
            int best = 0;
            for (int v = 1; v < logits.length; v++) {
                best = logits[v] > logits[best] ? v : best;
            }
            sequence[at] = best;
        }
        assertArrayEquals(Arrays.copyOfRange(sequence, ForwardPassTest.PROMPT.length, sequence.length), out.idArray());
    }

    @Test
    void seededSamplingIsReproducibleAndTheSeedMatters() {
        GenerationSettings settings = new GenerationSettings(16, 1.0, 0.95, 42, false, Set.of());
        Recorder a = new Recorder();
        Recorder b = new Recorder();
        Recorder c = new Recorder();
        model.generate(ForwardPassTest.PROMPT, settings, a, () -> false);
        model.generate(ForwardPassTest.PROMPT, settings, b, () -> false);
        model.generate(ForwardPassTest.PROMPT, new GenerationSettings(16, 1.0, 0.95, 43, false, Set.of()), c,
                () -> false);
        assertArrayEquals(a.idArray(), b.idArray());
        assertEquals(a.text.toString(), b.text.toString());
        assertFalse(Arrays.equals(a.idArray(), c.idArray()), "another seed should draw other tokens");
    }

    @Test
    void streamedPiecesJoinToTheDecodedTokensInOrder() {
        Recorder out = new Recorder();
        GenerationStats stats = model.generate(ForwardPassTest.PROMPT,
                new GenerationSettings(40, 1.2, 1.0, 7, false, Set.of()), out, () -> false);
        assertEquals(40, out.ids.size());
        assertEquals(model.tokenizer().decode(out.idArray()), out.text.toString());
        for (String piece : out.pieces.subList(0, 40)) {
            assertFalse(piece.endsWith("\uFFFD"), "a piece released before its character was complete: " + piece);
        }
        assertEquals(ForwardPassTest.PROMPT.length, stats.promptTokens());
        assertTrue(stats.timeToFirstToken().toNanos() > 0);
        assertTrue(stats.promptTokensPerSecond() > 0 && stats.generationTokensPerSecond() > 0);
    }

    @Test
    void cancellingMidGenerationStopsAfterTheCurrentToken() {
        AtomicInteger seen = new AtomicInteger();
        Recorder out = new Recorder();
        GenerationStats stats = model.generate(ForwardPassTest.PROMPT,
                GenerationSettings.greedy(50).ignoringStops(), (id, text) -> {
                    seen.incrementAndGet();
                    out.accept(id, text);
                }, () -> seen.get() >= 3);
        assertEquals(FinishReason.CANCELLED, stats.finishReason());
        assertEquals(3, stats.generatedTokens());
        assertEquals(3, out.ids.size());
    }

    @Test
    void anInterruptCancelsLikeTheFlag() throws InterruptedException {
        GenerationStats[] result = new GenerationStats[1];
        Thread worker = Thread.ofPlatform().name("llm-test-generate").start(() -> {
            Thread.currentThread().interrupt();
            result[0] = model.generate(ForwardPassTest.PROMPT, GenerationSettings.greedy(20).ignoringStops(),
                    new Recorder(), () -> false);
        });
        worker.join();
        assertEquals(FinishReason.CANCELLED, result[0].finishReason());
        assertEquals(0, result[0].generatedTokens());
    }

    @Test
    void cancellingDuringThePromptStopsBetweenLayers() {
        AtomicInteger polls = new AtomicInteger();
        Recorder out = new Recorder();
        GenerationStats stats = model.generate(ForwardPassTest.PROMPT, GenerationSettings.greedy(5), out,
                () -> polls.incrementAndGet() > 2);
        assertEquals(FinishReason.CANCELLED, stats.finishReason());
        assertEquals(0, stats.generatedTokens());
        assertTrue(out.ids.isEmpty());
    }

    @Test
    void aStopTokenEndsGenerationAndIsNotStreamed() {
        Recorder free = new Recorder();
        model.generate(ForwardPassTest.PROMPT, GenerationSettings.greedy(6).ignoringStops(), free, () -> false);
        int stop = free.ids.get(3);
        int firstAt = free.ids.indexOf(stop);
        Recorder out = new Recorder();
        GenerationStats stats = model.generate(ForwardPassTest.PROMPT,
                new GenerationSettings(6, 0, 1, 0, false, Set.of(stop)), out, () -> false);
        assertEquals(FinishReason.STOP, stats.finishReason());
        assertEquals(free.ids.subList(0, firstAt), out.ids);
        assertEquals(firstAt + 1, stats.generatedTokens());
    }

    @Test
    void theContextLimitEndsGeneration() {
        int[] prompt = new int[250];
        Arrays.fill(prompt, 65);
        GenerationStats stats = model.generate(prompt, GenerationSettings.greedy(20).ignoringStops(), new Recorder(),
                () -> false);
        assertEquals(FinishReason.CONTEXT_FULL, stats.finishReason());
        assertEquals(7, stats.generatedTokens(), "256 positions: 250 prompt + 6 decoded, the 7th token is the last");
    }

    @Test
    void badPromptsAreRejectedWithTheReason() {
        Recorder out = new Recorder();
        var settings = GenerationSettings.greedy(3);
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> model.generate(new int[0], settings, out, () -> false)).getMessage().contains("empty prompt"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> model.generate(new int[] {1, 320}, settings, out, () -> false)).getMessage()
                .contains("prompt token 1 has id 320"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new GenerationSettings(3, 0.6, 1.5, 0, true, Set.of())).getMessage().contains("topP"));
    }

    @Test
    void generationsLeaveNoArraysBehind() {
        int before = model.liveArrays();
        model.generate(ForwardPassTest.PROMPT, GenerationSettings.sampling(30, 0.6, 0.95, 1).ignoringStops(),
                new Recorder(), () -> false);
        model.generate(ForwardPassTest.PROMPT, GenerationSettings.greedy(50).ignoringStops(), new Recorder(),
                () -> true);
        assertEquals(before, model.liveArrays());
    }

    @Test
    void textPromptsUseTheSpecialTokensOfTheTokenizer() {
        LocalTokenizer tokenizer = model.tokenizer();
        int[] ids = tokenizer.encode("<｜begin▁of▁sentence｜><｜User｜>Hi<｜Assistant｜><think>\n");
        assertEquals(303, ids[0]);
        assertEquals(301, ids[1]);
        assertEquals(305, ids[ids.length - 2]);
        assertEquals(305, tokenizer.tokenId("<think>"));
        assertEquals(306, tokenizer.tokenId("</think>"));
        assertEquals(-1, tokenizer.tokenId("not one token"));
        assertEquals(303, model.config().bosTokenId(), "generation_config.json's BOS wins over config.json's");
        assertEquals(List.of(300), model.config().eosTokenIds());
        assertEquals("<｜begin▁of▁sentence｜><｜User｜>Hi<｜Assistant｜><think>\n", tokenizer.decode(ids));
        Recorder out = new Recorder();
        GenerationStats stats = model.generate("<｜begin▁of▁sentence｜><｜User｜>Hi<｜Assistant｜><think>\n",
                GenerationSettings.greedy(4), out, () -> false);
        assertEquals(ids.length, stats.promptTokens());
        assertNotEquals(0, stats.generatedTokens());
    }
}
