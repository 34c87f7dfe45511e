package org.dang.engine.situation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.dang.engine.decision.ExpectedDecision;
import org.dang.engine.module.ModuleName;

/**
 * A snapshot of everything the decision engine looks at; its JSON form is specified in
 * docs/decision-contract.md and engine/src/main/resources/org/dang/engine/situation/situation.schema.json.
 *
 * @param expected decisions the situation suite expects; empty for live situations
 */
public record Situation(String id, Instant time, String description, List<TagSnapshot> tags,
                        List<PlantEvent> events, List<KpiReading> performance, MarketIndicators market,
                        List<ScheduleWindow> schedule, List<OperatorRequest> operatorRequests,
                        Map<ModuleName, ModuleStatus> modules, List<ExpectedDecision> expected) {
    public Situation {
        Objects.requireNonNull(id, "situation id is required");
        Objects.requireNonNull(time, "situation time is required");
        description = Objects.requireNonNullElse(description, "");
        tags = tags == null ? List.of() : List.copyOf(tags);
        events = events == null ? List.of() : List.copyOf(events);
        performance = performance == null ? List.of() : List.copyOf(performance);
        schedule = schedule == null ? List.of() : List.copyOf(schedule);
        operatorRequests = operatorRequests == null ? List.of() : List.copyOf(operatorRequests);
        modules = modules == null ? Map.of() : Map.copyOf(modules);
        expected = expected == null ? List.of() : List.copyOf(expected);
    }

    /** The snapshot of a tag, if the situation has it. */
    public Optional<TagSnapshot> tag(String name) {
        return tags.stream().filter(t -> t.tag().equals(name)).findFirst();
    }

    /** The status of a module, if the situation reports it. */
    public Optional<ModuleStatus> status(ModuleName module) {
        return Optional.ofNullable(modules.get(module));
    }

    /** The same situation without expected decisions (what is stored as a decision's inputs). */
    public Situation withoutExpected() {
        return expected.isEmpty() ? this : new Situation(id, time, description, tags, events, performance, market,
                schedule, operatorRequests, modules, List.of());
    }
}
