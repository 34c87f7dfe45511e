package org.dang.engine.config;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The configuration's duration syntax: a number of seconds ({@code 90}, {@code 0.5}), a number with
 * a unit ({@code 500ms}, {@code 90s}, {@code 15m}, {@code 2h}, {@code 1d}) or ISO-8601 ({@code PT5M}).
 */
final class DurationSyntax {

    /** Shown in messages when a value is not a duration. */
    static final String EXAMPLES = "a duration such as 90 (seconds), 500ms, 90s, 15m, 2h, 1d or PT15M";

    // Units are lower case only: "M" would be ambiguous between minutes and months.
    private static final Pattern NUMBER_WITH_UNIT =
            Pattern.compile("([-+]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+))\\s*(ms|s|m|h|d)?");
    private static final BigDecimal NANOS_PER_SECOND = BigDecimal.valueOf(1_000_000_000L);

    private DurationSyntax() {
    }

    /** The duration a text stands for, in exact seconds (not yet range-checked), or empty if it is no duration. */
    static Optional<BigDecimal> seconds(String text) {
        String t = text.strip();
        Matcher m = NUMBER_WITH_UNIT.matcher(t);
        if (m.matches()) {
            BigDecimal amount = new BigDecimal(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2);
            return Optional.of(switch (unit) {
                case "ms" -> amount.movePointLeft(3);
                case "m" -> amount.multiply(BigDecimal.valueOf(60));
                case "h" -> amount.multiply(BigDecimal.valueOf(3_600));
                case "d" -> amount.multiply(BigDecimal.valueOf(86_400));
                default -> amount;
            });
        }
        String upper = t.toUpperCase(Locale.ROOT);
        if (upper.startsWith("P") || upper.startsWith("-P") || upper.startsWith("+P")) {
            try {
                return Optional.of(seconds(Duration.parse(t)));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** A duration in exact seconds. */
    static BigDecimal seconds(Duration duration) {
        return BigDecimal.valueOf(duration.getSeconds()).add(BigDecimal.valueOf(duration.getNano(), 9));
    }

    /** Seconds to a duration, rounded to the nanosecond; the caller has range-checked them. */
    static Duration toDuration(BigDecimal seconds) {
        return Duration.ofNanos(seconds.multiply(NANOS_PER_SECOND).setScale(0, RoundingMode.HALF_UP).longValueExact());
    }

    /** A duration in the config syntax, in the largest unit that represents it exactly ({@code 24h}, {@code 500ms}). */
    static String format(Duration duration) {
        if (duration.isZero()) {
            return "0s";
        }
        long nanos;
        try {
            nanos = duration.toNanos();
        } catch (ArithmeticException e) {
            return duration.toString();
        }
        long[] sizes = {86_400_000_000_000L, 3_600_000_000_000L, 60_000_000_000L, 1_000_000_000L, 1_000_000L};
        String[] units = {"d", "h", "m", "s", "ms"};
        for (int i = 0; i < sizes.length; i++) {
            // One day reads better as 24h, the way ranges are usually written.
            if (nanos % sizes[i] == 0 && !(i == 0 && nanos == sizes[0])) {
                return nanos / sizes[i] + units[i];
            }
        }
        return duration.toString();
    }
}
