package org.dang.engine.assistant;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.dang.engine.store.ConversationSummary;
import org.dang.engine.store.ConversationTurn;
import org.dang.engine.store.DecisionStore;

/**
 * Each operator's conversation with the assistant, kept in the decision store (migration V7) so it
 * survives restarts. The model sees a bounded window: the latest summary plus at most
 * {@code keepTurns} newest turns within {@code charBudget} characters. Turns that fall out of the
 * window are summarised once, by the model when one answers, else by a deterministic extract; the
 * summary records which ({@code MODEL} or {@code EXTRACTIVE}).
 */
public final class ConversationMemory {

    /** Turns kept word for word by default. */
    public static final int KEEP_TURNS = 8;
    /** Characters of those turns by default. */
    public static final int CHAR_BUDGET = 6_000;
    /** Longest summary kept; an extract drops its oldest lines beyond it. */
    public static final int SUMMARY_CHARS = 1_500;
    /** A turn counts at most this many characters against the budget (the prompt cuts it there). */
    static final int TURN_CHARS = 1_000;
    /** Most turns read after the latest summary (one question adds a handful; this is a guard). */
    private static final int MAX_UNSUMMARISED = 1_000;

    /** Writes a summary of older turns; empty when it cannot (the extract is used then). */
    @FunctionalInterface
    public interface Summariser {
        /** A summary of {@code previous} (may be empty) followed by {@code dropped}; empty when none could be written. */
        Optional<String> summarise(String previous, List<ConversationTurn> dropped);
    }

    private final DecisionStore store;
    private final InstantSource clock;
    private final int keepTurns;
    private final int charBudget;

    /** Memory in {@code store} with the default window. */
    public ConversationMemory(DecisionStore store, InstantSource clock) {
        this(store, clock, KEEP_TURNS, CHAR_BUDGET);
    }

    /** Memory in {@code store} keeping {@code keepTurns} turns within {@code charBudget} characters. */
    public ConversationMemory(DecisionStore store, InstantSource clock, int keepTurns, int charBudget) {
        if (keepTurns < 1 || charBudget < 1) {
            throw new IllegalArgumentException("the memory window needs at least one turn and one character, got "
                    + keepTurns + " turns and " + charBudget + " characters");
        }
        this.store = store;
        this.clock = clock;
        this.keepTurns = keepTurns;
        this.charBudget = charBudget;
    }

    /** Appends a turn to {@code operator}'s conversation; returns its seq. */
    public long append(String operator, TurnRole role, String text, String toolJson) {
        return store.appendTurn(operator, role.name(), text, toolJson, clock.instant());
    }

    /** The newest {@code limit} turns of {@code operator}, oldest first (what the console restores). */
    public List<ConversationTurn> history(String operator, int limit) {
        return store.conversationTurns(operator, 0, limit);
    }

    /** Forgets {@code operator}'s conversation; returns how many turns went. */
    public int clear(String operator) {
        return store.clearConversation(operator);
    }

    /**
     * The window for {@code operator}'s next question; turns that fell out of it since the last summary
     * are summarised first (by {@code summariser} when it writes one, else extractively) and the summary stored.
     */
    public MemoryContext context(String operator, Summariser summariser) {
        Optional<ConversationSummary> summary = store.latestSummary(operator);
        long after = summary.map(ConversationSummary::upToSeq).orElse(0L);
        List<ConversationTurn> turns = store.conversationTurns(operator, after, MAX_UNSUMMARISED);
        int keep = 0;
        int chars = 0;
        for (int i = turns.size() - 1; i >= 0 && keep < keepTurns; i--) {
            int c = Math.min(TURN_CHARS, turns.get(i).text().length());
            if (keep > 0 && chars + c > charBudget) {
                break;
            }
            chars += c;
            keep++;
        }
        List<ConversationTurn> dropped = turns.subList(0, turns.size() - keep);
        if (!dropped.isEmpty()) {
            String previous = summary.map(ConversationSummary::text).orElse("");
            Optional<String> written = summariser.summarise(previous, dropped).map(String::strip)
                    .filter(s -> !s.isEmpty()).map(s -> s.length() <= SUMMARY_CHARS ? s : s.substring(0, SUMMARY_CHARS));
            ConversationSummary next = new ConversationSummary(operator, dropped.getLast().seq(),
                    written.orElseGet(() -> extract(previous, dropped)), written.isPresent() ? "MODEL" : "EXTRACTIVE",
                    clock.instant());
            store.recordSummary(next);
            summary = Optional.of(next);
        }
        return new MemoryContext(summary, turns.subList(turns.size() - keep, turns.size()));
    }

    /**
     * The deterministic summary: the previous one, then one line per dropped turn (its first sentence,
     * cut), oldest lines dropped whole beyond {@link #SUMMARY_CHARS}.
     */
    static String extract(String previous, List<ConversationTurn> dropped) {
        List<String> lines = new ArrayList<>();
        if (!previous.isBlank()) {
            lines.addAll(previous.strip().lines().toList());
        }
        for (ConversationTurn t : dropped) {
            String who = switch (t.role()) {
                case "OPERATOR" -> "Operator asked: ";
                case "TOOL" -> "Engine ran: ";
                default -> "Assistant answered: ";
            };
            lines.add("#" + t.seq() + " " + who + firstSentence(t.text(), 160));
        }
        int total = lines.stream().mapToInt(l -> l.length() + 1).sum();
        while (total > SUMMARY_CHARS && lines.size() > 1) {
            total -= lines.removeFirst().length() + 1;
        }
        String s = String.join("\n", lines);
        return s.length() <= SUMMARY_CHARS ? s : s.substring(s.length() - SUMMARY_CHARS);
    }

    private static String firstSentence(String text, int max) {
        String one = text.strip().replaceAll("\\s+", " ");
        int end = one.indexOf(". ");
        String s = end > 0 ? one.substring(0, end + 1) : one;
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
