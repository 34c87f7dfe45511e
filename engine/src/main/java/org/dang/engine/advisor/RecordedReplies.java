package org.dang.engine.advisor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dang.engine.llm.ChatHandle;
import org.dang.engine.llm.ChatListener;
import org.dang.engine.llm.ChatModel;
import org.dang.engine.llm.ChatRequest;
import org.dang.engine.llm.FinishReason;
import org.dang.engine.llm.ModelInfo;
import org.dang.engine.llm.reasoning.ReasoningParser;
import org.dang.engine.llm.stream.ChatCall;
import org.dang.engine.llm.stream.ReplyAssembler;

/**
 * A {@link ChatModel} that answers each advisor prompt with the reply recorded for its situation:
 * the file {@code <situation id>.txt} in a folder, holding what DeepSeek-R1 streams as content
 * ({@code <think>...</think>} then the answer). The situation is found from the prompt's data block.
 * The text goes through the same reasoning split and token budgets as a live reply; a prompt with no
 * recording ends {@link FinishReason#ERROR} saying which file is missing (the advisor then overrules
 * with MODEL_UNAVAILABLE). Behind {@code dang decide --source llm --recorded DIR}.
 */
public final class RecordedReplies implements ChatModel {

    /** Suffix of a recording file. */
    public static final String SUFFIX = ".txt";

    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");
    // A streamed "token": a run of non-space characters with the spaces after it.
    private static final Pattern TOKEN = Pattern.compile("\\S+\\s*|\\s+");

    private final Path folder;
    private final ModelInfo info;

    /**
     * @param folder the recordings
     * @throws IllegalArgumentException when {@code folder} is not a readable folder
     */
    public RecordedReplies(Path folder) {
        if (!Files.isDirectory(folder) || !Files.isReadable(folder)) {
            throw new IllegalArgumentException("recorded replies: " + folder + " is not a readable folder");
        }
        this.folder = folder;
        this.info = new ModelInfo("recorded", "deepseek-r1 recorded replies", folder.toString());
    }

    /**
     * The recording file for a situation id, empty when the id cannot name a file safely (it comes from
     * plant data: no separators, no leading dot).
     */
    public static Optional<Path> fileFor(Path folder, String situationId) {
        if (!SAFE_ID.matcher(situationId).matches() || situationId.contains("..")) {
            return Optional.empty();
        }
        return Optional.of(folder.resolve(situationId + SUFFIX));
    }

    /** The text of a recording for a reply: reasoning in think tags, a blank line, the answer. */
    public static String format(String reasoning, String answer) {
        return "<think>\n" + reasoning.strip() + "\n</think>\n\n" + answer.strip() + "\n";
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    @Override
    public ChatHandle stream(ChatRequest request, ChatListener listener) {
        ChatCall call = new ChatCall();
        ReplyAssembler reply = new ReplyAssembler(info, request.budget(), listener, ReasoningParser.deepSeekR1(), call);
        String prompt = request.messages().getLast().content();
        Optional<String> id = PromptSituation.idOf(prompt);
        if (id.isEmpty()) {
            reply.fail("recorded replies answer advisor prompts only: no <plant-data> block with a situation id");
            return call;
        }
        Optional<Path> file = fileFor(folder, id.get());
        if (file.isEmpty()) {
            reply.fail("situation id " + Quoted.of(id.get()) + " cannot name a recording file");
            return call;
        }
        String text;
        try {
            if (!Files.isRegularFile(file.get())) {
                reply.fail("no recorded reply for situation " + Quoted.of(id.get()) + ": " + file.get()
                        + " does not exist");
                return call;
            }
            text = Files.readString(file.get(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            reply.fail("cannot read the recorded reply " + file.get() + ": " + e.getMessage());
            return call;
        }
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            ReplyAssembler.Verdict v = reply.content(m.group());
            if (v != ReplyAssembler.Verdict.CONTINUE) {
                reply.finish(v);
                return call;
            }
        }
        reply.finish(FinishReason.STOP, Optional.empty());
        return call;
    }
}
