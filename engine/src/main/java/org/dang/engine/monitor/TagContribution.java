package org.dang.engine.monitor;

/**
 * One tag's part in an alarm: its reconstruction-based contributions to T^2 and Q, and their shares
 * of all tags' contributions.
 */
public record TagContribution(String tag, double t2, double q, double t2Share, double qShare) {
}
