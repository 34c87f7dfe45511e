package org.dang.engine.cli;

import java.io.PrintWriter;

/**
 * A model's reply streamed to a terminal: reasoning after "thinking:" (dimmed, or hidden), closed by a
 * blank line before anything else is printed, then the answer. Shared by both kinds of {@code dang chat}.
 */
final class ReplyPrinter {

    private static final String FAINT = "\u001B[2m";
    private static final String NORMAL = "\u001B[22m";

    private final PrintWriter out;
    private final boolean dim;
    private final boolean hideThinking;
    private boolean inReasoning;
    private boolean answered;

    ReplyPrinter(PrintWriter out, boolean dim, boolean hideThinking) {
        this.out = out;
        this.dim = dim;
        this.hideThinking = hideThinking;
    }

    /** More reasoning text. */
    synchronized void reasoning(String text) {
        if (hideThinking) {
            return;
        }
        if (!inReasoning) {
            out.print(dim ? FAINT + "thinking: " : "thinking: ");
            inReasoning = true;
        }
        out.print(text);
        out.flush();
    }

    /** More answer text. */
    synchronized void answer(String text) {
        closeReasoning();
        answered = true;
        out.print(text);
        out.flush();
    }

    /** Ends reasoning in progress, so the next line stands on its own. */
    synchronized void closeReasoning() {
        if (inReasoning) {
            out.print(dim ? NORMAL + "\n\n" : "\n\n");
            inReasoning = false;
        }
    }

    /**
     * Ends an answered reply: prints {@code answer} unless it already streamed (a model that never opened
     * or closed a reasoning streams its answer as thinking), then ends the line.
     */
    synchronized void finish(String answer) {
        closeReasoning();
        if (!answered) {
            out.print(answer);
        }
        out.println();
    }
}
