package org.dang.engine.advisor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.dang.engine.llm.ChatHandle;
import org.dang.engine.llm.ChatListener;
import org.dang.engine.llm.ChatModel;
import org.dang.engine.llm.ChatRequest;
import org.dang.engine.llm.ChatResult;
import org.dang.engine.llm.ModelInfo;

/**
 * Wraps a live model and saves each answered advisor reply as {@code <situation id>.txt} in the
 * format {@link RecordedReplies} reads, so a live run can become a fixture. The file is written
 * before the caller sees the result; replies that did not answer (error, cancelled, budget) are not
 * saved but listed in {@link #problems()}, as are files that could not be written.
 */
public final class ReplyRecorder implements ChatModel {

    private final ChatModel live;
    private final Path folder;
    private final List<String> problems = new ArrayList<>();
    private final List<Path> written = new ArrayList<>();

    /** Records {@code live}'s replies into {@code folder} (created if needed). */
    public ReplyRecorder(ChatModel live, Path folder) throws IOException {
        this.live = live;
        this.folder = Files.createDirectories(folder);
    }

    @Override
    public ModelInfo info() {
        return live.info();
    }

    @Override
    public ChatHandle stream(ChatRequest request, ChatListener listener) {
        Optional<String> id = PromptSituation.idOf(request.messages().getLast().content());
        ChatHandle handle = live.stream(request, listener);
        CompletableFuture<ChatResult> saved = handle.result().thenApply(r -> {
            save(id, r);
            return r;
        });
        return new ChatHandle() {
            @Override
            public void cancel() {
                handle.cancel();
            }

            @Override
            public CompletableFuture<ChatResult> result() {
                return saved;
            }
        };
    }

    /** The files written so far. */
    public synchronized List<Path> written() {
        return List.copyOf(written);
    }

    /** One line per reply not saved and why. */
    public synchronized List<String> problems() {
        return List.copyOf(problems);
    }

    private synchronized void save(Optional<String> id, ChatResult r) {
        String who = id.map(Quoted::of).orElse("(no situation id in the prompt)");
        Optional<Path> file = id.flatMap(i -> RecordedReplies.fileFor(folder, i));
        if (file.isEmpty()) {
            problems.add("reply for situation " + who + " not recorded: no file name for it");
            return;
        }
        if (!r.finish().answered()) {
            problems.add("reply for situation " + who + " not recorded: it ended " + r.finish()
                    + r.error().map(e -> " (" + e + ")").orElse(""));
            return;
        }
        try {
            // Write beside, then move: a crash never leaves half a fixture.
            Path tmp = Files.createTempFile(folder, ".recording-", ".tmp");
            Files.writeString(tmp, RecordedReplies.format(r.reasoning(), r.answer()), StandardCharsets.UTF_8);
            Files.move(tmp, file.get(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            written.add(file.get());
        } catch (IOException e) {
            problems.add("reply for situation " + who + " not recorded: cannot write " + file.get() + ": " + e);
        }
    }

    @Override
    public void close() {
        live.close();
    }
}
