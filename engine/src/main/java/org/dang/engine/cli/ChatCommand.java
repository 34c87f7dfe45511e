package org.dang.engine.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import org.dang.engine.Engine;
import org.dang.engine.EngineModules;
import org.dang.engine.access.Role;
import org.dang.engine.access.User;
import org.dang.engine.assistant.Assistant;
import org.dang.engine.config.DangConfig;
import org.dang.engine.config.LlmConfig;
import org.dang.engine.config.OrchestratorConfig;
import org.dang.engine.config.OpenAiBackendConfig;
import org.dang.engine.llm.ChatListener;
import org.dang.engine.llm.ChatMessage;
import org.dang.engine.llm.ChatModel;
import org.dang.engine.llm.ChatResult;
import org.dang.engine.llm.backend.ChatModelFactory;
import org.dang.engine.llm.backend.LlmSetup;

/**
 * {@code dang chat}: a conversation with the configured DeepSeek-R1 model in the terminal. The
 * reasoning streams dimmed, then the answer, then a line with who answered and how fast; with
 * {@code --prompt} it answers once and exits (0 when answered), for scripts. With {@code --operator}
 * it asks the engine's assistant instead (tools, history, memory; see {@link AssistantSession}).
 */
@Command(name = "chat", mixinStandardHelpOptions = true,
        description = {"Talk to the configured DeepSeek-R1 model: thinking streams dimmed, then the answer.",
                "With --prompt, answer one prompt and exit (exit code 0 when answered, 1 when not)."})
public final class ChatCommand implements Callable<Integer> {

    @Option(names = "--backend", paramLabel = "KIND",
            description = "Use only this backend: openai, sagemaker or local (default: orchestrator.llm.backends).")
    String backend;

    @Option(names = "--url", paramLabel = "URL",
            description = "OpenAI-compatible server, e.g. http://127.0.0.1:8000 (sets orchestrator.llm.openai.url).")
    String url;

    @Option(names = "--model", paramLabel = "NAME", description = "Model name for the OpenAI-compatible server.")
    String model;

    @Option(names = "--endpoint", paramLabel = "NAME", description = "SageMaker endpoint name.")
    String endpoint;

    @Option(names = "--prompt", paramLabel = "TEXT", description = "Answer this one prompt and exit.")
    String prompt;

    @Option(names = "--thinking-budget", paramLabel = "TOKENS", description = "Reasoning tokens allowed.")
    Integer thinkingBudget;

    @Option(names = "--answer-budget", paramLabel = "TOKENS", description = "Answer tokens allowed.")
    Integer answerBudget;

    @Option(names = "--hide-thinking", description = "Do not print the reasoning (it still counts).")
    boolean hideThinking;

    @Option(names = "--operator", paramLabel = "NAME",
            description = {"Ask the engine's assistant as operator NAME instead of the bare model: it runs modules,"
                    + " reads decision history and keeps NAME's conversation in the decision store (docs/chat.md)."})
    String operator;

    @Mixin
    EngineOptions engineOptions;

    @Spec
    CommandSpec spec;

    /** Where interactive prompts are read from (tests replace it). */
    InputStream input = System.in;

    @Override
    public Integer call() throws Exception {
        LlmConfig config = effective(engineOptions.load().orchestrator().llm());
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LlmSetup setup = ChatModelFactory.standard().create(config);
        setup.problems().forEach(p -> err.println("dang chat: " + p));
        if (setup.model().isEmpty()) {
            err.println("dang chat: " + setup.explain());
            err.flush();
            return 1;
        }
        boolean dim = System.console() != null && System.console().isTerminal() && System.getenv("NO_COLOR") == null;
        if (operator != null) {
            DangConfig loaded = engineOptions.load();
            DangConfig withModel = new DangConfig(new OrchestratorConfig(config), loaded.modules(),
                    loaded.decisionEngine(), loaded.store(), loaded.server(), loaded.advisor(), loaded.console());
            try (ChatModel chat = setup.model().get(); Engine engine = EngineModules.installAvailable(Engine.open(withModel))) {
                return new AssistantSession(Assistant.over(engine, chat), new User(operator.strip(), Role.OPERATOR, "cli"),
                        out, err, dim, hideThinking).run(prompt, input);
            }
        }
        try (ChatModel chat = setup.model().get()) {
            if (prompt != null) {
                return turn(chat, config, List.of(ChatMessage.user(prompt)), out, err, dim).finish().answered() ? 0 : 1;
            }
            out.println("Chatting with " + chat.info().describe() + ". /new starts over, /exit (or end of input) quits.");
            List<ChatMessage> conversation = new ArrayList<>();
            return QuestionLoop.run(input, out, () -> {
                conversation.clear();
                return "new conversation";
            }, line -> {
                conversation.add(ChatMessage.user(line));
                ChatResult r = turn(chat, config, conversation, out, err, dim);
                if (r.finish().answered()) {
                    conversation.add(r.asMessage());
                } else {
                    conversation.removeLast(); // keep the turns alternating; the question can be asked again
                }
            });
        }
    }

    private ChatResult turn(ChatModel chat, LlmConfig config, List<ChatMessage> conversation, PrintWriter out,
                            PrintWriter err, boolean dim) {
        Printer printer = new Printer(out, dim);
        ChatResult r = chat.stream(ChatModelFactory.request(config, Optional.empty(), List.copyOf(conversation)), printer)
                .await();
        printer.reply.finish(r.answer());
        out.println("[" + r.summary() + "]");
        out.flush();
        if (!r.finish().answered()) {
            err.println("dang chat: " + r.error().orElse("no answer: " + r.finish().name().toLowerCase(Locale.ROOT)));
            err.flush();
        }
        return r;
    }

    /** Streams one reply: reasoning dimmed (or hidden), then the answer. */
    private final class Printer implements ChatListener {
        private final ReplyPrinter reply;

        Printer(PrintWriter out, boolean dim) {
            this.reply = new ReplyPrinter(out, dim, hideThinking);
        }

        @Override
        public void reasoning(String text) {
            reply.reasoning(text);
        }

        @Override
        public void answer(String text) {
            reply.answer(text);
        }
    }

    /** The configured LLM settings with the command-line overrides applied. */
    private LlmConfig effective(LlmConfig c) {
        LlmConfig e = c;
        if (url != null || model != null) {
            OpenAiBackendConfig o = e.openai();
            e = e.withOpenai(new OpenAiBackendConfig(url != null ? Optional.of(url) : o.url(),
                    model != null ? Optional.of(model) : o.model(), o.apiKeyEnv(), o.timeout()));
        }
        if (endpoint != null) {
            e = new LlmConfig(e.model(), Optional.of(endpoint), e.hfModelPath(), e.temperature(), e.topP(),
                    e.maxTokens(), e.backends(), e.thinkingBudget(), e.answerBudget(), e.seed(), e.openai(),
                    e.sagemaker(), e.local(), e.circuitBreaker());
        }
        if (thinkingBudget != null || answerBudget != null) {
            int t = thinkingBudget != null ? thinkingBudget : e.thinkingBudget();
            int a = answerBudget != null ? answerBudget : e.answerBudget();
            if (t < 1 || a < 1) {
                throw new ParameterException(spec.commandLine(), "budgets must be at least 1 token");
            }
            e = e.withBudgets(t, a);
        }
        String only = backend != null ? backend : url != null ? "openai" : endpoint != null ? "sagemaker" : null;
        if (only != null) {
            if (!LlmConfig.BACKEND_KINDS.contains(only)) {
                throw new ParameterException(spec.commandLine(), "--backend '" + only
                        + "' is not a backend; use openai, sagemaker or local");
            }
            if (!e.configured(only)) {
                throw new ParameterException(spec.commandLine(), "--backend " + only + " needs " + switch (only) {
                    case "openai" -> "--url (or orchestrator.llm.openai.url)";
                    case "sagemaker" -> "--endpoint (or orchestrator.llm.sagemaker_endpoint)";
                    default -> "orchestrator.llm.hf_model_path";
                });
            }
            e = e.withBackends(List.of(only));
        }
        return e;
    }
}
