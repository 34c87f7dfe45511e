package org.dang.engine.watch;

import java.time.Instant;
import java.util.List;

import org.dang.engine.monitor.TagContribution;

/**
 * What the multivariate monitor says about the unit now, for the operator.
 *
 * @param trained        whether normal operation has been learnt (the first two days of data)
 * @param anomalous      whether the latest scored scan is outside normal operation
 * @param since          start of the current or last anomaly episode, null if none yet
 * @param contributions  per-tag contributions to the latest anomaly, largest first (empty if none yet)
 */
public record AnomalyStatus(boolean trained, boolean anomalous, Instant since, List<TagContribution> contributions) {
    public AnomalyStatus {
        contributions = List.copyOf(contributions);
    }
}
