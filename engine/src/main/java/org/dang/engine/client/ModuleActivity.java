package org.dang.engine.client;

import java.util.List;

import org.dang.engine.coordinator.ActiveRun;
import org.dang.engine.store.ModuleRunRecord;

/** Module work for the activity view: what runs and waits now, what finished, and cancelling a run. */
public interface ModuleActivity {

    /** Running first, then queued in run order, then waiting to retry. */
    List<ActiveRun> active();

    /** The newest {@code limit} finished runs. */
    List<ModuleRunRecord> recent(int limit);

    /**
     * Cancels {@code run} for the signed-in user (role-checked, audited).
     *
     * @return what happened, for the status line
     * @throws org.dang.engine.access.AccessDeniedException when the role may not cancel
     * @throws IllegalStateException                        when the run had already finished
     */
    String cancel(ActiveRun run);

    /** Calls {@code changed} (on any thread) on every module run event. */
    Subscription watch(Runnable changed);
}
