package org.dang.engine.llm.local;

/**
 * Receives generated tokens in order, on the generating thread. {@code text} is the text the token
 * completes: empty while it is only part of a multi-byte character, which then arrives whole with a
 * later token. A stop token is not delivered. Bytes of a character left incomplete at the end arrive
 * in one last call with {@link #NO_TOKEN}.
 */
@FunctionalInterface
public interface TokenSink {

    /** The token id of the final call that flushes pending text. */
    int NO_TOKEN = -1;

    /** One token and its text piece. */
    void accept(int tokenId, String text);
}
