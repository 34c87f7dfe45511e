package org.dang.engine.llm.reasoning;

/** A piece of output text and the channel it belongs to. */
public record Piece(Channel channel, String text) {
}
