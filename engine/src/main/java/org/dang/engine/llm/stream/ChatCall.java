package org.dang.engine.llm.stream;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.dang.engine.llm.ChatHandle;
import org.dang.engine.llm.ChatResult;

/** The handle backends give out: a result future and a cancel flag with one abort action. */
public final class ChatCall implements ChatHandle {

    private final CompletableFuture<ChatResult> result = new CompletableFuture<>();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final AtomicReference<Runnable> abort = new AtomicReference<>();

    @Override
    public void cancel() {
        if (cancelled.compareAndSet(false, true)) {
            Runnable a = abort.get();
            if (a != null) {
                a.run();
            }
        }
    }

    /** Whether {@link #cancel()} was called. */
    public boolean cancelled() {
        return cancelled.get();
    }

    /** What cancel does (close a connection, cancel a future); runs at once if already cancelled. */
    public void onCancel(Runnable action) {
        abort.set(action);
        if (cancelled.get()) {
            action.run();
        }
    }

    @Override
    public CompletableFuture<ChatResult> result() {
        return result;
    }

    /** Completes the reply; later calls are ignored. */
    public void complete(ChatResult r) {
        result.complete(r);
    }
}
