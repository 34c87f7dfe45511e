package org.dang.engine.cli;

import static org.dang.engine.llm.openai.ScriptedOpenAiServer.r1Reply;
import static org.dang.engine.llm.openai.ScriptedOpenAiServer.sse;
import static org.dang.engine.llm.openai.ScriptedOpenAiServer.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

import org.dang.engine.llm.openai.ScriptedOpenAiServer;

/** {@code dang chat} against a loopback OpenAI-compatible server. */
class ChatCommandTest {

    @TempDir
    Path tmp;

    private ScriptedOpenAiServer server;

    private record Run(int exit, String out, String err) {
    }

    @BeforeEach
    void start() throws Exception {
        server = new ScriptedOpenAiServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Run run(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ChatCommand command = new ChatCommand();
        if (stdin != null) {
            command.input = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        }
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return new Run(cl.execute(args), out.toString(), err.toString());
    }

    private String emptyConfig() throws Exception {
        return Files.writeString(tmp.resolve("config.yaml"), "").toString();
    }

    @Test
    void onePromptStreamsThinkingThenAnswerAndExits() throws Exception {
        server.then(sse(r1Reply(List.of("Reflux", " ratio", " is", " low."), List.of("Raise", " reflux."), 20),
                Duration.ofMillis(2)));
        Run r = run(null, "--config", emptyConfig(), "--backend", "openai", "--url", server.url(), "--prompt",
                "Why is the naphtha end point high?");
        assertEquals(0, r.exit(), r.err());
        String[] lines = r.out().split("\n");
        assertEquals("thinking: Reflux ratio is low.", lines[0], "not a terminal: no ANSI codes");
        assertEquals("", lines[1]);
        assertEquals("Raise reflux.", lines[2]);
        assertTrue(lines[3].startsWith("[openai deepseek-r1-distill-qwen-7b | first token "), lines[3]);
        // The </think> token counts as reasoning and the "\n\n" after it as answer, as R1 emits them.
        assertTrue(lines[3].endsWith(" | 5 reasoning + 3 answer tokens, prompt 20 | stop]"), lines[3]);
        assertFalse(r.out().contains("\u001B["));
        assertEquals("Why is the naphtha end point high?",
                server.received().getFirst().body().path("messages").path(0).path("content").asText());
    }

    @Test
    void interactiveConversationKeepsHistoryWithoutReasoning() throws Exception {
        server.then(sse(r1Reply(List.of("secret"), List.of("First."), 5), Duration.ZERO))
                .then(sse(r1Reply(List.of("more"), List.of("Second."), 9), Duration.ZERO));
        Run r = run("Q1\n\nQ2\n/exit\n", "--config", emptyConfig(), "--url", server.url(), "--hide-thinking");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("First.") && r.out().contains("Second."), r.out());
        assertFalse(r.out().contains("secret"), "--hide-thinking");
        var messages = server.received().get(1).body().path("messages");
        assertEquals(3, messages.size());
        assertEquals("First.", messages.get(1).path("content").asText());
    }

    @Test
    void asAnOperatorItAsksTheAssistantWhichRunsToolsAndRemembersAcrossRuns() throws Exception {
        String previousHome = System.setProperty("dang.home", "..");
        try {
            server.then(sse(r1Reply(List.of("Need", " the", " market."), List.of("{\"action\": \"INVOKE\", \"module\":",
                    " \"analysis\", \"parameters\": {}, \"confidence\": 0.8, \"rationale\": \"market\"}"), 30),
                    Duration.ZERO))
                    .then(sse(r1Reply(List.of("Read", " it."), List.of("Diesel", " cracks", " are", " firm."), 60),
                            Duration.ZERO))
                    .then(sse(r1Reply(List.of("Memory."), List.of("You", " asked", " about", " diesel."), 60),
                            Duration.ZERO));
            String store = tmp.resolve("decisions").toString();
            Run first = run(null, "--config", emptyConfig(), "--store", store, "--url", server.url(), "--operator",
                    "op.cli", "--prompt", "What does the market say about diesel?");
            assertEquals(0, first.exit(), first.err());
            assertTrue(first.out().contains("[running analysis ...]"), first.out());
            assertTrue(first.out().contains("[running analysis done: "), first.out());
            assertTrue(first.out().contains("Diesel cracks are firm."), first.out());
            assertFalse(first.out().contains("\"action\""), "the tool request is not printed as an answer");
            Run second = run(null, "--config", emptyConfig(), "--store", store, "--url", server.url(), "--operator",
                    "op.cli", "--prompt", "What did I ask before?");
            assertEquals(0, second.exit(), second.err());
            String prompt = server.received().get(2).body().path("messages").path(0).path("content").asText();
            assertTrue(prompt.contains("What does the market say about diesel?"), "the conversation came back");
        } finally {
            if (previousHome == null) {
                System.clearProperty("dang.home");
            } else {
                System.setProperty("dang.home", previousHome);
            }
        }
    }

    @Test
    void serverErrorExitsOneWithTheReason() throws Exception {
        server.then(status(500, "{\"error\":{\"message\":\"out of memory\"}}"));
        Run r = run(null, "--config", emptyConfig(), "--url", server.url(), "--prompt", "hi");
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("out of memory"), r.err());
    }

    @Test
    void noModelConfiguredSaysHowToSetOneUp() throws Exception {
        Run r = run(null, "--config", emptyConfig(), "--prompt", "hi");
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("No language model is configured"), r.err());
    }

    @Test
    void badBackendOptionsAreUsageErrors() throws Exception {
        Run kind = run(null, "--config", emptyConfig(), "--backend", "cloud", "--prompt", "hi");
        assertEquals(2, kind.exit());
        assertTrue(kind.err().contains("--backend 'cloud' is not a backend"), kind.err());
        Run missing = run(null, "--config", emptyConfig(), "--backend", "openai", "--prompt", "hi");
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("needs --url"), missing.err());
        Run local = run(null, "--config", emptyConfig(), "--backend", "local", "--prompt", "hi");
        assertTrue(local.err().contains("hf_model_path"), local.err());
    }
}
