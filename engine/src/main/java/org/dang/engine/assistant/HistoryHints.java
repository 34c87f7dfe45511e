package org.dang.engine.assistant;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dang.engine.module.ModuleName;

/**
 * Spots a question about past decisions ("why did you run the optimiser at 03:00?") and the records
 * it is about, so the engine gives the model those records up front: a model that never asks for
 * history still answers from the record, not from memory. Times are read as UTC, the time of the
 * decision store; a clock time means its latest occurrence at or before now, give or take
 * {@link #AROUND}.
 */
public final class HistoryHints {

    /** How far either side of a named clock time records are fetched. */
    public static final Duration AROUND = Duration.ofHours(1);

    private static final Pattern PAST = Pattern.compile("\\b(why (did|was|were|has|have|had)|when (did|was)"
            + "|what happened|did (you|it|the)|history|last time|last night|yesterday|earlier today"
            + "|decisions?|decided|recorded)\\b");
    private static final Pattern CLOCK = Pattern.compile("\\b([01]?\\d|2[0-3])[:.h]([0-5]\\d)\\b"
            + "|\\b(1[0-2]|0?[1-9])\\s?(am|pm)\\b");

    /**
     * Records to fetch for a question.
     *
     * @param query   the store query
     * @param because what in the question led to it (shown to the model)
     */
    public record Prefetch(HistoryQuery query, String because) {
    }

    private HistoryHints() {
    }

    /** The records {@code question} (asked at {@code now}) is about, when it is about past decisions. */
    public static Optional<Prefetch> match(String question, Instant now) {
        String q = question.toLowerCase(Locale.ROOT);
        Matcher past = PAST.matcher(q);
        if (!past.find()) {
            return Optional.empty();
        }
        List<String> because = new ArrayList<>(List.of("the question asks about the past (\"" + past.group() + "\")"));
        Optional<ModuleName> module = moduleIn(q);
        module.ifPresent(m -> because.add("it names " + m.key()));
        Instant from = null;
        Instant to = null;
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        boolean yesterday = q.contains("yesterday") || q.contains("last night");
        Matcher clock = CLOCK.matcher(q);
        if (clock.find()) {
            LocalTime t = clock.group(1) != null
                    ? LocalTime.of(Integer.parseInt(clock.group(1)), Integer.parseInt(clock.group(2)))
                    : LocalTime.of(Integer.parseInt(clock.group(3)) % 12 + ("pm".equals(clock.group(4)) ? 12 : 0), 0);
            Instant at = today.atTime(t).toInstant(ZoneOffset.UTC);
            if (at.isAfter(now) || yesterday) {
                at = at.minus(Duration.ofDays(1));
            }
            from = at.minus(AROUND);
            to = at.plus(AROUND);
            because.add("it names " + clock.group().strip() + " (taken as " + at + ", within "
                    + AROUND.toMinutes() + " minutes)");
        } else if (yesterday) {
            from = today.minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            to = today.atStartOfDay(ZoneOffset.UTC).toInstant();
            because.add("it names yesterday (" + today.minusDays(1) + ", UTC)");
        }
        return Optional.of(new Prefetch(new HistoryQuery(Optional.ofNullable(from), Optional.ofNullable(to), module,
                Optional.empty(), Optional.empty(), HistoryQuery.DEFAULT_LIMIT), String.join("; ", because)));
    }

    /** The module a question names, in the plant's words. */
    static Optional<ModuleName> moduleIn(String lower) {
        if (lower.matches("(?s).*\\boptimi[sz](e|er|ers|ation|ing|ed)\\b.*")) {
            return Optional.of(ModuleName.OPTIMIZATION);
        }
        if (lower.matches("(?s).*\\bforecast(s|ing|er|ed)?\\b.*")) {
            return Optional.of(ModuleName.FORECASTING);
        }
        if (lower.matches("(?s).*\\b(market|analysis|analyses|analy[sz]ed?)\\b.*")) {
            return Optional.of(ModuleName.ANALYSIS);
        }
        return Optional.empty();
    }
}
