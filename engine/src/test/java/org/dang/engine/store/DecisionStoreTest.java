package org.dang.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dang.engine.decision.Decision;
import org.dang.engine.decision.DecisionAction;
import org.dang.engine.decision.DecisionSource;
import org.dang.engine.module.ModuleName;

class DecisionStoreTest {

    @TempDir
    Path dir;

    private static final Instant T0 = Instant.parse("2026-11-24T06:00:00.123456789Z");

    @Test
    void recordsAndReadsBackEveryField() {
        Path db = dir.resolve("decisions");
        Decision d;
        try (DecisionStore store = DecisionStore.open(db)) {
            d = StoreFixtures.invoke("S1", T0, ModuleName.OPTIMIZATION, "furnace efficiency 5% below baseline");
            List<StoredDecision> recorded = store.record(StoreFixtures.situation("S1", T0), List.of(d));
            assertEquals(1, recorded.getFirst().seq());
            assertEquals(ChainHash.GENESIS, recorded.getFirst().prevHash());
        }
        try (DecisionStore store = DecisionStore.open(db)) {
            StoredDecision back = store.find(d.id()).orElseThrow();
            assertEquals(d.id(), back.decision().id());
            assertEquals(Instant.parse("2026-11-24T06:00:00.123456Z"), back.decision().time());
            assertEquals(d.parameters().get("horizon"), back.decision().parameters().get("horizon"));
            assertEquals(d.triggers(), back.decision().triggers());
            assertEquals(d.priority(), back.decision().priority());
            assertEquals(123, back.decision().latency().toNanos() / 1000);
            assertTrue(store.situationJson(back.situationHash()).orElseThrow().contains("\"id\":\"S1\""));
            assertTrue(store.verify().intact());
        }
    }

    @Test
    void chainLinksRowsAndVerifyNamesTheFirstTamperedRow() throws Exception {
        Path db = dir.resolve("decisions");
        try (DecisionStore store = DecisionStore.open(db)) {
            for (int i = 0; i < 5; i++) {
                Instant t = T0.plusSeconds(i);
                store.record(StoreFixtures.situation("S" + i, t), List.of(
                        StoreFixtures.alert("S" + i, t, "alert " + i),
                        StoreFixtures.invoke("S" + i, t, ModuleName.ANALYSIS, "market " + i)));
            }
            ChainVerification ok = store.verify();
            assertTrue(ok.intact());
            assertEquals(10, ok.rows());
        }
        // Tamper behind the store's back: drop the append-only trigger, then edit row 7.
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + db.toAbsolutePath(), "sa", "");
             Statement st = c.createStatement()) {
            st.execute("DROP TRIGGER decisions_append_only");
            st.execute("UPDATE decisions SET rationale = 'nothing to see' WHERE seq = 7");
        }
        try (DecisionStore store = DecisionStore.open(db)) {
            ChainVerification broken = store.verify();
            assertFalse(broken.intact());
            assertEquals(Optional.of(7L), broken.brokenSeq());
            assertEquals(6, broken.rows());
        }
    }

    @Test
    void closingAppliesEverythingAndLeavesNoJournal() throws Exception {
        Path db = dir.resolve("decisions");
        try (DecisionStore store = DecisionStore.open(db)) {
            for (int i = 0; i < 50; i++) {
                store.record(StoreFixtures.situation("S" + i, T0), List.of(StoreFixtures.alert("S" + i, T0, "a")));
            }
        }
        try (var files = java.nio.file.Files.list(dir)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().contains(".journal.")), "journal left behind");
        }
        try (DecisionStore store = DecisionStore.open(db)) {
            assertEquals(50, store.count());
            assertTrue(store.verify().intact());
        }
    }

    @Test
    void aDamagedJournalIsAClearErrorThatNamesFileAndLine() throws Exception {
        Path db = dir.resolve("decisions");
        try (DecisionStore store = DecisionStore.open(db)) {
            store.record(StoreFixtures.situation("S1", T0), List.of(StoreFixtures.alert("S1", T0, "a")));
        }
        java.nio.file.Files.writeString(dir.resolve("decisions.journal.7"), "not json\n{\"also\": \"later\"}\n");
        StoreException e = assertThrows(StoreException.class, () -> DecisionStore.open(db));
        assertTrue(e.getMessage().contains("decisions.journal.7:1: damaged journal entry"), e.getMessage());
    }

    @Test
    void anInterruptedCallerCannotBreakTheJournalForEveryoneElse() {
        try (DecisionStore store = DecisionStore.open(dir.resolve("decisions"))) {
            // A cancelled module or a stopping data source records with its interrupt flag set.
            Thread.currentThread().interrupt();
            try {
                store.record(StoreFixtures.situation("S1", T0), List.of(StoreFixtures.alert("S1", T0, "a")));
            } finally {
                Thread.interrupted();
            }
            store.record(StoreFixtures.situation("S2", T0), List.of(StoreFixtures.alert("S2", T0, "b")));
            assertEquals(2, store.count());
            assertTrue(store.durableCommits());
            assertTrue(store.verify().intact());
        }
    }

    @Test
    void updatesAndDeletesAreRefused() throws Exception {
        Path db = dir.resolve("decisions");
        try (DecisionStore store = DecisionStore.open(db)) {
            store.record(StoreFixtures.situation("S1", T0), List.of(StoreFixtures.alert("S1", T0, "a")));
        }
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + db.toAbsolutePath(), "sa", "");
             Statement st = c.createStatement()) {
            var e = assertThrows(java.sql.SQLException.class, () -> st.execute("DELETE FROM decisions"));
            assertTrue(e.getMessage().contains("append-only"), e.getMessage());
        }
    }

    @Test
    void queryFiltersPagesAndExports() throws Exception {
        try (DecisionStore store = DecisionStore.open(dir.resolve("decisions"))) {
            for (int i = 0; i < 30; i++) {
                Instant t = T0.plusSeconds(60L * i);
                ModuleName m = i % 3 == 0 ? ModuleName.FORECASTING : ModuleName.OPTIMIZATION;
                store.record(StoreFixtures.situation("S" + i, t), List.of(
                        StoreFixtures.invoke("S" + i, t, m, i == 17 ? "Crude switch to Maya blend" : "routine " + i)));
            }
            DecisionPage all = store.query(DecisionQuery.latest(10));
            assertEquals(30, all.total());
            assertEquals(10, all.items().size());
            assertEquals(30, all.items().getFirst().seq());
            assertTrue(all.hasMore());

            assertEquals(10, store.query(DecisionQuery.latest(100).withModule(ModuleName.FORECASTING)).total());
            assertEquals(1, store.query(DecisionQuery.latest(100).withText("maya")).total());
            assertEquals(0, store.query(DecisionQuery.latest(100).withText("100%_")).total());
            assertEquals(5, store.query(DecisionQuery.latest(100)
                    .between(T0.plusSeconds(600), T0.plusSeconds(900))).total());
            assertEquals(30, store.query(DecisionQuery.latest(100).withSource(DecisionSource.RULES)
                    .withAction(DecisionAction.INVOKE)).total());

            // Filtered pages: newest first, offset counted among the matches only (the page's seqs come from an index).
            assertEquals(List.of(19L, 16L, 13L), store.query(DecisionQuery.latest(3).withModule(ModuleName.FORECASTING)
                    .page(3, 3)).items().stream().map(StoredDecision::seq).toList());
            DecisionPage last = store.query(DecisionQuery.latest(5).withAction(DecisionAction.INVOKE).page(28, 5));
            assertEquals(List.of(2L, 1L), last.items().stream().map(StoredDecision::seq).toList());
            assertFalse(last.hasMore());
            assertEquals(0, store.query(DecisionQuery.latest(5).withAction(DecisionAction.ALERT)).total());

            StoredDecision s17 = store.query(DecisionQuery.latest(1).withText("maya")).items().getFirst();
            store.recordOutcome(new DecisionOutcome(s17.decision().id(), T0.plusSeconds(5000), OutcomeStatus.APPROVED,
                    "approved by eng.kim"));
            store.recordOutcome(new DecisionOutcome(s17.decision().id(), T0.plusSeconds(6000), OutcomeStatus.COMPLETED,
                    "setpoints applied"));
            DecisionPage done = store.query(DecisionQuery.latest(100).withOutcome(OutcomeStatus.COMPLETED));
            assertEquals(1, done.total());
            assertEquals("setpoints applied", done.items().getFirst().outcome().orElseThrow().detail());
            assertEquals(0, store.query(DecisionQuery.latest(100).withOutcome(OutcomeStatus.APPROVED)).total());
            assertTrue(store.verify().intact(), "outcomes must not disturb the chain");

            StringWriter csv = new StringWriter();
            DecisionExport.csv(store.query(DecisionQuery.latest(2)).items(), csv);
            String[] lines = csv.toString().split("\r\n");
            assertEquals(3, lines.length);
            assertTrue(lines[0].startsWith("seq,id,time"));
            StringWriter jsonl = new StringWriter();
            DecisionExport.jsonLines(List.of(store.find(s17.decision().id()).orElseThrow()), jsonl);
            assertTrue(jsonl.toString().contains("\"outcome\":\"COMPLETED\""), jsonl.toString());
            assertTrue(jsonl.toString().contains("\"rationale\":\"Crude switch to Maya blend\""));
        }
    }

    @Test
    void auditAndModuleRunsRoundTrip() {
        try (DecisionStore store = DecisionStore.open(dir.resolve("decisions"))) {
            store.audit(new AuditEvent(T0, "op.lee", "operator", "acknowledge_alarm", "TI-201 HI", "console@cr-1",
                    "OK", ""));
            store.audit(new AuditEvent(T0.plusSeconds(1), "viewer1", "viewer", "acknowledge_alarm", "TI-201 HI",
                    "console@cr-2", "DENIED", "role viewer may not acknowledge"));
            List<AuditEvent> trail = store.auditTrail(10);
            assertEquals(2, trail.size());
            assertEquals("DENIED", trail.getFirst().result());
            store.recordModuleRun(new ModuleRunRecord("run-1", "forecasting", "FORECAST_REFRESH", "{}", "SUCCEEDED",
                    T0, T0.plusSeconds(2), java.time.Duration.ofMillis(2000), 1, false, "ridge chosen"));
            assertEquals("ridge chosen", store.moduleRuns(5).getFirst().detail());
        }
    }
}
