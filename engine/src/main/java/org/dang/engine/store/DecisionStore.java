package org.dang.engine.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

import org.flywaydb.core.Flyway;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;

import org.dang.engine.decision.Decision;
import org.dang.engine.json.Json;
import org.dang.engine.situation.Situation;

/**
 * The embedded H2 decision store: append-only, hash-chained decisions with their situations,
 * outcomes, module runs, alarm and audit events (docs/decision-store.md).
 *
 * <p>One writer connection behind a lock keeps the chain linear; reads use a small pool. H2 runs
 * with WRITE_DELAY=0, so {@link #record} returns only after the commit reached the file: a decision
 * it acknowledged survives kill -9 of the process. H2's file lock makes a second process fail
 * with {@link StoreLockedException} instead of corrupting the file.
 */
public final class DecisionStore implements AutoCloseable {

    private static final String INSERT_SITUATION = "INSERT INTO situations (hash, situation_id, body, recorded_at)"
            + " SELECT ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM situations WHERE hash = ?)";
    private static final String INSERT_DECISION = "INSERT INTO decisions (seq, id, decided_at, situation_id,"
            + " situation_hash, triggers, action, module, priority, parameters, rationale, reasoning, confidence,"
            + " source, latency_us, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final Path path;
    private final JdbcConnectionPool readers;
    private final Connection writer;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final PreparedStatement insertSituation;
    private final PreparedStatement insertDecision;
    private long headSeq;
    private String headHash;

    private DecisionStore(Path path, JdbcConnectionPool readers, Connection writer) throws SQLException {
        this.path = path;
        this.readers = readers;
        this.writer = writer;
        writer.setAutoCommit(false);
        this.insertSituation = writer.prepareStatement(INSERT_SITUATION);
        this.insertDecision = writer.prepareStatement(INSERT_DECISION);
        try (PreparedStatement ps = writer.prepareStatement("SELECT seq, hash FROM decisions ORDER BY seq DESC LIMIT 1");
             ResultSet rs = ps.executeQuery()) {
            headSeq = rs.next() ? rs.getLong(1) : 0;
            headHash = headSeq == 0 ? ChainHash.GENESIS : rs.getString(2);
        }
        writer.commit();
    }

    /**
     * Opens (creating and migrating if needed) the store at {@code path}, a file name without the
     * {@code .mv.db} suffix.
     *
     * @throws StoreLockedException when another process has it open
     * @throws StoreException when it cannot be opened or migrated
     */
    public static DecisionStore open(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        String url = "jdbc:h2:file:" + abs + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
        JdbcConnectionPool pool = null;
        try {
            if (abs.getParent() != null) {
                Files.createDirectories(abs.getParent());
            }
            pool = JdbcConnectionPool.create(url, "sa", "");
            pool.setMaxConnections(8);
            Connection writer = pool.getConnection();
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
            return new DecisionStore(abs, pool, writer);
        } catch (SQLException e) {
            if (pool != null) {
                pool.dispose();
            }
            if (e.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
                throw new StoreLockedException(abs.toString(), e);
            }
            throw new StoreException("cannot open the decision store " + abs + ".mv.db: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            if (pool != null) {
                pool.dispose();
            }
            if (e.getCause() instanceof SQLException s && s.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
                throw new StoreLockedException(abs.toString(), e);
            }
            throw new StoreException("cannot open the decision store " + abs + ".mv.db: " + e.getMessage(), e);
        }
    }

    /** The store's file path, without the .mv.db suffix. */
    public Path path() {
        return path;
    }

    /**
     * Appends the decisions made for {@code situation} in one transaction and returns them with
     * their chain positions. When this returns, the decisions are durable.
     */
    public List<StoredDecision> record(Situation situation, List<Decision> decisions) {
        String body = Json.canonical(situation.withoutExpected());
        String situationHash = ChainHash.sha256(body);
        writeLock.lock();
        try {
            long seq = headSeq;
            String prev = headHash;
            List<StoredDecision> out = new ArrayList<>(decisions.size());
            try {
                Timestamp now = Timestamp.from(Instant.now());
                insertSituation.setString(1, situationHash);
                insertSituation.setString(2, situation.id());
                insertSituation.setString(3, body);
                insertSituation.setTimestamp(4, now);
                insertSituation.setString(5, situationHash);
                insertSituation.executeUpdate();
                for (Decision d : decisions) {
                    seq++;
                    String hash = ChainHash.link(prev, seq, d, situationHash);
                    bindDecision(seq, d, situationHash, prev, hash);
                    insertDecision.addBatch();
                    out.add(new StoredDecision(seq, d, situationHash, prev, hash, Optional.empty()));
                    prev = hash;
                }
                insertDecision.executeBatch();
                writer.commit();
            } catch (SQLException | RuntimeException e) {
                clearBatchQuietly(e);
                rollbackQuietly(e);
                throw new StoreException("decisions for situation " + situation.id() + " were not recorded: "
                        + e.getMessage(), e);
            }
            headSeq = seq;
            headHash = prev;
            return out;
        } finally {
            writeLock.unlock();
        }
    }

    private void bindDecision(long seq, Decision d, String situationHash, String prev, String hash)
            throws SQLException {
        PreparedStatement ps = insertDecision;
        ps.setLong(1, seq);
        ps.setObject(2, d.id());
        ps.setObject(3, OffsetDateTime.ofInstant(d.time().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC));
        ps.setString(4, d.situationId());
        ps.setString(5, situationHash);
        ps.setString(6, Json.canonical(d.triggers()));
        ps.setString(7, d.action().name());
        ps.setString(8, d.module() == null ? null : d.module().key());
        ps.setString(9, d.priority() == null ? null : d.priority().name());
        ps.setString(10, Json.canonical(d.parameters()));
        ps.setString(11, d.rationale());
        ps.setString(12, d.reasoning());
        ps.setDouble(13, d.confidence());
        ps.setString(14, d.source().name());
        ps.setLong(15, ChainHash.latencyMicros(d));
        ps.setString(16, prev);
        ps.setString(17, hash);
    }

    /** Records an outcome of an earlier decision. */
    public void recordOutcome(DecisionOutcome outcome) {
        writeInTransaction("outcome of decision " + outcome.decisionId(), c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO decision_outcomes"
                    + " (decision_id, recorded_at, status, detail) VALUES (?, ?, ?, ?)")) {
                ps.setObject(1, outcome.decisionId());
                ps.setObject(2, utc(outcome.time()));
                ps.setString(3, outcome.status().name());
                ps.setString(4, outcome.detail());
                ps.executeUpdate();
            }
        });
    }

    /** Appends an audit event. */
    public void audit(AuditEvent e) {
        writeInTransaction("audit event " + e.action(), c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_events"
                    + " (at, actor, role, action, target, origin, result, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setObject(1, utc(e.time()));
                ps.setString(2, e.actor());
                ps.setString(3, e.role());
                ps.setString(4, e.action());
                ps.setString(5, e.target());
                ps.setString(6, e.origin());
                ps.setString(7, e.result());
                ps.setString(8, e.detail());
                ps.executeUpdate();
            }
        });
    }

    /** The newest audit events, newest first. */
    public List<AuditEvent> auditTrail(int limit) {
        return read("audit trail", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT at, actor, role, action, target, origin, result,"
                    + " detail FROM audit_events ORDER BY id DESC LIMIT ?")) {
                ps.setInt(1, limit);
                List<AuditEvent> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new AuditEvent(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getString(2),
                                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                                rs.getString(8)));
                    }
                }
                return out;
            }
        });
    }

    /** Records a finished module run. */
    public void recordModuleRun(ModuleRunRecord r) {
        writeInTransaction("module run " + r.runId(), c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO module_runs (run_id, module, priority,"
                    + " request, status, queued_at, finished_at, duration_ms, attempts, from_cache, detail)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, r.runId());
                ps.setString(2, r.module());
                ps.setString(3, r.priority());
                ps.setString(4, r.requestJson());
                ps.setString(5, r.status());
                ps.setObject(6, r.queuedAt() == null ? null : utc(r.queuedAt()));
                ps.setObject(7, utc(r.finishedAt()));
                ps.setObject(8, r.duration() == null ? null : r.duration().toMillis());
                ps.setInt(9, r.attempts());
                ps.setBoolean(10, r.fromCache());
                ps.setString(11, r.detail());
                ps.executeUpdate();
            }
        });
    }

    /** The newest module runs, newest first. */
    public List<ModuleRunRecord> moduleRuns(int limit) {
        return read("module runs", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT run_id, module, priority, request, status,"
                    + " queued_at, finished_at, duration_ms, attempts, from_cache, detail FROM module_runs"
                    + " ORDER BY finished_at DESC LIMIT ?")) {
                ps.setInt(1, limit);
                List<ModuleRunRecord> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        OffsetDateTime queued = rs.getObject(6, OffsetDateTime.class);
                        long ms = rs.getLong(8);
                        out.add(new ModuleRunRecord(rs.getString(1), rs.getString(2), rs.getString(3),
                                rs.getString(4), rs.getString(5), queued == null ? null : queued.toInstant(),
                                rs.getObject(7, OffsetDateTime.class).toInstant(),
                                rs.wasNull() ? null : Duration.ofMillis(ms), rs.getInt(9),
                                rs.getBoolean(10), rs.getString(11)));
                    }
                }
                return out;
            }
        });
    }

    /** One page of history matching {@code q}, newest first. */
    public DecisionPage query(DecisionQuery q) {
        return read("decision history", c -> {
            HistoryFilter f = HistoryFilter.of(q);
            long total;
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*)" + DecisionRows.FROM + f.where())) {
                f.bind(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<StoredDecision> items = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + DecisionRows.COLUMNS + DecisionRows.FROM
                    + f.where() + " ORDER BY d.seq DESC LIMIT ? OFFSET ?")) {
                int next = f.bind(ps);
                ps.setInt(next, q.limit());
                ps.setInt(next + 1, q.offset());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        items.add(DecisionRows.map(rs));
                    }
                }
            }
            return new DecisionPage(items, total, q.offset(), q.limit());
        });
    }

    /** A decision by id. */
    public Optional<StoredDecision> find(UUID id) {
        return read("decision " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + DecisionRows.COLUMNS + DecisionRows.FROM
                    + " WHERE d.id = ?")) {
                ps.setObject(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(DecisionRows.map(rs)) : Optional.empty();
                }
            }
        });
    }

    /** The canonical JSON of the situation with hash {@code hash} (a decision's inputs). */
    public Optional<String> situationJson(String hash) {
        return read("situation " + hash, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT body FROM situations WHERE hash = ?")) {
                ps.setString(1, hash);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /** Number of recorded decisions. */
    public long count() {
        writeLock.lock();
        try {
            return headSeq;
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * True when every commit is written to the file before it returns (H2's WRITE_DELAY is 0), read
     * from the database itself rather than assumed.
     */
    public boolean durableCommits() {
        return read("store settings", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() && "0".equals(rs.getString(1).strip());
            }
        });
    }

    /** Checks the whole chain from the first row; names the first row that does not verify. */
    public ChainVerification verify() {
        return read("chain verification", ChainVerifier::verify);
    }

    @Override
    public void close() {
        writeLock.lock();
        try {
            writer.close();
        } catch (SQLException e) {
            throw new StoreException("closing the decision store failed: " + e.getMessage(), e);
        } finally {
            readers.dispose();
            writeLock.unlock();
        }
    }

    private static OffsetDateTime utc(Instant t) {
        return OffsetDateTime.ofInstant(t.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    /** A unit of JDBC work. */
    @FunctionalInterface
    private interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    /** A unit of JDBC work without a result. */
    @FunctionalInterface
    private interface SqlWrite {
        void run(Connection c) throws SQLException;
    }

    private <T> T read(String what, SqlWork<T> work) {
        try (Connection c = readers.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreException("reading " + what + " failed: " + e.getMessage(), e);
        }
    }

    private void writeInTransaction(String what, SqlWrite work) {
        writeLock.lock();
        try {
            work.run(writer);
            writer.commit();
        } catch (SQLException e) {
            rollbackQuietly(e);
            throw new StoreException(what + " was not recorded: " + e.getMessage(), e);
        } finally {
            writeLock.unlock();
        }
    }

    private void clearBatchQuietly(Exception cause) {
        try {
            insertDecision.clearBatch();
        } catch (SQLException r) {
            cause.addSuppressed(r);
        }
    }

    private void rollbackQuietly(Exception cause) {
        try {
            writer.rollback();
        } catch (SQLException r) {
            cause.addSuppressed(r);
        }
    }
}
