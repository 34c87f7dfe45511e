package org.dang.engine.module.forecast;

/** How a forecaster reaches horizon steps beyond the first. */
public enum Strategy {
    /** One model per step h, trained on the target at t+h. */
    DIRECT,
    /** One model for step 1, fed its own predictions for later steps; no exogenous features allowed. */
    RECURSIVE
}
