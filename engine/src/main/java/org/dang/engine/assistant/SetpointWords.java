package org.dang.engine.assistant;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spots an operator asking in words for a setpoint change ("raise the coil outlet to 365"). The chat
 * cannot apply one: the engine runs the optimiser instead, with the operator's own target when the
 * words name one setpoint and an absolute value ("to 365"), else for the policy's move; either way
 * the result is a safety-checked proposal the operator may approve, and the model is told so.
 */
public final class SetpointWords {

    private static final Pattern CHANGE = Pattern.compile("\\b(raise|lower|increase|decrease|reduce|set|change"
            + "|move|bump|drop|cut|put|take)\\b[^.?!]{0,80}?\\b(coil outlet|cot|feed|charge|reflux|stripping steam"
            + "|steam|kero(?:sene)? draw|diesel draw|draw temp\\w*|setpoints?|temperature)\\b[^.?!]{0,40}?"
            + "\\b(to|by)\\s*([-+]?\\d+(?:\\.\\d+)?)");

    /**
     * What the operator asked for.
     *
     * @param words      the words asking for it
     * @param parameters the optimisation parameters to run with: {@code setpoint} and {@code target} for one
     *                   named setpoint and an absolute value, else none (the policy's move)
     */
    public record Ask(String words, Map<String, Object> parameters) {
        public Ask {
            parameters = Map.copyOf(parameters);
        }
    }

    private SetpointWords() {
    }

    /** The setpoint change {@code question} asks for, if it asks for one. */
    public static Optional<Ask> in(String question) {
        String lower = question.toLowerCase(Locale.ROOT);
        Matcher m = CHANGE.matcher(lower);
        if (!m.find()) {
            return Optional.empty();
        }
        Map<String, Object> p = new LinkedHashMap<>();
        String name = setpoint(m.group(2));
        if (name != null && m.group(3).equals("to")) {
            p.put("setpoint", name);
            p.put("target", Double.parseDouble(m.group(4)));
        }
        return Optional.of(new Ask(lower.substring(m.start(), m.end()), p));
    }

    /** The setpoint a word names, or null when it names none in particular. */
    private static String setpoint(String word) {
        return switch (word) {
            case "coil outlet", "cot" -> "coil_outlet_temp";
            case "feed", "charge" -> "feed_rate";
            case "reflux" -> "reflux_ratio";
            case "stripping steam", "steam" -> "stripping_steam";
            case "kero draw", "kerosene draw" -> "kero_draw_temp";
            case "diesel draw" -> "diesel_draw_temp";
            default -> null;
        };
    }
}
