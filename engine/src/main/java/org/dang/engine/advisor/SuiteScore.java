package org.dang.engine.advisor;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.dang.engine.decision.Decision;
import org.dang.engine.decision.ExpectedDecision;

/**
 * The score of a situation suite against its expected decisions, overall and split into the
 * situations {@link AmbiguityCheck} calls ambiguous and the rest, plus what the advisor did when
 * asked. Not thread-safe: one run fills one score.
 */
public final class SuiteScore {

    private int scored;
    private int correct;
    private int unreadable;
    private int unambiguous;
    private int unambiguousCorrect;
    private int ambiguous;
    private int ambiguousCorrect;
    private int asked;
    private int stood;
    private final Map<OverruleReason, Integer> overruled = new EnumMap<>(OverruleReason.class);

    /** Whether {@code got} equals {@code expected} as a multiset of (action, module, priority). */
    public static boolean matches(List<Decision> got, List<ExpectedDecision> expected) {
        if (got.size() != expected.size()) {
            return false;
        }
        Map<ExpectedDecision, Integer> counts = new HashMap<>();
        got.forEach(d -> counts.merge(d.signature(), 1, Integer::sum));
        for (ExpectedDecision x : expected) {
            Integer n = counts.get(x);
            if (n == null || n == 0) {
                return false;
            }
            counts.put(x, n - 1);
        }
        return true;
    }

    /** Counts one scored situation. */
    public void add(boolean isAmbiguous, boolean isCorrect) {
        scored++;
        correct += isCorrect ? 1 : 0;
        if (isAmbiguous) {
            ambiguous++;
            ambiguousCorrect += isCorrect ? 1 : 0;
        } else {
            unambiguous++;
            unambiguousCorrect += isCorrect ? 1 : 0;
        }
    }

    /** Counts a file that could not be read: scored, and wrong. */
    public void addUnreadable() {
        scored++;
        unreadable++;
    }

    /** Counts what the advisor did with a situation it asked the model about. */
    public void addAdvice(Advice advice) {
        asked++;
        advice.verdict().overrule().ifPresentOrElse(o -> overruled.merge(o.reason(), 1, Integer::sum), () -> stood++);
    }

    /** Situations scored (read or not). */
    public int scored() {
        return scored;
    }

    /** Whether every readable unambiguous situation matched and every file was read: the rules' contract. */
    public boolean unambiguousAllCorrect() {
        return unreadable == 0 && unambiguousCorrect == unambiguous;
    }

    /** {@code SUBSETS unambiguous accuracy=A n=N ambiguous accuracy=A n=N [unreadable=K]}. */
    public String subsetsLine() {
        return String.format(Locale.ROOT, "SUBSETS unambiguous accuracy=%.4f n=%d ambiguous accuracy=%.4f n=%d%s",
                ratio(unambiguousCorrect, unambiguous), unambiguous, ratio(ambiguousCorrect, ambiguous), ambiguous,
                unreadable == 0 ? "" : " unreadable=" + unreadable);
    }

    /** {@code ADVISOR asked=N stood=N overruled=N REASON=N ...}. */
    public String advisorLine() {
        int over = overruled.values().stream().mapToInt(Integer::intValue).sum();
        String reasons = overruled.entrySet().stream().map(e -> " " + e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining());
        return "ADVISOR asked=" + asked + " stood=" + stood + " overruled=" + over + reasons;
    }

    /** {@code SUMMARY accuracy=A n=N source=S}. */
    public String summaryLine(String source) {
        return String.format(Locale.ROOT, "SUMMARY accuracy=%.4f n=%d source=%s", ratio(correct, scored), scored, source);
    }

    private static double ratio(int a, int b) {
        return b == 0 ? 0 : (double) a / b;
    }
}
