package org.dang.engine.store;

import java.io.FileOutputStream;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;

import org.dang.engine.json.Json;

/**
 * The store's write-ahead journal: one JSON line per recorded situation, appended with a single
 * write before {@code record()} returns. H2 has no redo log of its own, so this is what makes an
 * acknowledged decision survive kill -9 while H2 commits in batches behind it.
 *
 * <p>The journal is a series of segment files {@code <store>.journal.<n>}. Sealing a segment is
 * cheap (a new file), so the store seals under its write lock, checkpoints H2 without holding it,
 * then deletes the sealed segments. Appends are guarded by the store's write lock.
 */
final class DecisionJournal implements AutoCloseable {

    private static final Logger LOG = System.getLogger(DecisionJournal.class.getName());

    private final Path base;
    private long generation;
    /**
     * A stream, not a FileChannel: a channel is closed for every caller when the writing thread is
     * interrupted (a cancelled module, a stopping data source), which would stop all recording.
     */
    private FileOutputStream out;
    /** Bytes in the current segment, all of them whole lines. */
    private long length;
    /** Why appends are refused, after a failed write that could not be undone; null while healthy. */
    private volatile String broken;
    private volatile boolean closed;

    private DecisionJournal(Path base, long generation) throws IOException {
        this.base = base;
        this.generation = generation;
        this.out = openSegment(generation);
    }

    /** Opens a fresh segment after any existing ones (recovery reads those first). */
    static DecisionJournal open(Path base) throws IOException {
        List<Path> existing = segments(base);
        long last = existing.isEmpty() ? 0 : generationOf(base, existing.getLast());
        return new DecisionJournal(base, last + 1);
    }

    /**
     * Entries in every segment, oldest first. A last line cut short (the process died inside the
     * write, so it was never acknowledged) is dropped with a warning; a bad line elsewhere means a
     * damaged file, which is an error naming file and line.
     */
    static List<JournalEntry> read(Path base) throws IOException {
        List<JournalEntry> out = new ArrayList<>();
        for (Path segment : segments(base)) {
            List<String> lines = Files.readAllLines(segment, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.isBlank()) {
                    continue;
                }
                try {
                    out.add(Json.mapper().readValue(line, JournalEntry.class));
                } catch (JsonProcessingException e) {
                    if (i == lines.size() - 1) {
                        LOG.log(Level.WARNING, segment + ":" + (i + 1) + ": incomplete last journal entry dropped"
                                + " (it was never acknowledged)");
                    } else {
                        throw new IOException(segment + ":" + (i + 1) + ": damaged journal entry: "
                                + e.getOriginalMessage(), e);
                    }
                }
            }
        }
        return out;
    }

    /**
     * Appends {@code entries}, one line each, with one write of them all. When the write fails the
     * segment is cut back to its length before it, so a partly written group can neither be replayed
     * (its callers were told it failed) nor sit before later entries as a damaged line.
     */
    void append(List<JournalEntry> entries) throws IOException {
        StringBuilder lines = new StringBuilder(entries.size() * 2048);
        for (JournalEntry e : entries) {
            lines.append(Json.write(e)).append('\n');
        }
        byte[] bytes = lines.toString().getBytes(StandardCharsets.UTF_8);
        if (broken != null) {
            throw new IOException(broken);
        }
        try {
            out.write(bytes);
            length += bytes.length;
        } catch (IOException e) {
            try {
                // Only the journal writer thread appends, and it is never interrupted, so the channel stays open.
                out.getChannel().truncate(length);
            } catch (IOException t) {
                e.addSuppressed(t);
                broken = "the journal " + base + ".journal." + generation + " could not be cut back after a failed"
                        + " write (" + t.getMessage() + "); nothing more is recorded until the store is reopened";
            }
            throw e;
        }
    }

    /** Closes the current segment and starts a new one; returns the generation sealed. */
    long seal() throws IOException {
        long sealed = generation;
        FileOutputStream next = openSegment(generation + 1);
        out.close();
        out = next;
        length = 0;
        generation++;
        return sealed;
    }

    /** Deletes every segment up to and including {@code generation}: H2 holds their entries. */
    void deleteThrough(long sealedGeneration) throws IOException {
        for (Path segment : segments(base)) {
            if (generationOf(base, segment) <= sealedGeneration) {
                Files.deleteIfExists(segment);
            }
        }
    }

    boolean isOpen() {
        return !closed && broken == null;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        out.close();
    }

    private FileOutputStream openSegment(long gen) throws IOException {
        return new FileOutputStream(base + ".journal." + gen, true);
    }

    private static List<Path> segments(Path base) throws IOException {
        Path dir = base.toAbsolutePath().getParent();
        String prefix = base.getFileName() + ".journal.";
        if (dir == null || !Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)
                            && f.getFileName().toString().substring(prefix.length()).matches("\\d+"))
                    .sorted((a, b) -> Long.compare(generationOf(base, a), generationOf(base, b)))
                    .toList();
        }
    }

    private static long generationOf(Path base, Path segment) {
        return Long.parseLong(segment.getFileName().toString().substring((base.getFileName() + ".journal.").length()));
    }
}
