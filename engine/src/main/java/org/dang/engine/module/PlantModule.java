package org.dang.engine.module;

/**
 * The module SPI: a named unit of work with a typed request and result.
 *
 * <p>{@link #run} blocks on a thread the {@code ModuleCoordinator} owns; callers never call it
 * directly but submit requests to the coordinator, which makes the run asynchronous, enforces the
 * timeout, retries and cancellation. A run must stop promptly once {@link RunContext#cancelled()}
 * turns true or its thread is interrupted.
 *
 * @param <Q> request type
 * @param <R> result type
 */
public interface PlantModule<Q extends ModuleRequest, R extends ModuleResult> {

    /** Which module this is. */
    ModuleName name();

    /** The request type this module accepts. */
    Class<Q> requestType();

    /**
     * Does the work.
     *
     * @throws ModuleFailure for a failure the module understands (retryable or not)
     * @throws Exception any other failure, treated as not retryable
     */
    R run(Q request, RunContext context) throws Exception;
}
