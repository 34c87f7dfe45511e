package org.dang.engine.module.market;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import org.dang.engine.module.ModuleName;
import org.dang.engine.module.ModuleRequest;
import org.dang.engine.module.market.analysis.PublicationCalendar;

/** Run the market analysis as of {@code asOf}: only data published by then is used. */
public record MarketRequest(Instant asOf) implements ModuleRequest {

    public MarketRequest {
        Objects.requireNonNull(asOf, "as-of time");
    }

    /** As of the end of {@code date} (UTC). */
    public static MarketRequest endOf(LocalDate date) {
        return new MarketRequest(PublicationCalendar.endOf(date));
    }

    /**
     * The request of an INVOKE analysis decision: parameter {@code as_of} (YYYY-MM-DD, the end of
     * that day, or an ISO instant) when given, else {@code now} (the plant time of the decision).
     *
     * @throws IllegalArgumentException naming the bad parameter
     */
    public static MarketRequest fromParameters(Map<String, Object> parameters, Supplier<Instant> now) {
        Object asOf = parameters.get("as_of");
        if (asOf == null) {
            return new MarketRequest(now.get());
        }
        String text = asOf.toString().strip();
        try {
            return text.length() == 10 ? endOf(LocalDate.parse(text)) : new MarketRequest(Instant.parse(text));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("as_of '" + text + "' is neither a date (YYYY-MM-DD) nor an instant");
        }
    }

    @Override
    public ModuleName module() {
        return ModuleName.ANALYSIS;
    }
}
