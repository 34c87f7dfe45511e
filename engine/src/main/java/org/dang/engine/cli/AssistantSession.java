package org.dang.engine.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;

import org.dang.engine.access.User;
import org.dang.engine.assistant.Assistant;
import org.dang.engine.assistant.AssistantListener;
import org.dang.engine.assistant.AssistantReply;
import org.dang.engine.assistant.ProposalCard;
import org.dang.engine.assistant.ReplyStatus;
import org.dang.engine.assistant.ToolStep;

/**
 * {@code dang chat --operator NAME}: the engine's assistant in the terminal. Reasoning streams dimmed,
 * tool steps print as they start and end, then the answer and who answered; proposals are listed by
 * id (approve them in the console or with the API: the terminal never moves a setpoint).
 */
final class AssistantSession {

    private final Assistant assistant;
    private final User user;
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean dim;
    private final boolean hideThinking;

    AssistantSession(Assistant assistant, User user, PrintWriter out, PrintWriter err, boolean dim,
                     boolean hideThinking) {
        this.assistant = assistant;
        this.user = user;
        this.out = out;
        this.err = err;
        this.dim = dim;
        this.hideThinking = hideThinking;
    }

    /** One {@code prompt} (exit 0 when answered), or questions from {@code input} until /exit or its end. */
    int run(String prompt, InputStream input) throws IOException {
        if (prompt != null) {
            return turn(prompt).status() == ReplyStatus.ANSWERED ? 0 : 1;
        }
        int earlier = assistant.history(user, 1_000).size();
        out.println("Asking the assistant (" + assistant.model().info().describe() + ") as " + user.name()
                + (earlier == 0 ? "" : "; your conversation has " + earlier + " earlier turns")
                + ". /new forgets the conversation, /exit (or end of input) quits.");
        return QuestionLoop.run(input, out, () -> "conversation forgotten: " + assistant.clear(user) + " turns",
                this::turn);
    }

    private AssistantReply turn(String question) {
        Printer printer = new Printer();
        AssistantReply r = assistant.ask(user, question, printer).await();
        if (r.status() == ReplyStatus.ANSWERED) {
            printer.reply.finish(r.answer());
        } else {
            printer.reply.closeReasoning();
            err.println("dang chat: " + r.message());
            err.flush();
        }
        for (ProposalCard c : r.proposals()) {
            out.println("proposal " + c.id() + ": " + c.summary() + (c.approvable()
                    ? " (approve or reject it in the console's Chat or Optimisation tab, or with the API)" : ""));
        }
        if (!r.footer().isEmpty()) {
            out.println("[" + r.footer() + "]");
        }
        out.flush();
        return r;
    }

    /** Streams one question's progress. */
    private final class Printer implements AssistantListener {
        private final ReplyPrinter reply = new ReplyPrinter(out, dim, hideThinking);

        @Override
        public void thinking(String text) {
            reply.reasoning(text);
        }

        @Override
        public void step(ToolStep s) {
            String mark = switch (s.state()) {
                case RUNNING -> "...";
                case COMPLETED -> "done:";
                case FAILED -> "failed:";
            };
            note(s.label() + " " + mark + (s.summary().isEmpty() ? "" : " " + s.summary()));
        }

        @Override
        public void note(String text) {
            synchronized (reply) { // one lock with the streamed text, so lines never interleave
                reply.closeReasoning();
                out.println("[" + text + "]");
                out.flush();
            }
        }

        @Override
        public void answer(String text) {
            reply.answer(text);
        }
    }
}
