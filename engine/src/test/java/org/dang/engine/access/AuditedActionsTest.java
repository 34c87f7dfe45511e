package org.dang.engine.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dang.engine.store.AuditEvent;
import org.dang.engine.store.DecisionStore;

class AuditedActionsTest {

    @TempDir
    Path dir;

    @Test
    void roleMatrixFollowsTheDesign() {
        assertFalse(Action.ACKNOWLEDGE_ALARM.allowedFor(Role.VIEWER));
        assertTrue(Action.ACKNOWLEDGE_ALARM.allowedFor(Role.OPERATOR));
        assertFalse(Action.SHELVE_ALARM.allowedFor(Role.OPERATOR));
        assertTrue(Action.SHELVE_ALARM.allowedFor(Role.ENGINEER));
        assertFalse(Action.CHANGE_SETTINGS.allowedFor(Role.OPERATOR));
        assertEquals("Only the operator or engineer role may acknowledge alarms; you are signed in as viewer.",
                Action.ACKNOWLEDGE_ALARM.denialReason(Role.VIEWER));
        assertEquals("", Action.ACKNOWLEDGE_ALARM.denialReason(Role.ENGINEER));
    }

    @Test
    void everyOutcomeIsAudited() {
        try (DecisionStore store = DecisionStore.open(dir.resolve("d"))) {
            AuditedActions actions = new AuditedActions(store, InstantSource.fixed(Instant.parse("2026-11-24T06:00:00Z")));
            User viewer = new User("v.jones", Role.VIEWER, "console@cr-2");
            User operator = new User("op.lee", Role.OPERATOR, "console@cr-1");
            AtomicBoolean ran = new AtomicBoolean();

            AccessDeniedException denied = assertThrows(AccessDeniedException.class, () -> actions.perform(viewer,
                    Action.ACKNOWLEDGE_ALARM, "TI-201 HI", () -> {
                        ran.set(true);
                        return "acknowledged";
                    }));
            assertFalse(ran.get(), "a denied action must not run");
            assertTrue(denied.getMessage().contains("signed in as viewer"));

            assertEquals("acknowledged", actions.perform(operator, Action.ACKNOWLEDGE_ALARM, "TI-201 HI",
                    () -> "acknowledged"));
            assertThrows(IllegalStateException.class, () -> actions.perform(operator, Action.CANCEL_MODULE_RUN,
                    "run 7", () -> {
                        throw new IllegalStateException("run 7 already finished");
                    }));

            List<AuditEvent> trail = store.auditTrail(10);
            assertEquals(List.of("FAILED", "OK", "DENIED"), trail.stream().map(AuditEvent::result).toList());
            assertEquals("run 7 already finished", trail.getFirst().detail());
            assertEquals("acknowledge_alarm", trail.get(1).action());
            assertEquals("console@cr-2", trail.get(2).origin());
            assertEquals("viewer", trail.get(2).role());
        }
    }
}
