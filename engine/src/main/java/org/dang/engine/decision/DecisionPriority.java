package org.dang.engine.decision;

import java.util.Arrays;
import java.util.stream.Stream;

import org.dang.engine.module.WorkPriority;

/**
 * The priority carried by a decision: a {@link WorkPriority} for module work (INVOKE, DEFER, NONE)
 * or an {@link AlertPriority} for an ALERT. The two enums have distinct constant names.
 */
public interface DecisionPriority {

    /** The constant's name, as written in JSON. */
    String name();

    /** Parses a name from either enum; null for null. */
    static DecisionPriority parse(String name) {
        if (name == null) {
            return null;
        }
        return Stream.concat(Arrays.stream(WorkPriority.values()), Arrays.stream(AlertPriority.values()))
                .filter(p -> p.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown priority '" + name
                        + "'; allowed: " + Arrays.toString(WorkPriority.values()) + " or "
                        + Arrays.toString(AlertPriority.values())));
    }
}
