package org.dang.app.chat;

import java.util.List;
import java.util.Optional;

/**
 * One question and its reply as the view shows it.
 *
 * @param question        what was asked
 * @param reasoning       the reasoning so far (final once the reply ended)
 * @param reasoningPieces reasoning pieces streamed so far (tokens, roughly)
 * @param steps           the tool steps, in order
 * @param notes           the engine's lines about the loop
 * @param answer          the answer so far
 * @param cards           setpoint proposals to approve or reject
 * @param streaming       whether the reply is still coming
 * @param footer          who answered and how fast (empty while streaming)
 * @param error           why there is no answer, if so
 */
public record ExchangeView(String question, String reasoning, int reasoningPieces, List<StepView> steps,
                           List<String> notes, String answer, List<CardView> cards, boolean streaming, String footer,
                           Optional<String> error) {
    public ExchangeView {
        steps = List.copyOf(steps);
        notes = List.copyOf(notes);
        cards = List.copyOf(cards);
    }
}
