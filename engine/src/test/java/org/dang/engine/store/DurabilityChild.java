package org.dang.engine.store;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.dang.engine.decision.Decision;
import org.dang.engine.module.ModuleName;

/**
 * Child JVM for {@link DecisionStoreDurabilityTest}: records decisions forever and prints
 * "ACK id" after each record() returned, until the parent kills it with SIGKILL.
 */
public final class DurabilityChild {

    private DurabilityChild() {
    }

    public static void main(String[] args) {
        DecisionStore store = DecisionStore.open(Path.of(args[0]));
        System.out.println("OPEN");
        System.out.flush();
        for (long i = 0; ; i++) {
            Instant t = Instant.now();
            String sid = "child-" + i;
            Decision a = StoreFixtures.invoke(sid, t, ModuleName.OPTIMIZATION, "run " + i);
            Decision b = StoreFixtures.alert(sid, t, "alert " + i);
            store.record(StoreFixtures.situation(sid, t), List.of(a, b));
            System.out.println("ACK " + a.id() + " " + b.id());
            System.out.flush();
        }
    }
}
