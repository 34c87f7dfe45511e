package org.dang.engine.config;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One mapping of the config file with typed getters. A getter that meets an unusable value records a
 * {@link ConfigProblem} and returns the default, so that one pass finds every problem in the file.
 * Unknown and duplicate keys are recorded when the section is opened.
 */
final class ConfigSection {

    /** Stands in for a section that is absent, empty or of the wrong type, so that every key takes its default. */
    private static final YamlNode.Mapping EMPTY = new YamlNode.Mapping(List.of(), 0);

    private final String path;
    private final Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
    private final List<ConfigProblem> problems;

    private ConfigSection(String path, YamlNode.Mapping mapping, List<String> allowedKeys,
                          List<ConfigProblem> problems) {
        this.path = path;
        this.problems = problems;
        for (YamlNode.Entry entry : mapping.entries()) {
            YamlNode.Entry first = entries.get(entry.key());
            if (!allowedKeys.contains(entry.key())) {
                problems.add(new ConfigProblem(keyPath(entry.key()), entry.keyLine(), unknownKey(entry.key(), allowedKeys)));
            } else if (first != null) {
                problems.add(new ConfigProblem(keyPath(entry.key()), entry.keyLine(),
                        "duplicate key \"" + entry.key() + "\", first given on line " + first.keyLine()
                                + "; each key may appear once"));
            } else {
                entries.put(entry.key(), entry);
            }
        }
    }

    /** The top level of a document; empty (all defaults) when the file holds nothing. */
    static ConfigSection root(Optional<YamlNode> document, List<String> allowedKeys, List<ConfigProblem> problems) {
        return switch (document.orElse(null)) {
            case null -> new ConfigSection("", EMPTY, allowedKeys, problems);
            case YamlNode.Null _ -> new ConfigSection("", EMPTY, allowedKeys, problems);
            case YamlNode.Mapping m -> new ConfigSection("", m, allowedKeys, problems);
            case YamlNode other -> {
                problems.add(new ConfigProblem("", other.line(), "the top level must be a mapping with the sections "
                        + String.join(", ", allowedKeys) + ", found " + other.describe()));
                yield new ConfigSection("", EMPTY, allowedKeys, problems);
            }
        };
    }

    /** A nested mapping; absent or empty ({@code key:}) gives an empty section, i.e. all defaults. */
    ConfigSection section(String key, List<String> allowedKeys) {
        YamlNode.Entry entry = entries.get(key);
        if (entry == null) {
            return new ConfigSection(keyPath(key), EMPTY, allowedKeys, problems);
        }
        return switch (entry.value()) {
            case YamlNode.Mapping m -> new ConfigSection(keyPath(key), m, allowedKeys, problems);
            case YamlNode.Null _ -> new ConfigSection(keyPath(key), EMPTY, allowedKeys, problems);
            default -> {
                wrongType(entry, "a mapping with the keys " + String.join(", ", allowedKeys), null);
                yield new ConfigSection(keyPath(key), EMPTY, allowedKeys, problems);
            }
        };
    }

    /** A non-empty string. */
    String text(String key, String fallback) {
        YamlNode.Entry entry = entries.get(key);
        if (entry == null) {
            return fallback;
        }
        return switch (entry.value()) {
            case YamlNode.Text t when !t.value().isBlank() -> t.value();
            case YamlNode.Text t -> problem(entry, "must not be empty", fallback);
            default -> wrongText(entry, "a non-empty string", fallback);
        };
    }

    /** A string that may be left out or empty ({@code ""} or {@code key:}), both meaning "not used". */
    Optional<String> optionalText(String key) {
        YamlNode.Entry entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        return switch (entry.value()) {
            case YamlNode.Text t when t.value().isBlank() -> Optional.empty();
            case YamlNode.Text t -> Optional.of(t.value());
            case YamlNode.Null _ -> Optional.empty();
            default -> wrongText(entry, "a string (or \"\" when not used)", Optional.empty());
        };
    }

    /** {@code true} or {@code false}. */
    boolean bool(String key, boolean fallback) {
        YamlNode.Entry entry = entries.get(key);
        if (entry == null) {
            return fallback;
        }
        return entry.value() instanceof YamlNode.Bool b ? b.value() : wrongType(entry, "true or false", fallback);
    }

    /** An integer in {@code [min, max]}. */
    int integer(String key, int fallback, int min, int max) {
        YamlNode.Entry entry = entries.get(key);
        if (entry == null) {
            return fallback;
        }
        String allowed = plain(BigDecimal.valueOf(min)) + " to " + plain(BigDecimal.valueOf(max));
        if (!(entry.value() instanceof YamlNode.Numeric n) || (!n.integral() && n.value() != null)) {
            return wrongType(entry, "an integer (" + allowed + ")", fallback);
        }
        if (n.value() == null || n.value().compareTo(BigDecimal.valueOf(min)) < 0
                || n.value().compareTo(BigDecimal.valueOf(max)) > 0) {
            return outOfRange(entry, n.text(), allowed, fallback);
        }
        return n.value().intValueExact();
    }

    /** A number in {@code [min, max]}; integers are numbers too. */
    double number(String key, double fallback, double min, double max) {
        return decimal(key, fallback, BigDecimal.valueOf(min), false, BigDecimal.valueOf(max));
    }

    /** A number in {@code (0, max]}. */
    double positiveNumber(String key, double fallback, double max) {
        return decimal(key, fallback, BigDecimal.ZERO, true, BigDecimal.valueOf(max));
    }

    /** A duration in {@code [min, max]}, in the syntax of {@link DurationSyntax}. */
    Duration duration(String key, Duration fallback, Duration min, Duration max) {
        YamlNode.Entry entry = entries.get(key);
        if (entry == null) {
            return fallback;
        }
        String allowed = DurationSyntax.format(min) + " to " + DurationSyntax.format(max);
        String written;
        Optional<BigDecimal> seconds;
        switch (entry.value()) {
            case YamlNode.Numeric n -> {
                written = n.text();
                seconds = Optional.ofNullable(n.value());
            }
            case YamlNode.Text t -> {
                written = t.value();
                seconds = DurationSyntax.seconds(t.value());
                if (seconds.isEmpty()) {
                    return wrongType(entry, DurationSyntax.EXAMPLES + " (" + allowed + ")", fallback);
                }
            }
            default -> {
                return wrongType(entry, DurationSyntax.EXAMPLES + " (" + allowed + ")", fallback);
            }
        }
        // An empty Optional here is .inf or .nan seconds, which no range contains.
        if (seconds.isEmpty() || seconds.get().compareTo(DurationSyntax.seconds(min)) < 0
                || seconds.get().compareTo(DurationSyntax.seconds(max)) > 0) {
            return outOfRange(entry, written, allowed, fallback);
        }
        return DurationSyntax.toDuration(seconds.get());
    }

    /** A list of non-empty strings ({@code []} for none). */
    List<String> textList(String key, List<String> fallback) {
        YamlNode.Entry entry = entries.get(key);
        if (entry == null) {
            return fallback;
        }
        if (!(entry.value() instanceof YamlNode.Sequence sequence)) {
            return wrongType(entry, "a list of strings such as [a, b] ([] for none)", fallback);
        }
        List<String> values = new ArrayList<>();
        boolean usable = true;
        for (int i = 0; i < sequence.items().size(); i++) {
            YamlNode item = sequence.items().get(i);
            if (item instanceof YamlNode.Text t && !t.value().isBlank()) {
                values.add(t.value());
            } else {
                usable = false;
                problems.add(new ConfigProblem(keyPath(key) + "[" + i + "]", item.line(),
                        "expected a non-empty string, found " + item.describe() + quoteHint(item)));
            }
        }
        return usable ? values : fallback;
    }

    /** One of {@code allowed} (exact, lower case). */
    String choice(String key, String fallback, List<String> allowed) {
        YamlNode.Entry entry = entries.get(key);
        if (entry == null) {
            return fallback;
        }
        if (entry.value() instanceof YamlNode.Text t && allowed.contains(t.value())) {
            return t.value();
        }
        if (entry.value() instanceof YamlNode.Text t) {
            return problem(entry, "\"" + t.value() + "\" is not allowed; use one of " + String.join(", ", allowed),
                    fallback);
        }
        return wrongText(entry, "one of " + String.join(", ", allowed), fallback);
    }

    /** A list of distinct items of {@code allowed} ({@code []} for none). */
    List<String> choiceList(String key, List<String> fallback, List<String> allowed) {
        List<String> items = textList(key, fallback);
        if (items == fallback) {
            return fallback;
        }
        YamlNode.Entry entry = entries.get(key);
        List<String> seen = new ArrayList<>();
        for (String item : items) {
            if (!allowed.contains(item)) {
                return problem(entry, "\"" + item + "\" is not allowed; list items from " + String.join(", ", allowed),
                        fallback);
            }
            if (seen.contains(item)) {
                return problem(entry, "\"" + item + "\" is listed twice; name each once", fallback);
            }
            seen.add(item);
        }
        return items;
    }

    /** An integer in {@code [min, max]}, or nothing when left out, empty or {@code ""}. */
    OptionalLong optionalLong(String key, long min, long max) {
        YamlNode.Entry entry = entries.get(key);
        if (entry == null || entry.value() instanceof YamlNode.Null
                || entry.value() instanceof YamlNode.Text t && t.value().isBlank()) {
            return OptionalLong.empty();
        }
        String allowed = min + " to " + max + " (or \"\" for none)";
        if (!(entry.value() instanceof YamlNode.Numeric n) || !n.integral() || n.value() == null) {
            return wrongType(entry, "an integer (" + allowed + ")", OptionalLong.empty());
        }
        if (n.value().compareTo(BigDecimal.valueOf(min)) < 0 || n.value().compareTo(BigDecimal.valueOf(max)) > 0) {
            return outOfRange(entry, n.text(), allowed, OptionalLong.empty());
        }
        return OptionalLong.of(n.value().longValueExact());
    }

    /** Records a problem of {@code key} at its line (for checks across keys); nothing when the key is absent. */
    void problemAt(String key, String message) {
        YamlNode.Entry entry = entries.get(key);
        if (entry != null) {
            problems.add(new ConfigProblem(keyPath(entry.key()), entry.keyLine(), message));
        }
    }

    /** Whether the key is given in the file. */
    boolean has(String key) {
        return entries.containsKey(key);
    }

    /** A file system path, expanded and resolved by {@link ConfigPaths}. */
    Path path(String key, Path fallback, Path home, Path baseDir) {
        YamlNode.Entry entry = entries.get(key);
        if (entry == null) {
            return fallback;
        }
        if (entry.value() instanceof YamlNode.Null n && n.text().equals("~")) {
            // A lone ~ is YAML's null, not the home folder; say so, as it is the natural thing to write.
            return problem(entry, "a lone ~ means \"empty\" in YAML; write \"~\" in quotes for your home folder",
                    fallback);
        }
        if (!(entry.value() instanceof YamlNode.Text t) || t.value().isBlank()) {
            return wrongText(entry, "a non-empty path", fallback);
        }
        try {
            return ConfigPaths.resolve(t.value(), home, baseDir);
        } catch (IllegalArgumentException e) {
            return problem(entry, e.getMessage(), fallback);
        }
    }

    /** A path that may be left out or empty ({@code ""} or {@code key:}), both meaning "not used". */
    Optional<Path> optionalPath(String key, Path home, Path baseDir) {
        Optional<String> written = optionalText(key);
        if (written.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ConfigPaths.resolve(written.get(), home, baseDir));
        } catch (IllegalArgumentException e) {
            return problem(entries.get(key), e.getMessage(), Optional.empty());
        }
    }

    /** Records {@code message} against {@code key} (at its line) when the key is present; for checks across keys. */
    void reject(String key, String message) {
        YamlNode.Entry entry = entries.get(key);
        problems.add(new ConfigProblem(keyPath(key), entry == null ? 0 : entry.keyLine(), message));
    }

    private double decimal(String key, double fallback, BigDecimal min, boolean minExclusive, BigDecimal max) {
        YamlNode.Entry entry = entries.get(key);
        if (entry == null) {
            return fallback;
        }
        String allowed = minExclusive ? "greater than " + plain(min) + ", up to " + plain(max)
                : plain(min) + " to " + plain(max);
        if (!(entry.value() instanceof YamlNode.Numeric n)) {
            return wrongType(entry, "a number (" + allowed + ")", fallback);
        }
        if (n.value() == null || n.value().compareTo(max) > 0 || n.value().compareTo(min) < 0
                || (minExclusive && n.value().compareTo(min) == 0)) {
            return outOfRange(entry, n.text(), allowed, fallback);
        }
        return n.value().doubleValue();
    }

    private <T> T wrongType(YamlNode.Entry entry, String expected, T fallback) {
        YamlNode found = entry.value();
        String hint = found instanceof YamlNode.Null ? "; leave the key out to use the default" : "";
        return problem(entry, "expected " + expected + ", found " + found.describe() + hint, fallback);
    }

    /** As {@link #wrongType}, for keys that want text, where a number or boolean was probably meant as text. */
    private <T> T wrongText(YamlNode.Entry entry, String expected, T fallback) {
        YamlNode found = entry.value();
        String hint = found instanceof YamlNode.Null ? "; leave the key out to use the default" : quoteHint(found);
        return problem(entry, "expected " + expected + ", found " + found.describe() + hint, fallback);
    }

    private <T> T outOfRange(YamlNode.Entry entry, String written, String allowed, T fallback) {
        return problem(entry, "value " + written + " is out of range; allowed " + allowed, fallback);
    }

    private <T> T problem(YamlNode.Entry entry, String message, T fallback) {
        problems.add(new ConfigProblem(keyPath(entry.key()), entry.keyLine(), message));
        return fallback;
    }

    /** Numbers and booleans where text is wanted are usually names YAML read as values: say how to keep them text. */
    private static String quoteHint(YamlNode found) {
        return found instanceof YamlNode.Numeric || found instanceof YamlNode.Bool
                ? "; put it in quotes to use it as text" : "";
    }

    private String keyPath(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static String unknownKey(String key, List<String> allowedKeys) {
        String hint = KeyHint.closest(key, allowedKeys).map(k -> " (did you mean \"" + k + "\"?)").orElse("");
        return "unknown key \"" + key + "\"" + hint + "; allowed keys: " + String.join(", ", allowedKeys);
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
