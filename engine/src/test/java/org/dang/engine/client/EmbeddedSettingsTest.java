package org.dang.engine.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dang.engine.Engine;
import org.dang.engine.access.AccessDeniedException;
import org.dang.engine.access.Role;
import org.dang.engine.access.User;
import org.dang.engine.config.ConfigLoader;
import org.dang.engine.config.DangConfig;
import org.dang.engine.config.SettingRefusedException;
import org.dang.engine.store.AuditEvent;

/** Settings of the engine in this process: the user's file written, validated, audited; every section changeable. */
class EmbeddedSettingsTest {

    @TempDir
    Path dir;

    @Test
    void changesLandInTheFileRefusalsNameTheSettingAndAreAudited() {
        Path file = dir.resolve("config.yaml");
        try (Engine engine = Engine.open(DangConfig.defaults().withStore(dir.resolve("decisions")));
             EmbeddedConnection eng = new EmbeddedConnection(engine, new User("eng.kim", Role.ENGINEER, "test"), file);
             EmbeddedConnection op = new EmbeddedConnection(engine, new User("op.lee", Role.OPERATOR, "test"), file)) {
            SettingsSnapshot s = eng.settings().read();
            assertEquals(Optional.of(file.toString()), s.file());
            assertTrue(s.mayChange("store.path"), "a workstation's own file: every section");
            assertTrue(s.fixedSections().isEmpty());

            SettingRefusedException bad = assertThrows(SettingRefusedException.class,
                    () -> eng.settings().change(Map.of("decision_engine.confidence_threshold", 1.7)));
            assertEquals("decision_engine.confidence_threshold", bad.key());
            assertFalse(Files.exists(file));
            assertEquals("FAILED", engine.store().auditTrail(1).getFirst().result());

            assertThrows(AccessDeniedException.class, () -> op.settings().change(Map.of("decision_engine.max_retries", 5)));
            assertEquals("DENIED", engine.store().auditTrail(1).getFirst().result());

            SavedSettings saved = eng.settings().change(Map.of("decision_engine.max_retries", 5));
            assertEquals(file.toString(), saved.file());
            assertEquals(5, ConfigLoader.load(file).decisionEngine().maxRetries());
            AuditEvent audit = engine.store().auditTrail(1).getFirst();
            assertEquals("OK", audit.result());
            assertEquals("eng.kim", audit.actor());
            assertTrue(audit.detail().contains("decision_engine.max_retries 3 -> 5"), audit.detail());
            assertTrue(eng.settings().read().restartPending());
        }
    }
}
