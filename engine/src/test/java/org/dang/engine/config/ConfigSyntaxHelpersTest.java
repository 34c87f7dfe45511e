package org.dang.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ConfigSyntaxHelpersTest {

    /** Compares numerically: 300 and 300.000 are the same number of seconds. */
    private static void assertSeconds(String expected, String text) {
        BigDecimal actual = DurationSyntax.seconds(text).orElseThrow(() -> new AssertionError(text + " not parsed"));
        assertEquals(0, new BigDecimal(expected).compareTo(actual), text + " gave " + actual);
    }

    @Test
    void durationTextsBecomeExactSeconds() {
        assertSeconds("0.5", "500ms");
        assertSeconds("5400", "1.5h");
        assertSeconds("172800", "2d");
        assertSeconds("300", "PT5M");
        assertSeconds("-60", "-1m");
        assertSeconds("0.001", "1ms");
        assertEquals(Optional.empty(), DurationSyntax.seconds("5 minutes"));
        assertEquals(Optional.empty(), DurationSyntax.seconds("15M"));
        assertEquals(Optional.empty(), DurationSyntax.seconds("PT"));
        assertEquals(Optional.empty(), DurationSyntax.seconds(""));
    }

    @Test
    void durationsAreFormattedInTheLargestExactUnit() {
        assertEquals("0s", DurationSyntax.format(Duration.ZERO));
        assertEquals("1ms", DurationSyntax.format(Duration.ofMillis(1)));
        assertEquals("90s", DurationSyntax.format(Duration.ofSeconds(90)));
        assertEquals("10m", DurationSyntax.format(Duration.ofMinutes(10)));
        assertEquals("24h", DurationSyntax.format(Duration.ofDays(1)));
        assertEquals("7d", DurationSyntax.format(Duration.ofDays(7)));
        assertEquals("PT0.0000015S", DurationSyntax.format(Duration.ofNanos(1500)));
    }

    @Test
    void keyHintsFindCloseAndDifferentlyWrittenKeys() {
        List<String> keys = List.of("max_retries", "retry_backoff", "cache_ttl");
        assertEquals(Optional.of("max_retries"), KeyHint.closest("max_retires", keys));
        assertEquals(Optional.of("max_retries"), KeyHint.closest("maxRetries", keys));
        assertEquals(Optional.of("cache_ttl"), KeyHint.closest("cache-ttl", keys));
        assertEquals(Optional.empty(), KeyHint.closest("timeout", keys));
        assertEquals(3, KeyHint.distance("kitten", "sitting"));
        assertEquals(0, KeyHint.distance("", ""));
    }

    @Test
    void pathsExpandTildeAndResolveRelativeOnes() {
        Path home = Path.of("/home/op");
        Path base = Path.of("/etc/dang");
        assertEquals(Path.of("/home/op"), ConfigPaths.resolve("~", home, base));
        assertEquals(Path.of("/home/op/.dang/decisions"), ConfigPaths.resolve("~/.dang/decisions", home, base));
        assertEquals(Path.of("/etc/dang/db/decisions"), ConfigPaths.resolve("db/decisions", home, base));
        assertEquals(Path.of("/etc/db"), ConfigPaths.resolve("../db", home, base));
        assertEquals(Path.of("/srv/db"), ConfigPaths.resolve("/srv/./db", home, base));
        assertThrows(IllegalArgumentException.class, () -> ConfigPaths.resolve("~op/db", home, base));
        assertThrows(IllegalArgumentException.class, () -> ConfigPaths.resolve("bad\0path", home, base));
    }

    @Test
    void problemsFormatAsSourceLineKeyMessage() {
        assertEquals("f.yaml:3: a.b: too big", new ConfigProblem("a.b", 3, "too big").format("f.yaml"));
        assertEquals("f.yaml:3: bad syntax", new ConfigProblem("", 3, "bad syntax").format("f.yaml"));
        assertEquals("f.yaml: unreadable", new ConfigProblem("", 0, "unreadable").format("f.yaml"));
        assertThrows(IllegalArgumentException.class, () -> new ConfigException("f.yaml", List.of()));
    }
}
