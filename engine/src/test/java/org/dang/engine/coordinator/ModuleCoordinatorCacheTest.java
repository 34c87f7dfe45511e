package org.dang.engine.coordinator;

import static org.dang.engine.coordinator.Fixtures.await;
import static org.dang.engine.module.ModuleName.FORECASTING;
import static org.dang.engine.module.WorkPriority.ANALYSIS;
import static org.dang.engine.module.WorkPriority.FORECAST_REFRESH;
import static org.dang.engine.module.WorkPriority.OPERATOR_REQUEST;
import static org.dang.engine.module.WorkPriority.SAFETY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

/** Result reuse within the TTL, bypass, and joining an equal run in flight. */
class ModuleCoordinatorCacheTest {
    private static final Duration TTL = Duration.ofSeconds(60);

    private final MutableClock clock = new MutableClock();
    private final EventRecorder events = new EventRecorder();
    private final CountDownLatch started = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final TestModule module = new TestModule(FORECASTING, Fixtures.blocking("blocker", started, release));

    private ModuleCoordinator coordinator(Duration ttl) {
        var coordinator = new ModuleCoordinator(Fixtures.modules(8, 1, Duration.ofSeconds(5)),
                Fixtures.decisions(0, Duration.ofMillis(50), ttl), clock);
        coordinator.addListener(events);
        coordinator.register(module);
        return coordinator;
    }

    @Test
    void reusesAResultWithinTheTtlAndRunsAgainAfterIt() throws Exception {
        try (ModuleCoordinator coordinator = coordinator(TTL)) {
            ModuleLoad before = coordinator.load(FORECASTING);
            assertEquals(Optional.empty(), before.lastSuccess());
            assertFalse(before.cachedResultValid());

            ModuleRun<TestResult> first = coordinator.submit(TestRequest.forecast("naphtha"), ANALYSIS);
            TestResult result = await(first.result());
            assertFalse(first.fromCache());
            ModuleLoad load = coordinator.load(FORECASTING);
            assertEquals(Optional.of(clock.instant()), load.lastSuccess());
            assertTrue(load.cachedResultValid());

            clock.advance(TTL.minusSeconds(1));
            ModuleRun<TestResult> hit = coordinator.submit(TestRequest.forecast("naphtha"), OPERATOR_REQUEST);
            assertTrue(hit.fromCache());
            assertTrue(hit.result().isDone());
            assertSame(result, await(hit.result()));
            assertEquals(1, module.invocations.get());
            var cachedEvent = events.await(ModuleRunEvent.Succeeded.class, hit.runId());
            assertTrue(cachedEvent.fromCache());
            assertSame(result, cachedEvent.result());

            ModuleRun<TestResult> otherRequest = coordinator.submit(TestRequest.forecast("kerosene"), ANALYSIS);
            assertFalse(otherRequest.fromCache());
            await(otherRequest.result());

            clock.advance(Duration.ofSeconds(1)); // exactly TTL old: expired
            ModuleRun<TestResult> miss = coordinator.submit(TestRequest.forecast("naphtha"), ANALYSIS);
            assertFalse(miss.fromCache());
            assertEquals("naphtha", await(miss.result()).value());
            assertEquals(3, module.invocations.get());
        }
    }

    @Test
    void loadReportsTheCacheExpiring() throws Exception {
        try (ModuleCoordinator coordinator = coordinator(TTL)) {
            await(coordinator.submit(TestRequest.forecast("naphtha"), ANALYSIS).result());
            assertTrue(coordinator.load(FORECASTING).cachedResultValid());
            clock.advance(TTL.plusSeconds(1));
            ModuleLoad load = coordinator.load(FORECASTING);
            assertFalse(load.cachedResultValid());
            assertTrue(load.lastSuccess().isPresent());
            assertFalse(load.toStatus(1.0).cachedResultValid());
        }
    }

    @Test
    void bypassRunsAgainAndRefreshesTheCache() throws Exception {
        try (ModuleCoordinator coordinator = coordinator(TTL)) {
            TestResult first = await(coordinator.<TestResult>submit(TestRequest.forecast("naphtha"), ANALYSIS)
                    .result());
            ModuleRun<TestResult> fresh = coordinator.submit(TestRequest.forecast("naphtha"), ANALYSIS,
                    SubmitOptions.BYPASS_CACHE);
            assertFalse(fresh.fromCache());
            TestResult second = await(fresh.result());
            assertEquals(2, module.invocations.get());

            ModuleRun<TestResult> hit = coordinator.submit(TestRequest.forecast("naphtha"), ANALYSIS);
            assertTrue(hit.fromCache());
            assertSame(second, await(hit.result()));
            assertNotSame(first, second);
        }
    }

    @Test
    void zeroTtlMeansNoCache() throws Exception {
        try (ModuleCoordinator coordinator = coordinator(Duration.ZERO)) {
            await(coordinator.submit(TestRequest.forecast("naphtha"), ANALYSIS).result());
            ModuleRun<TestResult> again = coordinator.submit(TestRequest.forecast("naphtha"), ANALYSIS);
            assertFalse(again.fromCache());
            await(again.result());
            assertEquals(2, module.invocations.get());
            assertFalse(coordinator.load(FORECASTING).cachedResultValid());
        }
    }

    @Test
    void anEqualRequestInFlightIsJoinedAndRaisedToTheHigherPriority() throws Exception {
        try (ModuleCoordinator coordinator = coordinator(TTL)) {
            ModuleRun<TestResult> blocker = coordinator.submit(TestRequest.forecast("blocker"), SAFETY);
            Fixtures.await(started);
            ModuleRun<TestResult> refresh = coordinator.submit(TestRequest.forecast("naphtha"), FORECAST_REFRESH);
            ModuleRun<TestResult> analysis = coordinator.submit(TestRequest.forecast("crack-spread"), ANALYSIS);
            ModuleRun<TestResult> urgent = coordinator.submit(TestRequest.forecast("naphtha"), SAFETY);
            ModuleRun<TestResult> joinedRunning = coordinator.submit(TestRequest.forecast("blocker"), ANALYSIS);

            assertTrue(urgent.joined());
            assertEquals(refresh.runId(), urgent.runId());
            assertTrue(joinedRunning.joined());
            assertEquals(blocker.runId(), joinedRunning.runId());
            assertEquals(2, coordinator.load(FORECASTING).queueDepth());

            release.countDown();
            TestResult shared = await(refresh.result());
            assertSame(shared, await(urgent.result()));
            assertSame(await(blocker.result()), await(joinedRunning.result()));
            await(analysis.result());
            // One run each, and the joined SAFETY request moved "naphtha" ahead of the ANALYSIS work.
            assertEquals(List.of("blocker", "naphtha", "crack-spread"), module.executed());
        }
    }

    @Test
    void aJoinedRunStopsOnlyWhenEveryHandleCancelled() throws Exception {
        try (ModuleCoordinator coordinator = coordinator(TTL)) {
            ModuleRun<TestResult> blocker = coordinator.submit(TestRequest.forecast("blocker"), SAFETY);
            Fixtures.await(started);
            ModuleRun<TestResult> kept = coordinator.submit(TestRequest.forecast("naphtha"), ANALYSIS);
            ModuleRun<TestResult> dropped = coordinator.submit(TestRequest.forecast("naphtha"), ANALYSIS);
            ModuleRun<TestResult> gone1 = coordinator.submit(TestRequest.forecast("jet"), ANALYSIS);
            ModuleRun<TestResult> gone2 = coordinator.submit(TestRequest.forecast("jet"), ANALYSIS);

            assertTrue(dropped.cancel());
            assertEquals(3, coordinator.activeRuns().size(), "the shared run must stay queued");
            assertTrue(gone1.cancel());
            assertTrue(gone2.cancel());
            assertEquals(2, coordinator.activeRuns().size());
            events.await(ModuleRunEvent.Cancelled.class, gone1.runId());

            release.countDown();
            await(blocker.result());
            assertEquals("naphtha", await(kept.result()).value());
            assertThrows(CancellationException.class, () -> await(dropped.result()));
            assertEquals(List.of("blocker", "naphtha"), module.executed());
        }
    }
}
