package org.dang.engine.store;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;

import org.dang.engine.json.Json;

/**
 * The store's write-ahead journal: one JSON line per recorded situation, appended with a single
 * write before {@code record()} returns. H2 has no redo log of its own, so this is what makes an
 * acknowledged decision survive kill -9 while H2 commits in batches behind it. The journal is
 * emptied once H2 has checkpointed everything in it. Not thread-safe: the store's write lock guards it.
 */
final class DecisionJournal implements AutoCloseable {

    private static final Logger LOG = System.getLogger(DecisionJournal.class.getName());

    private final Path file;
    private final FileChannel channel;

    private DecisionJournal(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    static DecisionJournal open(Path file) throws IOException {
        return new DecisionJournal(file, FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND));
    }

    /**
     * Entries in the journal file, in order. A last line cut short (the process died inside the
     * write, so it was never acknowledged) is dropped with a warning; a bad line before the end
     * means the file was damaged, which is an error naming the line.
     */
    static List<JournalEntry> read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<JournalEntry> out = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            try {
                out.add(Json.mapper().readValue(line, JournalEntry.class));
            } catch (JsonProcessingException e) {
                if (i == lines.size() - 1) {
                    LOG.log(Level.WARNING, file + ":" + (i + 1) + ": incomplete last journal entry dropped"
                            + " (it was never acknowledged)");
                } else {
                    throw new IOException(file + ":" + (i + 1) + ": damaged journal entry: " + e.getOriginalMessage(), e);
                }
            }
        }
        return out;
    }

    void append(JournalEntry entry) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap((Json.write(entry) + "\n").getBytes(StandardCharsets.UTF_8));
        while (buf.hasRemaining()) {
            channel.write(buf);
        }
    }

    /** Empties the journal; only after H2 has checkpointed every entry in it. */
    void clear() throws IOException {
        channel.truncate(0);
    }

    Path file() {
        return file;
    }

    boolean isOpen() {
        return channel.isOpen();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
