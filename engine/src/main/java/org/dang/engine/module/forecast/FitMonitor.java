package org.dang.engine.module.forecast;

/** What long fits report to: progress for the operator, and a checkpoint that throws once the work is cancelled. */
public interface FitMonitor {

    /** Reports progress; {@code fraction} in [0, 1]. */
    void progress(double fraction, String message);

    /** Throws (typically CancellationException) when the work should stop. */
    void checkpoint();

    /** A monitor that reports nowhere and never stops the work. */
    static FitMonitor none() {
        return new FitMonitor() {
            @Override
            public void progress(double fraction, String message) {
                // nobody is listening
            }

            @Override
            public void checkpoint() {
                // never cancelled
            }
        };
    }
}
