package org.dang.engine.module.forecast;

import java.util.Map;

/**
 * The outcome of {@link ForecastPlan#fit}: the selection and every backtested family.
 *
 * @param selection which family to use and why
 * @param families  each backtested family's fit
 */
public record ForecastFit(ModelSelection selection, Map<ModelFamily, FamilyFit> families) {

    /** Copies the map. */
    public ForecastFit {
        families = Map.copyOf(families);
    }

    /** The chosen family's fit (its models are always refitted on the whole table). */
    public FamilyFit chosen() {
        return families.get(selection.chosen());
    }
}
