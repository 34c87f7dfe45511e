package org.dang.engine.coordinator;

/**
 * Receives {@link ModuleRunEvent}s. Events are delivered on one coordinator thread, in the order
 * they happened, so a listener must return quickly (hand heavy work to another thread). An
 * exception it throws is logged and does not stop delivery to it or to other listeners.
 */
@FunctionalInterface
public interface ModuleRunListener {

    /** Called once per event. */
    void onEvent(ModuleRunEvent event);
}
