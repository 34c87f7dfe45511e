package org.dang.engine.config;

import java.time.Duration;
import java.util.List;

/**
 * One module's settings.
 *
 * @param enabled        a disabled module is never invoked; decisions for it are DEFER
 * @param timeout        wall-clock limit of one run (seconds in YAML), 1 s to 24 h
 * @param models         model families or policies the module may use
 * @param rlTraining     optimisation only: whether the RL agent may be (re)trained
 * @param queueCapacity  bounded queue of pending runs, 1 to 1000
 * @param workers        runs executed at once, 1 to 16
 * @param requiredTags   tags that must have good quality before the module is invoked (rule 1)
 */
public record ModuleConfig(boolean enabled, Duration timeout, List<String> models, boolean rlTraining,
                           int queueCapacity, int workers, List<String> requiredTags) {
    public ModuleConfig {
        models = List.copyOf(models);
        requiredTags = List.copyOf(requiredTags);
    }
}
