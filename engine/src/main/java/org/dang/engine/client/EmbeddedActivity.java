package org.dang.engine.client;

import java.util.List;

import org.dang.engine.Engine;
import org.dang.engine.access.Action;
import org.dang.engine.access.User;
import org.dang.engine.coordinator.ActiveRun;
import org.dang.engine.coordinator.ModuleRunListener;
import org.dang.engine.store.ModuleRunRecord;

/** Module work of an engine in this process: its coordinator, and its store for finished runs. */
final class EmbeddedActivity implements ModuleActivity {

    private final Engine engine;
    private final User user;
    private final List<Subscription> owned;

    EmbeddedActivity(Engine engine, User user, List<Subscription> owned) {
        this.engine = engine;
        this.user = user;
        this.owned = owned;
    }

    @Override
    public List<ActiveRun> active() {
        return engine.modules().activeRuns();
    }

    @Override
    public List<ModuleRunRecord> recent(int limit) {
        return engine.store().moduleRuns(limit);
    }

    @Override
    public String cancel(ActiveRun run) {
        String target = run.module().key() + " run " + run.runId();
        engine.actions().perform(user, Action.CANCEL_MODULE_RUN, target, () -> {
            if (!engine.modules().cancel(run.runId(), "cancelled by " + user.name() + " from the activity view")) {
                throw new IllegalStateException(target + " had already finished");
            }
            return "cancelled";
        });
        return target + " cancelled";
    }

    @Override
    public Subscription watch(Runnable changed) {
        ModuleRunListener l = e -> changed.run();
        engine.modules().addListener(l);
        Subscription s = () -> engine.modules().removeListener(l);
        owned.add(s);
        return s;
    }
}
