package org.dang.engine.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
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
 * <p>Durability: {@link #record} appends the chained rows to a write-ahead journal and returns
 * (concurrent calls share one write: group commit on the {@code decision-journal-writer} thread); a writer thread then inserts them into H2 in batches and, once H2 has checkpointed
 * everything, empties the journal. After kill -9, {@link #open} replays what the journal holds
 * beyond H2's last row. H2 has no redo log, and committing each decision synchronously costs a
 * B-tree chunk write per commit, which is why the journal exists. Reads first wait for the writer
 * to catch up, so a caller always sees its own writes. H2's file lock makes a second process fail
 * with {@link StoreLockedException} instead of corrupting the file.
 */
public final class DecisionStore implements AutoCloseable {

    private static final String INSERT_SITUATION = "INSERT INTO situations (hash, situation_id, body, recorded_at)"
            + " SELECT ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM situations WHERE hash = ?)";
    private static final String INSERT_DECISION = "INSERT INTO decisions (seq, id, decided_at, situation_id,"
            + " situation_hash, triggers, action, module, priority, parameters, rationale, reasoning, confidence,"
            + " source, latency_us, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private static final int BATCH = 4096;
    /** Most record() calls in one journal write. */
    private static final int GROUP = 256;
    /** record() calls queued for the journal writer before callers wait. */
    private static final int JOURNAL_QUEUE = 1024;
    private static final int MAX_PENDING = 16_384;
    private static final long BATCH_PAUSE_NANOS = 5_000_000;
    /** How long queued rows may wait for H2 when nobody reads them (they are in the journal already). */
    private static final long APPLY_EVERY_NANOS = 20_000_000;
    private static final long CHECKPOINT_EVERY_NANOS = 1_000_000_000L;

    private final Path path;
    private final JdbcConnectionPool readers;
    /** Used by the writer thread only (and by recovery before that thread starts). */
    private final Connection writer;
    private final PreparedStatement insertSituation;
    private final PreparedStatement insertDecision;
    private final PreparedStatement insertSearch;
    private final DecisionJournal journal;
    /** record() calls waiting for the journal writer, in arrival order (the chain order). */
    private final BlockingQueue<QueuedRecord> toJournal = new ArrayBlockingQueue<>(JOURNAL_QUEUE);
    private final Thread journalThread;
    private volatile boolean journalClosed;
    /** Guards the journal, the chain head and the order in which entries reach the queue. */
    private final ReentrantLock writeLock = new ReentrantLock();
    /**
     * Lock-free on purpose: with a blocking queue, record() waited a whole scheduler slice whenever
     * the writer was preempted while holding the queue's lock (p99 4 ms on 2 cores).
     */
    private final ConcurrentLinkedQueue<JournalEntry> pending = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pendingCount = new AtomicInteger();
    private final Object appliedSignal = new Object();
    /** Readers waiting for the writer: it applies at once instead of letting a batch build up. */
    private final AtomicInteger readersWaiting = new AtomicInteger();
    private final Thread writerThread;
    private volatile long acknowledgedSeq;
    private volatile long appliedSeq;
    private volatile Throwable writerFailure;
    private volatile boolean closing;
    /** Low-rate writes committed so far, numbered in commit order. */
    private final AtomicLong lowRateCommits = new AtomicLong();
    /** Guards the checkpoint that makes low-rate writes durable, and {@link #checkpointedCommits}. */
    private final Object checkpointLock = new Object();
    /** Low-rate writes a finished checkpoint covers. */
    private long checkpointedCommits;
    private String headHash;
    /** Serialises conversation turns, whose seq is the operator's next. */
    private final Object turnLock = new Object();
    /** Match counts of recent history filters: filter (first page) to {seq counted up to, count}. */
    private final Map<DecisionQuery, long[]> counts = java.util.Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<DecisionQuery, long[]> eldest) {
                    return size() > 64;
                }
            });

    private DecisionStore(Path path, JdbcConnectionPool readers, Connection writer) throws SQLException, IOException {
        this.path = path;
        this.readers = readers;
        this.writer = writer;
        writer.setAutoCommit(false);
        this.insertSituation = writer.prepareStatement(INSERT_SITUATION);
        this.insertDecision = writer.prepareStatement(INSERT_DECISION);
        this.insertSearch = writer.prepareStatement("INSERT INTO decision_search (seq, text) VALUES (?, ?)");
        long seq;
        try (PreparedStatement ps = writer.prepareStatement("SELECT seq, hash FROM decisions ORDER BY seq DESC LIMIT 1");
             ResultSet rs = ps.executeQuery()) {
            seq = rs.next() ? rs.getLong(1) : 0;
            headHash = seq == 0 ? ChainHash.GENESIS : rs.getString(2);
        }
        writer.commit();
        recover(DecisionJournal.read(path), seq);
        this.journal = DecisionJournal.open(path);
        journal.deleteThrough(journal.seal()); // recovered entries are in H2 now
        this.writerThread = new Thread(this::writeLoop, "decision-store-writer");
        writerThread.setDaemon(true);
        writerThread.start();
        this.journalThread = Thread.ofPlatform().name("decision-journal-writer").daemon(true).start(this::journalLoop);
    }

    /** Replays journal entries beyond H2's last row (left by a killed process), then checkpoints. */
    private void recover(List<JournalEntry> entries, long h2Seq) throws SQLException {
        List<JournalEntry> missing = entries.stream().filter(e -> e.lastSeq() > h2Seq).toList();
        long seq = h2Seq;
        if (!missing.isEmpty()) {
            DecisionRow first = missing.getFirst().rows().getFirst();
            if (first.seq() != h2Seq + 1 || !first.prevHash().equals(headHash)) {
                throw new SQLException("the journal does not continue the store: its next row is " + first.seq()
                        + " but the store ends at row " + h2Seq + "; move " + path + ".journal.* aside to open the store");
            }
            apply(missing);
            seq = missing.getLast().lastSeq();
            headHash = missing.getLast().rows().getLast().hash();
        }
        checkpoint();
        acknowledgedSeq = seq;
        appliedSeq = seq;
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
        // An interrupted reader (a cancelled run, a closing console) closes a plain file channel for every
        // caller; retry: reopens it. async: is immune too but cost 40 % of durable throughput.
        String url = "jdbc:h2:retry:" + abs + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
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
     * Appends the decisions made for {@code situation} and returns them with their chain
     * positions. When this returns, the decisions are in the journal and survive kill -9.
     *
     * <p>Concurrent callers share one journal write (group commit): each call is queued for the
     * {@code decision-journal-writer} thread, which chains every queued call in arrival order, appends
     * them with one write and then releases each caller. A full queue makes callers wait
     * (back-pressure); a failed write fails exactly the calls of that write.
     */
    public List<StoredDecision> record(Situation situation, List<Decision> decisions) {
        String body = Json.canonical(situation.withoutExpected());
        // Everything that does not depend on the chain position is prepared here, in parallel across callers.
        QueuedRecord q = new QueuedRecord(situation.id(), body, ChainHash.sha256(body), List.copyOf(decisions),
                Instant.now());
        enqueue(q);
        return q.await();
    }

    private void enqueue(QueuedRecord q) {
        // Not interruptible, as the journal write was before group commit: a caller on a thread being cancelled
        // still records what it decided (the interrupt is kept for it).
        boolean interrupted = false;
        try {
            while (!toJournal.offer(q)) {
                if (journalClosed || !journalThread.isAlive()) {
                    throw new StoreException("decisions for situation " + q.situationId + " were not recorded:"
                            + " the decision store is closed", null);
                }
                interrupted |= Thread.interrupted();
                LockSupport.parkNanos(100_000);
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        if (journalClosed && toJournal.remove(q)) {
            // Queued after the journal writer stopped: nothing will write it.
            throw new StoreException("decisions for situation " + q.situationId + " were not recorded:"
                    + " the decision store is closed", null);
        }
    }

    /** The journal writer thread: group commit of queued {@link #record} calls. */
    private void journalLoop() {
        List<QueuedRecord> group = new ArrayList<>(GROUP);
        while (true) {
            QueuedRecord first;
            try {
                first = toJournal.poll(20, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                // Only close() could interrupt; finish what is queued as close() does.
                first = toJournal.poll();
            }
            if (first == null) {
                if (journalClosed) {
                    return;
                }
                continue;
            }
            group.add(first);
            toJournal.drainTo(group, GROUP - 1);
            try {
                appendGroup(group);
            } catch (RuntimeException e) {
                group.forEach(q -> q.fail(e));
            }
            group.clear();
            if (pendingCount.get() > MAX_PENDING) {
                awaitWriterBelowLimit();
            }
        }
    }

    /** Chains {@code group} in order after the head, appends it with one write, then releases its callers. */
    private void appendGroup(List<QueuedRecord> group) {
        List<JournalEntry> entries = new ArrayList<>(group.size());
        List<List<StoredDecision>> results = new ArrayList<>(group.size());
        writeLock.lock();
        try {
            failIfWriterBroken();
            long seq = acknowledgedSeq;
            String prev = headHash;
            for (QueuedRecord q : group) {
                List<StoredDecision> out = new ArrayList<>(q.decisions.size());
                List<DecisionRow> rows = new ArrayList<>(q.decisions.size());
                for (Decision d : q.decisions) {
                    seq++;
                    String hash = ChainHash.link(prev, seq, d, q.situationHash);
                    rows.add(DecisionRow.of(seq, d, q.situationHash, prev, hash));
                    out.add(new StoredDecision(seq, d, q.situationHash, prev, hash, Optional.empty()));
                    prev = hash;
                }
                entries.add(new JournalEntry(q.situationHash, q.situationId, q.body, q.at, rows));
                results.add(out);
            }
            try {
                journal.append(entries);
            } catch (IOException e) {
                String which = group.size() == 1 ? "situation " + group.getFirst().situationId
                        : group.size() + " situations (" + group.getFirst().situationId + " and others)";
                throw new StoreException("decisions for " + which + " were not recorded: " + e.getMessage(), e);
            }
            headHash = prev;
            acknowledgedSeq = seq;
            pending.addAll(entries);
            pendingCount.addAndGet(entries.size());
        } finally {
            writeLock.unlock();
        }
        for (int i = 0; i < group.size(); i++) {
            group.get(i).complete(results.get(i));
        }
    }

    /** One {@link #record} call waiting for its group's journal write. */
    private static final class QueuedRecord {
        final String situationId;
        final String body;
        final String situationHash;
        final List<Decision> decisions;
        final Instant at;
        private final CompletableFuture<List<StoredDecision>> done = new CompletableFuture<>();

        QueuedRecord(String situationId, String body, String situationHash, List<Decision> decisions, Instant at) {
            this.situationId = situationId;
            this.body = body;
            this.situationHash = situationHash;
            this.decisions = decisions;
            this.at = at;
        }

        void complete(List<StoredDecision> stored) {
            done.complete(stored);
        }

        void fail(RuntimeException e) {
            done.completeExceptionally(e);
        }

        /**
         * Waits for the journal write, not giving up on an interrupt: once queued, the call may already be
         * written, so the caller learns the result either way (the interrupt is kept for it).
         */
        List<StoredDecision> await() {
            boolean interrupted = false;
            try {
                while (true) {
                    try {
                        return done.get();
                    } catch (InterruptedException e) {
                        interrupted = true;
                    } catch (ExecutionException e) {
                        if (e.getCause() instanceof StoreException s) {
                            throw new StoreException(s.getMessage(), s);
                        }
                        throw new StoreException("decisions for situation " + situationId + " were not recorded: "
                                + e.getCause(), e.getCause());
                    }
                }
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /**
     * Back-pressure: an H2 writer far behind (a slow disk) stops the journal writer, whose full queue then
     * makes record() wait, instead of filling memory.
     */
    private void awaitWriterBelowLimit() {
        while (pendingCount.get() > MAX_PENDING && writerFailure == null && writerThread.isAlive()) {
            LockSupport.parkNanos(100_000);
        }
    }

    /** The writer thread: applies queued entries to H2 in batches and checkpoints when caught up. */
    private void writeLoop() {
        List<JournalEntry> batch = new ArrayList<>(BATCH);
        long lastCheckpoint = System.nanoTime();
        try {
            long lastApply = System.nanoTime();
            while (!Thread.currentThread().isInterrupted()) {
                int queued = pendingCount.get();
                long since = System.nanoTime() - lastApply;
                // Each H2 commit rewrites the touched pages of the decisions table and its seven indexes, so
                // fewer, larger transactions cost far less CPU per decision: apply every APPLY_EVERY_NANOS, or
                // at once when a reader waits for these rows, a batch is full, or the store closes.
                boolean due = queued > 0 && (since >= APPLY_EVERY_NANOS || queued >= BATCH
                        || readersWaiting.get() > 0 || closing);
                if (due) {
                    JournalEntry next;
                    while (batch.size() < BATCH && (next = pending.poll()) != null) {
                        batch.add(next);
                    }
                    pendingCount.addAndGet(-batch.size());
                    apply(batch);
                    lastApply = System.nanoTime();
                    long last = batch.stream().mapToLong(JournalEntry::lastSeq).max().orElse(0);
                    batch.clear();
                    synchronized (appliedSignal) {
                        appliedSeq = Math.max(appliedSeq, last);
                        appliedSignal.notifyAll();
                    }
                } else if (closing && queued == 0) {
                    return;
                } else {
                    LockSupport.parkNanos(queued > 0 ? Math.max(100_000, APPLY_EVERY_NANOS - since) : BATCH_PAUSE_NANOS);
                }
                if (System.nanoTime() - lastCheckpoint > CHECKPOINT_EVERY_NANOS && checkpointIfCaughtUp()) {
                    lastCheckpoint = System.nanoTime();
                }
            }
        } catch (SQLException | IOException | RuntimeException e) {
            // Nothing is lost: the journal keeps every acknowledged entry until the next open replays it.
            writerFailure = e;
            synchronized (appliedSignal) {
                appliedSignal.notifyAll();
            }
        }
    }

    /** Inserts entries in one H2 transaction. */
    private void apply(List<JournalEntry> entries) throws SQLException {
        try {
            for (JournalEntry e : entries) {
                insertSituation.setString(1, e.situationHash());
                insertSituation.setString(2, e.situationId());
                insertSituation.setString(3, e.situationBody());
                insertSituation.setObject(4, utc(e.recordedAt()));
                insertSituation.setString(5, e.situationHash());
                insertSituation.executeUpdate();
                for (DecisionRow r : e.rows()) {
                    bindDecision(r);
                    insertDecision.addBatch();
                    insertSearch.setLong(1, r.seq());
                    insertSearch.setString(2, searchText(r));
                    insertSearch.addBatch();
                }
            }
            insertDecision.executeBatch();
            insertSearch.executeBatch();
            writer.commit();
        } catch (SQLException | RuntimeException e) {
            clearBatchQuietly(e);
            rollbackQuietly(e);
            throw e;
        }
    }

    /**
     * When H2 holds every acknowledged row: seals the journal segment (under the write lock, cheap),
     * checkpoints H2 (without the lock, so record() never waits for it), then deletes the sealed
     * segments.
     */
    private boolean checkpointIfCaughtUp() throws SQLException, IOException {
        long sealed;
        if (!writeLock.tryLock()) {
            return false;
        }
        try {
            if (appliedSeq != acknowledgedSeq || pendingCount.get() > 0) {
                return false;
            }
            sealed = journal.seal();
        } finally {
            writeLock.unlock();
        }
        checkpoint();
        journal.deleteThrough(sealed);
        return true;
    }

    private void checkpoint() throws SQLException {
        try (Statement st = writer.createStatement()) {
            st.execute("CHECKPOINT");
        }
        writer.commit();
    }

    /** Waits until H2 holds every decision acknowledged so far, so reads see them. */
    private void awaitApplied() {
        long target = acknowledgedSeq;
        if (appliedSeq >= target) {
            return;
        }
        readersWaiting.incrementAndGet();
        LockSupport.unpark(writerThread);
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            synchronized (appliedSignal) {
                while (appliedSeq < target) {
                    failIfWriterBroken();
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        throw new StoreException("the decision store writer is " + (target - appliedSeq)
                                + " decisions behind after 30 s; the decisions are journaled and safe", null);
                    }
                    try {
                        appliedSignal.wait(Math.max(1, left / 1_000_000));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new StoreException("interrupted while waiting for the decision store writer", e);
                    }
                }
            }
        } finally {
            readersWaiting.decrementAndGet();
        }
    }

    private void failIfWriterBroken() {
        Throwable f = writerFailure;
        if (f != null) {
            throw new StoreException("the decision store writer failed (" + f.getMessage() + "); recorded decisions"
                    + " are kept in " + path + ".journal.* and are replayed when the store is opened again", f);
        }
    }

    private void bindDecision(DecisionRow r) throws SQLException {
        PreparedStatement ps = insertDecision;
        ps.setLong(1, r.seq());
        ps.setObject(2, UUID.fromString(r.id()));
        ps.setObject(3, utc(r.decidedAt()));
        ps.setString(4, r.situationId());
        ps.setString(5, r.situationHash());
        ps.setString(6, r.triggers());
        ps.setString(7, r.action());
        ps.setString(8, r.module());
        ps.setString(9, r.priority());
        ps.setString(10, r.parameters());
        ps.setString(11, r.rationale());
        ps.setString(12, r.reasoning());
        ps.setDouble(13, r.confidence());
        ps.setString(14, r.source());
        ps.setLong(15, r.latencyUs());
        ps.setString(16, r.prevHash());
        ps.setString(17, r.hash());
    }

    /** Records an outcome of an earlier decision. */
    public void recordOutcome(DecisionOutcome outcome) {
        recordOutcomes(List.of(outcome));
    }

    /** Records outcomes of earlier decisions in one transaction (one wait for the writer, one checkpoint). */
    public void recordOutcomes(List<DecisionOutcome> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        awaitApplied();
        String what = outcomes.size() == 1 ? "outcome of decision " + outcomes.getFirst().decisionId()
                : outcomes.size() + " decision outcomes";
        writeInTransaction(what, c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO decision_outcomes"
                    + " (decision_id, recorded_at, status, detail) VALUES (?, ?, ?, ?)")) {
                for (DecisionOutcome outcome : outcomes) {
                    ps.setObject(1, outcome.decisionId());
                    ps.setObject(2, utc(outcome.time()));
                    ps.setString(3, outcome.status().name());
                    ps.setString(4, outcome.detail());
                    ps.addBatch();
                }
                ps.executeBatch();
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

    /** Appends one alarm event; see {@link #recordAlarmEvents}. */
    public void recordAlarmEvent(AlarmEventRecord event) {
        recordAlarmEvents(List.of(event));
    }

    /**
     * Appends alarm events in one transaction with one checkpoint, so an alarm flood costs one
     * checkpoint per batch rather than per event. All or none of them are recorded.
     */
    public void recordAlarmEvents(List<AlarmEventRecord> events) {
        if (events.isEmpty()) {
            return;
        }
        writeInTransaction(events.size() + " alarm events", c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO alarm_events"
                    + " (at, tag, alarm, event, priority, actor, reason, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (AlarmEventRecord e : events) {
                    ps.setObject(1, utc(e.time()));
                    ps.setString(2, e.tag());
                    ps.setString(3, e.alarm());
                    ps.setString(4, e.event());
                    ps.setString(5, e.priority());
                    ps.setString(6, e.actor());
                    ps.setString(7, e.reason());
                    ps.setString(8, e.detail());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
    }

    /**
     * Alarm events at or after {@code from} and before {@code to}, newest first (in recording order
     * within the same instant), at most {@code limit}.
     */
    public List<AlarmEventRecord> alarmEvents(Instant from, Instant to, int limit) {
        return read("alarm events", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT at, tag, alarm, event, priority, actor, reason,"
                    + " detail FROM alarm_events WHERE at >= ? AND at < ? ORDER BY at DESC, id DESC LIMIT ?")) {
                ps.setObject(1, utc(from));
                ps.setObject(2, utc(to));
                ps.setInt(3, limit);
                List<AlarmEventRecord> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new AlarmEventRecord(rs.getObject(1, OffsetDateTime.class).toInstant(),
                                rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                                rs.getString(7), rs.getString(8)));
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

    /** The folder for files that belong with this store (trained forecast models): {@code models} beside it. */
    public Path modelsFolder() {
        Path parent = path.getParent();
        return parent == null ? Path.of("models") : parent.resolve("models");
    }

    /** Records a trained forecast model's metadata. */
    public void recordForecastModel(ForecastModelRecord m) {
        writeInTransaction("forecast model " + m.id(), c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO forecast_models (id, tag, spec_hash, family,"
                    + " features, trained_from, trained_to, train_rows, trained_at, metrics, reason, file, content_hash)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, m.id());
                ps.setString(2, m.tag());
                ps.setString(3, m.specHash());
                ps.setString(4, m.family());
                ps.setString(5, m.featuresJson());
                ps.setObject(6, utc(m.trainedFrom()));
                ps.setObject(7, utc(m.trainedTo()));
                ps.setInt(8, m.trainRows());
                ps.setObject(9, utc(m.trainedAt()));
                ps.setString(10, m.metricsJson());
                ps.setString(11, m.reason());
                ps.setString(12, m.file());
                ps.setString(13, m.contentHash());
                ps.executeUpdate();
            }
        });
    }

    /** The newest forecast model of {@code tag} trained with the spec whose hash is {@code specHash}. */
    public Optional<ForecastModelRecord> latestForecastModel(String tag, String specHash) {
        return forecastModels("tag = ? AND spec_hash = ?", 1, tag, specHash).stream().findFirst();
    }

    /** The newest {@code limit} forecast models of {@code tag}, newest first. */
    public List<ForecastModelRecord> forecastModels(String tag, int limit) {
        return forecastModels("tag = ?", limit, tag);
    }

    private List<ForecastModelRecord> forecastModels(String where, int limit, String... args) {
        return read("forecast models of " + args[0], c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, tag, spec_hash, family, features, trained_from,"
                    + " trained_to, train_rows, trained_at, metrics, reason, file, content_hash FROM forecast_models"
                    + " WHERE " + where + " ORDER BY trained_at DESC, id DESC LIMIT ?")) {
                for (int i = 0; i < args.length; i++) {
                    ps.setString(i + 1, args[i]);
                }
                ps.setInt(args.length + 1, limit);
                List<ForecastModelRecord> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new ForecastModelRecord(rs.getString(1), rs.getString(2), rs.getString(3),
                                rs.getString(4), rs.getString(5), rs.getObject(6, OffsetDateTime.class).toInstant(),
                                rs.getObject(7, OffsetDateTime.class).toInstant(), rs.getInt(8),
                                rs.getObject(9, OffsetDateTime.class).toInstant(), rs.getString(10), rs.getString(11),
                                rs.getString(12), rs.getString(13)));
                    }
                }
                return out;
            }
        });
    }

    /** Records a question to the model with its answer, linked to every decision made in that cycle. */
    public void recordAdvice(AdviceRecord a) {
        writeInTransaction("advice " + a.id(), c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO advice (id, asked_at, situation_hash,"
                    + " asked_because, operator_text, prompt_version, prompt_hash, model_backend, model_id, finish,"
                    + " reasoning, raw_output, parsed, overrule_reason, overrule_detail, latency_us, recent)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setObject(1, a.id());
                ps.setObject(2, utc(a.askedAt()));
                ps.setString(3, a.situationHash());
                ps.setString(4, a.askedBecause());
                ps.setString(5, a.operatorText());
                ps.setString(6, a.promptVersion());
                ps.setString(7, a.promptHash());
                ps.setString(8, a.backend());
                ps.setString(9, a.model());
                ps.setString(10, a.finish());
                ps.setString(11, a.reasoning());
                ps.setString(12, a.rawOutput());
                ps.setString(13, a.parsedJson());
                ps.setString(14, a.overruleReason());
                ps.setString(15, a.overruleDetail());
                ps.setLong(16, a.latency().toNanos() / 1000);
                ps.setString(17, a.recentJson());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO advice_decisions (decision_id, advice_id)"
                    + " VALUES (?, ?)")) {
                for (UUID d : a.decisionIds()) {
                    ps.setObject(1, d);
                    ps.setObject(2, a.id());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
    }

    /** The advice behind a model-assisted decision; empty when the rules decided without asking. */
    public Optional<AdviceRecord> adviceFor(UUID decisionId) {
        return read("advice for decision " + decisionId, c -> {
            AdviceRecord found = null;
            try (PreparedStatement ps = c.prepareStatement("SELECT a.id, a.asked_at, a.situation_hash, a.asked_because,"
                    + " a.operator_text, a.prompt_version, a.prompt_hash, a.model_backend, a.model_id, a.finish,"
                    + " a.reasoning, a.raw_output, a.parsed, a.overrule_reason, a.overrule_detail, a.latency_us, a.recent"
                    + " FROM advice a JOIN advice_decisions ad ON ad.advice_id = a.id WHERE ad.decision_id = ?")) {
                ps.setObject(1, decisionId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    UUID id = rs.getObject(1, UUID.class);
                    List<UUID> ids = new ArrayList<>();
                    try (PreparedStatement q = c.prepareStatement("SELECT decision_id FROM advice_decisions"
                            + " WHERE advice_id = ? ORDER BY decision_id")) {
                        q.setObject(1, id);
                        try (ResultSet r2 = q.executeQuery()) {
                            while (r2.next()) {
                                ids.add(r2.getObject(1, UUID.class));
                            }
                        }
                    }
                    found = new AdviceRecord(id, rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                            rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13),
                            rs.getString(14), rs.getString(15), Duration.ofNanos(rs.getLong(16) * 1000),
                            rs.getString(17), ids);
                }
            }
            return Optional.of(found);
        });
    }

    /**
     * Appends a turn to {@code operator}'s conversation and returns its seq (the operator's next, from 1).
     * One operator's turns are written by one question at a time; a clash on the seq fails loudly.
     */
    public long appendTurn(String operator, String role, String text, String toolJson, Instant at) {
        long[] seq = new long[1];
        // Two consoles of one operator in this process would otherwise read the same next seq.
        synchronized (turnLock) {
            appendTurn(operator, role, text, toolJson, at, seq);
        }
        return seq[0];
    }

    private void appendTurn(String operator, String role, String text, String toolJson, Instant at, long[] seq) {
        writeInTransaction("conversation turn of " + operator, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT COALESCE(MAX(seq), 0) + 1 FROM conversation_turns WHERE operator = ?")) {
                ps.setString(1, operator);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    seq[0] = rs.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO conversation_turns"
                    + " (operator, seq, role, text, tool, at) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, operator);
                ps.setLong(2, seq[0]);
                ps.setString(3, role);
                ps.setString(4, text);
                ps.setString(5, toolJson);
                ps.setObject(6, utc(at));
                ps.executeUpdate();
            }
        });
    }

    /** The newest {@code limit} turns of {@code operator} after {@code afterSeq}, oldest first. */
    public List<ConversationTurn> conversationTurns(String operator, long afterSeq, int limit) {
        return read("conversation of " + operator, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT seq, role, text, tool, at FROM conversation_turns"
                    + " WHERE operator = ? AND seq > ? ORDER BY seq DESC LIMIT ?")) {
                ps.setString(1, operator);
                ps.setLong(2, afterSeq);
                ps.setInt(3, limit);
                List<ConversationTurn> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new ConversationTurn(operator, rs.getLong(1), rs.getString(2), rs.getString(3),
                                rs.getString(4), rs.getObject(5, OffsetDateTime.class).toInstant()));
                    }
                }
                java.util.Collections.reverse(out);
                return out;
            }
        });
    }

    /** Keeps a summary of {@code s.operator()}'s turns up to {@code s.upToSeq()}. */
    public void recordSummary(ConversationSummary s) {
        writeInTransaction("conversation summary of " + s.operator(), c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO conversation_summaries"
                    + " (operator, up_to_seq, summary, method, at) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, s.operator());
                ps.setLong(2, s.upToSeq());
                ps.setString(3, s.text());
                ps.setString(4, s.method());
                ps.setObject(5, utc(s.at()));
                ps.executeUpdate();
            }
        });
    }

    /** The summary covering the most of {@code operator}'s turns, if any. */
    public Optional<ConversationSummary> latestSummary(String operator) {
        return read("conversation summary of " + operator, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT up_to_seq, summary, method, at"
                    + " FROM conversation_summaries WHERE operator = ? ORDER BY up_to_seq DESC LIMIT 1")) {
                ps.setString(1, operator);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new ConversationSummary(operator, rs.getLong(1), rs.getString(2),
                            rs.getString(3), rs.getObject(4, OffsetDateTime.class).toInstant())) : Optional.empty();
                }
            }
        });
    }

    /** Forgets {@code operator}'s conversation (turns and summaries); returns how many turns went. */
    public int clearConversation(String operator) {
        int[] n = new int[1];
        writeInTransaction("clearing the conversation of " + operator, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM conversation_turns WHERE operator = ?")) {
                ps.setString(1, operator);
                n[0] = ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM conversation_summaries WHERE operator = ?")) {
                ps.setString(1, operator);
                ps.executeUpdate();
            }
        });
        return n[0];
    }

    /** One page of history matching {@code q}, newest first. */
    public DecisionPage query(DecisionQuery q) {
        return read("decision history", c -> {
            boolean autoCommit = c.getAutoCommit();
            int isolation = c.getTransactionIsolation();
            // One snapshot for the newest seq, the count and the page, so they agree while the writer adds rows.
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                long upTo;
                try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(seq), 0) FROM decisions");
                     ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    upTo = rs.getLong(1);
                }
                long total = count(c, q, upTo);
                HistoryFilter f = HistoryFilter.of(q);
                List<StoredDecision> items = new ArrayList<>();
                // The page's seqs first (from an index when a filter has one: V5; from the search table walked
                // newest first: V8), then only those rows: selecting whole rows in the inner query made H2 read
                // and sort every match through the filter's index.
                String page = q.outcome().isPresent()
                        ? "SELECT " + DecisionRows.COLUMNS + f.from(DecisionRows.FROM) + f.where()
                                + " ORDER BY d.seq DESC LIMIT ? OFFSET ?"
                        : "SELECT " + DecisionRows.COLUMNS + DecisionRows.FROM.replace(" FROM decisions d ",
                        " FROM (SELECT " + f.seqColumn() + " AS seq" + f.seqSource() + f.where().strip()
                                + " ORDER BY " + f.order() + " LIMIT ? OFFSET ?) k"
                                + " JOIN decisions d ON d.seq = k.seq ")
                        + " ORDER BY d.seq DESC";
                try (PreparedStatement ps = c.prepareStatement(page)) {
                    int next = f.bind(ps);
                    ps.setInt(next, q.limit());
                    ps.setInt(next + 1, q.offset());
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            items.add(DecisionRows.map(rs));
                        }
                    }
                }
                c.commit();
                return new DecisionPage(items, total, q.offset(), q.limit());
            } finally {
                c.rollback();
                c.setTransactionIsolation(isolation);
                c.setAutoCommit(autoCommit);
            }
        });
    }

    /**
     * The number of decisions up to seq {@code upTo} (the newest in the caller's snapshot) matching {@code q}'s
     * filters. Decisions never change once stored, so a count up to some seq stays true: it is kept (per filter,
     * the latest 64 filters) and later counts read only the rows after it. Paging through a text search, or
     * refreshing a filtered history, then costs a scan of what is new instead of every decision. Filters on the
     * latest outcome are not kept: an outcome recorded later changes which old decisions match.
     */
    private long count(Connection c, DecisionQuery q, long upTo) throws SQLException {
        boolean byOutcome = q.outcome().isPresent();
        DecisionQuery key = q.page(0, 1);
        long[] known = byOutcome ? null : counts.get(key);
        boolean extend = known != null && known[0] <= upTo;
        HistoryFilter f = HistoryFilter.of(q);
        if (extend) {
            // Only rows after the kept count; in the snapshot, nothing beyond upTo exists.
            f = f.after(known[0]);
        }
        // The latest-outcome join costs a lookup per row; count without it unless filtering on it.
        String sql = byOutcome ? "SELECT COUNT(*)" + f.from(DecisionRows.FROM) + f.where()
                : "SELECT COUNT(*)" + f.seqSource() + f.where().strip();
        long total;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            f.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                total = (extend ? known[1] : 0) + rs.getLong(1);
            }
        }
        if (!byOutcome) {
            counts.put(key, new long[] {upTo, total});
        }
        return total;
    }

    /** Every decision matching {@code q}'s filters (its paging ignored), newest first: for exports. */
    public List<StoredDecision> queryAll(DecisionQuery q) {
        List<StoredDecision> all = new ArrayList<>();
        DecisionPage page = query(q.page(0, DecisionQuery.MAX_LIMIT));
        all.addAll(page.items());
        while (page.hasMore()) {
            page = query(q.page(page.offset() + page.items().size(), DecisionQuery.MAX_LIMIT));
            all.addAll(page.items());
        }
        return all;
    }

    /**
     * The newest decision (highest seq), read through H2 after the writer caught up; its seq is the
     * number of decisions stored. One index lookup, unlike counting, which reads every row.
     */
    public Optional<StoredDecision> newest() {
        return read("newest decision", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + DecisionRows.COLUMNS + DecisionRows.FROM
                    + " WHERE d.seq = (SELECT MAX(seq) FROM decisions)")) {
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(DecisionRows.map(rs)) : Optional.empty();
                }
            }
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

    /** Number of recorded (acknowledged) decisions. */
    public long count() {
        return acknowledgedSeq;
    }

    /**
     * True while {@link #record} acknowledges only after the journal write, i.e. while the journal
     * is open; a decision it acknowledged then survives kill -9 (DecisionStoreDurabilityTest).
     */
    public boolean durableCommits() {
        return journal.isOpen() && writerFailure == null;
    }

    /** Checks the whole chain from the first row; names the first row that does not verify. */
    public ChainVerification verify() {
        return read("chain verification", ChainVerifier::verify);
    }

    /** Applies what is queued, checkpoints H2, empties the journal and closes the file. */
    @Override
    public void close() {
        // First the journal writer: it writes every call queued so far, so no caller that was acknowledged, or is
        // still waiting, is lost; calls queued after it stopped are refused. Then the H2 writer applies it all.
        journalClosed = true;
        try {
            journalThread.join(TimeUnit.SECONDS.toMillis(60));
            for (QueuedRecord q; (q = toJournal.poll()) != null; ) {
                q.fail(new StoreException("decisions for situation " + q.situationId + " were not recorded:"
                        + " the decision store is closed", null));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closing = true;
        try {
            writerThread.join(TimeUnit.SECONDS.toMillis(60));
            writeLock.lock();
            try {
                if (writerFailure == null && !writerThread.isAlive() && appliedSeq == acknowledgedSeq) {
                    long sealed = journal.seal();
                    checkpoint();
                    journal.deleteThrough(sealed + 1);
                }
                journal.close();
                writer.close();
            } finally {
                writeLock.unlock();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SQLException | IOException e) {
            throw new StoreException("closing the decision store failed (the journal keeps any unapplied"
                    + " decisions): " + e.getMessage(), e);
        } finally {
            readers.dispose();
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
        awaitApplied();
        try (Connection c = readers.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreException("reading " + what + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Low-rate writes (outcomes, audit, module runs, batches of alarm events): their own connection,
     * then a checkpoint for durability.
     */
    private void writeInTransaction(String what, SqlWrite work) {
        long commit;
        try (Connection c = readers.getConnection()) {
            c.setAutoCommit(false);
            try {
                work.run(c);
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
            commit = lowRateCommits.incrementAndGet();
        } catch (SQLException e) {
            throw new StoreException(what + " was not recorded: " + e.getMessage(), e);
        }
        checkpointCovering(commit, what);
    }

    /**
     * Returns once a checkpoint that started after low-rate commit {@code commit} has finished. Callers
     * arriving together share one checkpoint (group commit): under concurrent outcomes and audits, one
     * checkpoint per caller serialised them at a few milliseconds each.
     */
    private void checkpointCovering(long commit, String what) {
        synchronized (checkpointLock) {
            if (checkpointedCommits >= commit) {
                return;
            }
            // Every commit numbered up to here has finished, so the checkpoint below covers it.
            long upTo = lowRateCommits.get();
            try (Connection c = readers.getConnection(); Statement st = c.createStatement()) {
                st.execute("CHECKPOINT");
            } catch (SQLException e) {
                throw new StoreException(what + " was committed but not checkpointed: " + e.getMessage(), e);
            }
            checkpointedCommits = upTo;
        }
    }


    /** The text filter's line for a decision (V8): what it matches, lowercased, fields separated by line feeds. */
    private static String searchText(DecisionRow r) {
        return (r.rationale() + "\n" + r.triggers() + "\n" + r.situationId()).toLowerCase(Locale.ROOT);
    }

    private void clearBatchQuietly(Exception cause) {
        try {
            insertSearch.clearBatch();
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
