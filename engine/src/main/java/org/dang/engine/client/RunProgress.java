package org.dang.engine.client;

/** Hears how a requested module run goes: a fraction in [0, 1], or -1 when the engine cannot say, and words. */
@FunctionalInterface
public interface RunProgress {

    /** The run reports {@code fraction} done (-1: unknown) and what it is doing. */
    void progress(double fraction, String message);
}
