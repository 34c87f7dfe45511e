package org.dang.engine.config;

import java.math.BigDecimal;
import java.util.List;

/**
 * A YAML document as a small tree that remembers the 1-based line of every node, so that config
 * problems can say where they are. Scalars are already typed by YAML's own rules.
 */
sealed interface YamlNode {

    /** The 1-based line where the node starts. */
    int line();

    /** How the node is named in "expected X, found Y" messages. */
    String describe();

    /** A mapping; duplicate keys are kept, in file order, so the binder can report them. */
    record Mapping(List<Entry> entries, int line) implements YamlNode {
        public Mapping {
            entries = List.copyOf(entries);
        }

        @Override
        public String describe() {
            return "a mapping";
        }
    }

    /** One key of a mapping, with the line of the key itself. */
    record Entry(String key, int keyLine, YamlNode value) {
    }

    /** A list. */
    record Sequence(List<YamlNode> items, int line) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String describe() {
            return "a list";
        }
    }

    /** A string scalar (quoted, or plain text that is no number, boolean or null). */
    record Text(String value, int line) implements YamlNode {
        @Override
        public String describe() {
            return "string \"" + shorten(value) + "\"";
        }
    }

    /** A boolean scalar; YAML 1.1 also reads yes/no/on/off as booleans. */
    record Bool(boolean value, String text, int line) implements YamlNode {
        @Override
        public String describe() {
            return "boolean " + shorten(text);
        }
    }

    /**
     * A number scalar.
     *
     * @param value    its exact value, null for .inf and .nan (never in any allowed range)
     * @param integral whether YAML read it as an integer
     * @param text     as written
     */
    record Numeric(BigDecimal value, boolean integral, String text, int line) implements YamlNode {
        @Override
        public String describe() {
            return "number " + shorten(text);
        }
    }

    /** An empty value ({@code key:}, {@code ~} or {@code null}); {@code text} is as written, often "". */
    record Null(String text, int line) implements YamlNode {
        @Override
        public String describe() {
            return text.isEmpty() ? "an empty value" : "an empty value (" + shorten(text) + ")";
        }
    }

    /** Long texts are cut so that one problem stays one readable line. */
    private static String shorten(String text) {
        String oneLine = text.replace("\n", "\\n");
        return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 57) + "...";
    }
}
