package org.dang.app.chat;

import java.util.Optional;

/**
 * One question and its reply as the view shows it.
 *
 * @param question       what was asked
 * @param reasoning      the reasoning so far (final once the reply ended)
 * @param reasoningTokens reasoning tokens so far
 * @param answer         the answer so far
 * @param streaming      whether the reply is still coming
 * @param footer         who answered and how fast (empty while streaming)
 * @param error          why there is no (full) answer, if so
 */
public record ExchangeView(String question, String reasoning, int reasoningTokens, String answer, boolean streaming,
                           String footer, Optional<String> error) {
}
