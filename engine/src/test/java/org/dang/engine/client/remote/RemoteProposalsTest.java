package org.dang.engine.client.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dang.engine.Engine;
import org.dang.engine.EngineModules;
import org.dang.engine.access.AccessDeniedException;
import org.dang.engine.client.ProposalWatcher;
import org.dang.engine.config.DangConfig;
import org.dang.engine.module.optimize.OptimizationProposal;
import org.dang.engine.module.optimize.ProposedMove;
import org.dang.engine.plant.sim.CduConfig;
import org.dang.engine.plant.sim.CduSimulator;
import org.dang.engine.plant.sim.EquipmentCondition;
import org.dang.engine.plant.sim.SimulatorSource;

/** Optimisation from a remote console: propose, the watcher hearing of the run, approve once, reject, roles. */
class RemoteProposalsTest {

    @TempDir
    static Path dir;

    static Engine engine;
    static SimulatorSource unit;
    static LoopbackServer api;
    static String viewer;
    static String operator;

    @BeforeAll
    static void start() throws Exception {
        engine = Engine.open(DangConfig.defaults().withStore(dir.resolve("decisions")));
        // Fouled equipment, as in ProposalsApiTest, so the policy has something to move.
        unit = new SimulatorSource(new CduSimulator(CduConfig.defaults(11).withEquipment(
                new EquipmentCondition(0.2, 0.1, 0.1))), Duration.ofHours(1));
        EngineModules.installOptimization(engine, unit);
        api = LoopbackServer.start(engine, dir);
        viewer = api.viewer();
        operator = api.operator();
    }

    @AfterAll
    static void stop() {
        api.close();
        engine.close();
        unit.close();
    }

    static RemoteEngine connect(String token) {
        return api.connect(token);
    }

    static Set<String> moving(OptimizationProposal p) {
        Set<String> rows = new LinkedHashSet<>();
        p.moves().stream().filter(ProposedMove::moves).forEach(m -> rows.add(m.setpoint()));
        assertFalse(rows.isEmpty(), "the policy proposed no move");
        return rows;
    }

    @Test
    void anOperatorProposesAndApprovesOnceAndEveryConsoleHearsOfIt() throws Exception {
        try (RemoteEngine op = connect(operator); RemoteEngine watching = connect(viewer)) {
            assertTrue(op.proposals().available());
            List<OptimizationProposal> heard = new CopyOnWriteArrayList<>();
            watching.proposals().watch(new ProposalWatcher() {
                @Override
                public void proposed(OptimizationProposal proposal) {
                    heard.add(proposal);
                }

                @Override
                public void working(String message) {
                }

                @Override
                public void failed(String cause) {
                }
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!watching.state().connected()) {
                assertTrue(System.nanoTime() < deadline, "the event stream did not connect");
                Thread.sleep(20);
            }
            OptimizationProposal p = op.proposals().propose().get(60, TimeUnit.SECONDS);
            assertEquals(p.id(), op.proposals().open().getFirst().id(), "the engine keeps it open by id");
            deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (heard.stream().noneMatch(h -> h.id().equals(p.id()))) {
                assertTrue(System.nanoTime() < deadline, "the other console did not hear of the proposal");
                Thread.sleep(20);
            }
            assertEquals(p, heard.stream().filter(h -> h.id().equals(p.id())).findFirst().orElseThrow(),
                    "the whole proposal arrives as the engine made it");

            assertThrows(AccessDeniedException.class, () -> watching.proposals().approve(p.id(), moving(p)));
            assertThrows(IllegalArgumentException.class, () -> op.proposals().approve(p.id(), Set.of("reflux")));
            String applied = op.proposals().approve(p.id(), moving(p));
            assertTrue(applied.startsWith("applied "), applied);
            IllegalStateException again = assertThrows(IllegalStateException.class,
                    () -> op.proposals().approve(p.id(), moving(p)));
            assertTrue(again.getMessage().contains("approved by op.lee"), again.getMessage());
            assertTrue(op.proposals().open().stream().noneMatch(o -> o.id().equals(p.id())));
            assertTrue(engine.store().auditTrail(50).stream().anyMatch(e -> e.actor().equals("op.lee")
                    && e.action().equals("approve_setpoint") && e.result().equals("OK")));

            OptimizationProposal second = op.proposals().propose().get(60, TimeUnit.SECONDS);
            String rejected = op.proposals().reject(second.id(), "feed change due at shift handover");
            assertFalse(rejected.isBlank());
            assertThrows(java.util.NoSuchElementException.class, () -> op.proposals().reject("no-such-id", "x"));
        }
    }
}
