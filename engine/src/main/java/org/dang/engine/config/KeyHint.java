package org.dang.engine.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean X?" for a misspelt key: the closest allowed key within two edits. */
final class KeyHint {

    private static final int MAX_EDITS = 2;

    private KeyHint() {
    }

    /** The allowed key the unknown one most likely meant, if any is close enough. */
    static Optional<String> closest(String unknown, Collection<String> allowed) {
        String wanted = canonical(unknown);
        // maxRetries, max-retries and MAX_RETRIES all mean max_retries: compare without case and separators.
        Optional<String> sameWord = allowed.stream().filter(k -> canonical(k).equals(wanted)).findFirst();
        if (sameWord.isPresent()) {
            return sameWord;
        }
        return allowed.stream()
                .filter(k -> distance(unknown.toLowerCase(Locale.ROOT), k) <= MAX_EDITS)
                .min(Comparator.comparingInt(k -> distance(unknown.toLowerCase(Locale.ROOT), k)));
    }

    private static String canonical(String key) {
        return key.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
    }

    /** Levenshtein distance, two rows at a time. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
