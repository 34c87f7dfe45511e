package org.dang.engine.coordinator;

/**
 * How one submission is treated.
 *
 * @param bypassCache run the module even when a valid cached result or an equal queued/running run
 *                    exists; the fresh result then replaces the cached one
 */
public record SubmitOptions(boolean bypassCache) {

    /** The usual treatment: reuse a valid cached result and join an equal run in flight. */
    public static final SubmitOptions DEFAULT = new SubmitOptions(false);

    /** Always start a fresh run. */
    public static final SubmitOptions BYPASS_CACHE = new SubmitOptions(true);
}
