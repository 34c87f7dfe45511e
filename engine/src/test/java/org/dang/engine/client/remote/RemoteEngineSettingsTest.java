package org.dang.engine.client.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dang.engine.access.AccessDeniedException;
import org.dang.engine.client.EngineSettings;
import org.dang.engine.client.SavedSettings;
import org.dang.engine.client.SettingsSnapshot;
import org.dang.engine.config.ConfigLoader;
import org.dang.engine.config.DangConfig;
import org.dang.engine.config.SettingRefusedException;
import org.dang.engine.server.ApiServer;
import org.dang.engine.server.ConfiguredServer;
import org.dang.engine.store.AuditEvent;

/**
 * A remote console's settings against a real {@link ApiServer} on loopback over a real engine: read the
 * engine's configuration, change it (written to the server's file, audited there), refusals that name
 * the setting, an operator refused, and a dead engine said plainly.
 */
class RemoteEngineSettingsTest {

    @TempDir
    Path dir;

    private ConfiguredServer served;

    @BeforeEach
    void start() throws Exception {
        served = ConfiguredServer.start(dir);
    }

    @AfterEach
    void stop() {
        served.close();
    }

    private RemoteEngine connect(String token) {
        return RemoteEngine.connect(new RemoteSettings(served.server().uri(), token, Optional.empty(),
                Optional.empty()));
    }

    private AuditEvent lastAudit() {
        return served.engine().store().auditTrail(1).getFirst();
    }

    @Test
    void readsTheEnginesConfigurationAndWhatMayChangeThere() {
        try (RemoteEngine remote = connect(served.engineer())) {
            EngineSettings settings = remote.settings();
            assertTrue(settings.mayChange());
            assertTrue(settings.where().contains(served.server().uri().toString()), settings.where());
            SettingsSnapshot s = settings.read();
            DangConfig running = served.engine().config();
            assertEquals(running.decisionEngine().rules().marketSigma(),
                    ((Number) s.running().get("decision_engine.rules.market_sigma")).doubleValue());
            assertEquals(running.decisionEngine().maxRetries(),
                    ((Number) s.running().get("decision_engine.max_retries")).intValue());
            assertEquals(running.orchestrator().llm().backends(), s.running().get("orchestrator.llm.backends"));
            assertEquals(running.store().path().toString(), s.running().get("store.path"));
            assertEquals(Optional.of(served.configFile().toString()), s.file());
            assertTrue(s.mayChange("decision_engine.rules.market_sigma"));
            assertFalse(s.mayChange("store.path"), "the store is changed only on the engine host");
            assertFalse(s.mayChange("server.port"));
            assertTrue(s.fixedSections().containsAll(List.of("store", "server")), s.fixedSections().toString());
            assertFalse(s.restartPending());
            assertTrue(s.saved().isEmpty(), "no file yet");
        }
    }

    @Test
    void anEngineerChangesSettingsTheServerWritesItsFileAndAuditsIt() {
        try (RemoteEngine remote = connect(served.engineer())) {
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put("decision_engine.rules.market_sigma", 2.5);
            changes.put("orchestrator.llm.backends", List.of("openai"));
            changes.put("orchestrator.llm.openai.url", "http://127.0.0.1:8000");
            SavedSettings saved = remote.settings().change(changes);
            assertEquals(served.configFile().toString(), saved.file());
            assertEquals(2.5, ((Number) saved.changed().get("decision_engine.rules.market_sigma")).doubleValue());
            assertTrue(saved.detail().contains("next start"), saved.detail());

            DangConfig file = ConfigLoader.load(served.configFile());
            assertEquals(2.5, file.decisionEngine().rules().marketSigma());
            assertEquals(List.of("openai"), file.orchestrator().llm().backends());
            assertEquals("http://127.0.0.1:8000", file.orchestrator().llm().openai().url().orElseThrow());
            AuditEvent e = lastAudit();
            assertEquals("eng.kim", e.actor());
            assertEquals("change_settings", e.action());
            assertEquals("OK", e.result());
            assertTrue(e.detail().contains("decision_engine.rules.market_sigma"), e.detail());
            // The running engine keeps its configuration until restart, and the next read says so.
            SettingsSnapshot after = remote.settings().read();
            assertTrue(after.restartPending());
            assertEquals(DangConfig.defaults().decisionEngine().rules().marketSigma(),
                    ((Number) after.running().get("decision_engine.rules.market_sigma")).doubleValue());
            assertEquals(2.5, ((Number) after.next("decision_engine.rules.market_sigma")).doubleValue(),
                    "the file's value is what the next start uses");
            assertEquals(List.of("openai"), after.next("orchestrator.llm.backends"));
            assertTrue(after.pending().containsKey("decision_engine.rules.market_sigma"), after.pending().toString());
            assertFalse(after.pending().containsKey("decision_engine.max_retries"));
        }
    }

    @Test
    void refusalsNameTheSettingAndWriteNothing() {
        try (RemoteEngine remote = connect(served.engineer())) {
            EngineSettings settings = remote.settings();
            SettingRefusedException range = assertThrows(SettingRefusedException.class,
                    () -> settings.change(Map.of("orchestrator.llm.temperature", 7)));
            assertEquals("orchestrator.llm.temperature", range.key());
            assertEquals(SettingRefusedException.Reason.INVALID, range.reason());
            assertTrue(range.getMessage().contains("orchestrator.llm.temperature"), range.getMessage());

            SettingRefusedException typo = assertThrows(SettingRefusedException.class,
                    () -> settings.change(Map.of("decision_engine.rules.market_sigmaa", 2)));
            assertEquals("decision_engine.rules.market_sigmaa", typo.key());
            assertEquals(SettingRefusedException.Reason.UNKNOWN, typo.reason());

            SettingRefusedException store = assertThrows(SettingRefusedException.class,
                    () -> settings.change(Map.of("store.path", "/tmp/elsewhere")));
            assertEquals("store.path", store.key());
            assertTrue(store.getMessage().contains("edit the file on the server"), store.getMessage());

            SettingRefusedException text = assertThrows(SettingRefusedException.class,
                    () -> settings.change(Map.of("decision_engine.confidence_threshold", "high")));
            assertEquals("decision_engine.confidence_threshold", text.key());
            assertEquals("FAILED", lastAudit().result());
            assertFalse(Files.exists(served.configFile()), "nothing written");
        }
    }

    @Test
    void anOperatorMayReadButNotChangeAViewerMayNotRead() {
        try (RemoteEngine remote = connect(served.operator())) {
            EngineSettings settings = remote.settings();
            assertFalse(settings.mayChange());
            assertEquals("Only the engineer role may change settings; you are signed in as operator.",
                    settings.whyNot());
            assertFalse(settings.read().running().isEmpty(), "operators read the configuration");
            AccessDeniedException denied = assertThrows(AccessDeniedException.class,
                    () -> settings.change(Map.of("decision_engine.max_retries", 5)));
            assertTrue(denied.getMessage().contains("engineer"), denied.getMessage());
            assertEquals("DENIED", lastAudit().result());
            assertEquals("op.lee", lastAudit().actor());
        }
        try (RemoteEngine remote = connect(served.viewer())) {
            AccessDeniedException denied = assertThrows(AccessDeniedException.class, () -> remote.settings().read());
            assertTrue(denied.getMessage().contains("operator or engineer"), denied.getMessage());
        }
        assertFalse(Files.exists(served.configFile()));
    }

    @Test
    void aDeadEngineIsSaidPlainly() {
        try (RemoteEngine remote = connect(served.engineer())) {
            served.stopServing();
            RemoteEngineException read = assertThrows(RemoteEngineException.class, () -> remote.settings().read());
            assertEquals(0, read.status());
            assertTrue(read.getMessage().contains("cannot reach the engine at " + served.server().uri()),
                    read.getMessage());
            RemoteEngineException change = assertThrows(RemoteEngineException.class,
                    () -> remote.settings().change(Map.of("decision_engine.max_retries", 5)));
            assertEquals("unreachable", change.error());
            assertTrue(change.getMessage().startsWith("PATCH /config"), change.getMessage());
        }
        assertFalse(Files.exists(served.configFile()));
    }
}
