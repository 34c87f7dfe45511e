package org.dang.engine.store;

import java.time.Instant;
import java.util.Optional;

import org.dang.engine.decision.DecisionAction;
import org.dang.engine.decision.DecisionSource;
import org.dang.engine.module.ModuleName;

/**
 * A history query: every filter is optional; results are newest first.
 *
 * @param from    decided at or after
 * @param to      decided before
 * @param module  module concerned
 * @param source  RULES, LLM, LLM_OVERRULED
 * @param action  INVOKE, ALERT, DEFER, NONE
 * @param outcome latest outcome status
 * @param text    case-insensitive substring of rationale, triggers or situation id
 * @param offset  rows to skip
 * @param limit   rows to return, 1 to 10000
 */
public record DecisionQuery(Optional<Instant> from, Optional<Instant> to, Optional<ModuleName> module,
                            Optional<DecisionSource> source, Optional<DecisionAction> action,
                            Optional<OutcomeStatus> outcome, Optional<String> text, int offset, int limit) {

    /** Largest page a caller may ask for. */
    public static final int MAX_LIMIT = 10_000;

    public DecisionQuery {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be >= 0, was " + offset);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be within 1.." + MAX_LIMIT + ", was " + limit);
        }
        text = text.map(String::strip).filter(t -> !t.isEmpty());
    }

    /** The newest {@code limit} decisions, unfiltered. */
    public static DecisionQuery latest(int limit) {
        return new DecisionQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), 0, limit);
    }

    /** This query restricted to a time range (either end may be null). */
    public DecisionQuery between(Instant fromTime, Instant toTime) {
        return new DecisionQuery(Optional.ofNullable(fromTime), Optional.ofNullable(toTime), module, source, action,
                outcome, text, offset, limit);
    }

    /** This query restricted to one module. */
    public DecisionQuery withModule(ModuleName m) {
        return new DecisionQuery(from, to, Optional.ofNullable(m), source, action, outcome, text, offset, limit);
    }

    /** This query restricted to one source. */
    public DecisionQuery withSource(DecisionSource s) {
        return new DecisionQuery(from, to, module, Optional.ofNullable(s), action, outcome, text, offset, limit);
    }

    /** This query restricted to one action. */
    public DecisionQuery withAction(DecisionAction a) {
        return new DecisionQuery(from, to, module, source, Optional.ofNullable(a), outcome, text, offset, limit);
    }

    /** This query restricted to one latest outcome. */
    public DecisionQuery withOutcome(OutcomeStatus o) {
        return new DecisionQuery(from, to, module, source, action, Optional.ofNullable(o), text, offset, limit);
    }

    /** This query restricted to decisions whose text contains {@code t}. */
    public DecisionQuery withText(String t) {
        return new DecisionQuery(from, to, module, source, action, outcome, Optional.ofNullable(t), offset, limit);
    }

    /** The same filters, another page. */
    public DecisionQuery page(int newOffset, int newLimit) {
        return new DecisionQuery(from, to, module, source, action, outcome, text, newOffset, newLimit);
    }
}
