package org.dang.engine.assistant;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spots an operator asking in words for a setpoint change ("raise the coil outlet to 365"). The chat
 * cannot apply one: the engine runs the optimiser instead, whose safety-checked proposal the operator
 * may approve, and the model is told so.
 */
public final class SetpointWords {

    private static final Pattern CHANGE = Pattern.compile("\\b(raise|lower|increase|decrease|reduce|set|change"
            + "|move|bump|drop|cut|put|take)\\b[^.?!]{0,80}?\\b(coil outlet|cot|feed|charge|reflux|stripping steam"
            + "|steam|kero(sene)? draw|diesel draw|draw temp\\w*|setpoints?|temperature)\\b[^.?!]{0,40}?"
            + "\\b(to|by)\\s*[-+]?\\d+(\\.\\d+)?");

    private SetpointWords() {
    }

    /** The words asking for a setpoint change, if {@code question} has them. */
    public static Optional<String> in(String question) {
        String lower = question.toLowerCase(Locale.ROOT);
        Matcher m = CHANGE.matcher(lower);
        return m.find() ? Optional.of(lower.substring(m.start(), m.end())) : Optional.empty();
    }
}
