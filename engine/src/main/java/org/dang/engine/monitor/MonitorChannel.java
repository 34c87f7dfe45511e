package org.dang.engine.monitor;

/** One statistic a monitor watches, each with its own control limit. */
public enum MonitorChannel {
    /** Hotelling T^2 of the PCA scores (EWMA-smoothed when the settings smooth). */
    T2("T2"),
    /** Q (squared prediction error) of the PCA residual (EWMA-smoothed when the settings smooth). */
    Q("Q"),
    /** Largest two-sided CUSUM over the standardised tags. */
    TAG_CUSUM("CUSUM"),
    /** Largest |EWMA| over the standardised tags. */
    TAG_EWMA("EWMA");

    private final String label;

    MonitorChannel(String label) {
        this.label = label;
    }

    /** Short name for reports. */
    public String label() {
        return label;
    }
}
