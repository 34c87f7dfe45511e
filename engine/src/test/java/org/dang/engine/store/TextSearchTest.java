package org.dang.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The text filter through the V8 search table, and match counts kept per filter as decisions arrive. */
class TextSearchTest {

    @TempDir
    Path dir;

    private static final Instant T0 = Instant.parse("2026-11-24T06:00:00Z");

    private static void record(DecisionStore store, int i) {
        String rationale = i % 4 == 0 ? "Crack spread moved +" + i + " sigma" : "routine check " + i;
        store.record(StoreFixtures.situation("cdu-" + i, T0.plusSeconds(i)),
                List.of(StoreFixtures.alert("cdu-" + i, T0.plusSeconds(i), rationale)));
    }

    @Test
    void countsStayExactAsDecisionsArriveAndMatchEveryFieldCaseInsensitively() {
        try (DecisionStore store = DecisionStore.open(dir.resolve("decisions"))) {
            for (int i = 0; i < 40; i++) {
                record(store, i);
            }
            DecisionQuery crack = DecisionQuery.latest(3).withText("CRACK");
            DecisionPage first = store.query(crack);
            assertEquals(10, first.total());
            assertEquals(List.of(37L, 33L, 29L), first.items().stream().map(StoredDecision::seq).toList());
            // More decisions after the count was kept: the next count reads only the new rows, and is exact.
            for (int i = 40; i < 60; i++) {
                record(store, i);
            }
            assertEquals(15, store.query(crack).total());
            assertEquals(15, store.query(crack.page(3, 3)).total());
            assertEquals(List.of(45L, 41L, 37L), store.query(crack.page(3, 3)).items().stream()
                    .map(StoredDecision::seq).toList());
            // Other fields: situation id and triggers (canonical JSON); no match across the field separators.
            DecisionPage byId = store.query(DecisionQuery.latest(5).withText("CDU-7"));
            assertEquals(1, byId.total());
            assertEquals("cdu-7", byId.items().getFirst().decision().situationId());
            assertEquals(60, store.query(DecisionQuery.latest(5).withText("\"kind\":\"safety\"")).total());
            assertEquals(0, store.query(DecisionQuery.latest(5).withText("sigma\n[")).total());
            // Combined with another filter, and a different filter kept apart.
            assertEquals(15, store.query(crack.withAction(org.dang.engine.decision.DecisionAction.ALERT)).total());
            assertEquals(0, store.query(crack.withAction(org.dang.engine.decision.DecisionAction.INVOKE)).total());
            assertEquals(45, store.query(DecisionQuery.latest(1).withText("routine")).total());
        }
    }

    @Test
    void migrationV8FillsTheSearchTableOfAStoreThatHadNone() throws Exception {
        Path db = dir.resolve("decisions");
        try (DecisionStore store = DecisionStore.open(db)) {
            for (int i = 0; i < 12; i++) {
                record(store, i);
            }
        }
        // As a store made before V8: no search table, and Flyway has not run V8.
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + db.toAbsolutePath(), "sa", "");
             Statement st = c.createStatement()) {
            st.execute("DROP TABLE decision_search");
            st.execute("DELETE FROM \"flyway_schema_history\" WHERE \"version\" = '8'");
        }
        try (DecisionStore store = DecisionStore.open(db)) {
            assertEquals(3, store.query(DecisionQuery.latest(10).withText("crack spread")).total());
            record(store, 12);
            assertEquals(4, store.query(DecisionQuery.latest(10).withText("crack spread")).total());
            assertTrue(store.verify().intact());
        }
    }
}
