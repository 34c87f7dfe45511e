package org.dang.engine.llm.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dang.engine.config.LlmConfig;
import org.dang.engine.llm.ChatHandle;
import org.dang.engine.llm.ChatListener;
import org.dang.engine.llm.ChatModel;
import org.dang.engine.llm.ChatRequest;
import org.dang.engine.llm.ChatResult;
import org.dang.engine.llm.FinishReason;
import org.dang.engine.llm.LlmSetupException;
import org.dang.engine.llm.Sampling;
import org.dang.engine.llm.TokenBudget;
import org.dang.engine.llm.backend.ChatModelFactory;
import org.dang.engine.llm.backend.LlmSetup;

/** The local backend behind the {@link ChatModel} interface, on a tiny random model. */
class LocalChatModelTest {

    @TempDir
    static Path dir;
    static Path folder;

    @BeforeAll
    static void writeModel() throws Exception {
        folder = TinyModels.write(dir, TensorDtype.F32, 1);
    }

    private static LlmConfig config(Path modelFolder) {
        return new LlmConfig("tiny-r1", Optional.empty(), Optional.of(modelFolder.toString()), 0.6, 0.95, 64)
                .withBackends(List.of("local"));
    }

    private static ChatRequest ask(long seed, int thinking, int answer) {
        return ChatRequest.ask("Why is the top temperature rising?",
                new Sampling(0.6, 0.95, OptionalLong.of(seed)), TokenBudget.of(thinking, answer));
    }

    @Test
    void theFactoryBuildsTheLocalBackendAndItAnswersThroughTheLadder() {
        LlmSetup setup = ChatModelFactory.standard().create(config(folder));
        assertEquals(List.of(), setup.problems());
        try (ChatModel m = setup.model().orElseThrow()) {
            ChatResult r = m.chat(ask(7, 6, 6));
            assertEquals("local", r.answeredBy().orElseThrow().backend());
            assertTrue(r.error().isEmpty(), () -> r.error().orElse(""));
            assertTrue(r.usage().promptTokens().orElse(0) > 5, "the prompt length comes from the tokenizer");
            assertTrue(r.usage().reasoningTokens() + r.usage().answerTokens() > 0);
        }
    }

    @Test
    void streamedPiecesAddUpToTheResultAndTheSameSeedRepeats() {
        try (LocalChatModel m = LocalChatModel.fromConfig(config(folder))) {
            StringBuilder streamed = new StringBuilder();
            ChatResult first = m.stream(ask(11, 12, 12), new ChatListener() {
                @Override
                public void reasoning(String text) {
                    streamed.append(text);
                }

                @Override
                public void answer(String text) {
                    streamed.append(text);
                }
            }).await();
            ChatResult again = m.chat(ask(11, 12, 12));
            ChatResult other = m.chat(ask(12, 12, 12));
            assertEquals((first.reasoning() + first.answer()).replaceAll("\\s", ""),
                    streamed.toString().replaceAll("\\s", "").replace("</think>", ""));
            assertEquals(first.reasoning(), again.reasoning());
            assertEquals(first.answer(), again.answer());
            assertNotEquals(first.reasoning() + first.answer(), other.reasoning() + other.answer(),
                    "another seed samples other tokens");
        }
    }

    @Test
    void theThinkingBudgetStopsARandomModelThatNeverClosesItsReasoning() {
        try (LocalChatModel m = LocalChatModel.fromConfig(config(folder))) {
            ChatResult r = m.chat(ask(3, 4, 40));
            // This seed's random model does not close its reasoning within 4 tokens: the budget ends it.
            assertEquals(FinishReason.THINKING_BUDGET, r.finish());
            assertEquals(4, r.usage().reasoningTokens());
            assertEquals("", r.answer());
        }
    }

    @Test
    void cancelEndsTheReplyAsCancelled() throws Exception {
        try (LocalChatModel m = LocalChatModel.fromConfig(config(folder))) {
            CountDownLatch firstPiece = new CountDownLatch(1);
            ChatHandle h = m.stream(ask(5, 100_000, 100_000), new ChatListener() {
                @Override
                public void reasoning(String text) {
                    firstPiece.countDown();
                }

                @Override
                public void answer(String text) {
                    firstPiece.countDown();
                }
            });
            assertTrue(firstPiece.await(60, TimeUnit.SECONDS), "no token within a minute");
            h.cancel();
            ChatResult r = h.result().get(60, TimeUnit.SECONDS);
            assertEquals(FinishReason.CANCELLED, r.finish());
        }
    }

    @Test
    void anIncompleteFolderIsRefusedBeforeAnythingLoads() throws Exception {
        Path broken = dir.resolve("broken");
        Files.createDirectories(broken);
        Files.copy(folder.resolve("config.json"), broken.resolve("config.json"));
        LlmSetupException e = assertThrows(LlmSetupException.class, () -> LocalChatModel.fromConfig(config(broken)));
        assertTrue(e.getMessage().contains("has no generation_config.json"), e.getMessage());
    }

    @Test
    void weightsThatFailToLoadEndTheReplyWithTheReason() throws Exception {
        Path noWeights = dir.resolve("no-weights");
        Files.createDirectories(noWeights);
        for (String f : LocalModel.REQUIRED_FILES) {
            Files.copy(folder.resolve(f), noWeights.resolve(f));
        }
        try (LocalChatModel m = LocalChatModel.fromConfig(config(noWeights))) {
            ChatResult r = m.chat(ask(1, 4, 4));
            assertEquals(FinishReason.ERROR, r.finish());
            assertTrue(r.error().orElseThrow().startsWith("cannot load the local model from " + noWeights), r.error().get());
            assertFalse(r.error().get().isBlank());
        }
    }
}
