package org.dang.engine.plant;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.dang.engine.csv.CsvLine;
import org.dang.engine.situation.Quality;

/**
 * Replays recorded plant history from a wide CSV ({@code time,<tag>,<tag>,...}, ISO-8601 UTC
 * times, optionally gzipped) at a speed factor, optionally looping. Bad data is flagged and
 * reported with file and line, never dropped silently: a NaN or empty cell is a MISSING sample,
 * a non-numeric cell a BAD one, a column the tag file does not know is delivered as BAD, and a
 * malformed or out-of-order row is reported and skipped.
 */
public final class CsvReplaySource implements PlantDataSource {

    private static final Logger LOG = System.getLogger(CsvReplaySource.class.getName());

    /**
     * Replay settings.
     *
     * @param speed data time per wall time (60 = one recorded minute per second); 0 = as fast as possible
     * @param loop  start again at the end, with times shifted so they keep increasing
     */
    public record Options(double speed, boolean loop) {
        public Options {
            if (!(speed >= 0) || Double.isInfinite(speed)) {
                throw new IllegalArgumentException("replay speed must be a finite number >= 0, was " + speed);
            }
        }
    }

    private final Path history;
    private final List<TagDefinition> tags;
    private final Map<String, TagDefinition> byTag = new LinkedHashMap<>();
    private final Options options;
    private volatile Thread thread;
    private volatile boolean closed;

    /** A replay of {@code history} described by the tag file {@code tagFile}. */
    public CsvReplaySource(Path history, Path tagFile, Options options) throws IOException {
        if (!Files.isReadable(history)) {
            throw new IOException("cannot read plant history " + history);
        }
        this.history = history;
        this.tags = List.copyOf(TagFile.read(tagFile));
        this.tags.forEach(t -> byTag.put(t.tag(), t));
        this.options = options;
    }

    @Override
    public String name() {
        return "replay of " + history + (options.speed() == 0 ? " (as fast as possible)" : " at " + options.speed()
                + "x") + (options.loop() ? ", looping" : "");
    }

    @Override
    public List<TagDefinition> tags() {
        return tags;
    }

    @Override
    public synchronized void start(PlantDataListener listener) {
        if (thread != null) {
            throw new IllegalStateException("replay already started");
        }
        thread = new Thread(() -> run(listener), "plant-replay");
        thread.setDaemon(true);
        thread.start();
    }

    private void run(PlantDataListener listener) {
        Duration shift = Duration.ZERO;
        try {
            do {
                Duration span = replayOnce(listener, shift);
                shift = shift.plus(span);
            } while (options.loop() && !closed);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            listener.problem(new DataProblem(history.toString(), 0, "", "replay stopped: " + e.getMessage()));
            LOG.log(Level.ERROR, "replay of " + history + " stopped", e);
        }
        listener.ended();
    }

    /** Replays the file once; returns the time span it covered plus one step, for the next loop's shift. */
    private Duration replayOnce(PlantDataListener listener, Duration shift) throws IOException, InterruptedException {
        String src = history.getFileName().toString();
        try (BufferedReader in = open()) {
            String headerLine = in.readLine();
            if (headerLine == null) {
                throw new IOException(src + ":1: empty history file");
            }
            List<String> header = CsvLine.split(headerLine).stream().map(String::strip).toList();
            if (header.isEmpty() || !header.getFirst().equals("time")) {
                throw new IOException(src + ":1: first column must be 'time', found '" + header.getFirst() + "'");
            }
            reportHeader(listener, src, header);
            Instant first = null;
            Instant last = null;
            Duration step = Duration.ofMinutes(1);
            long wallStart = System.nanoTime();
            String line;
            long lineNo = 1;
            while (!closed && (line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                List<String> cells = CsvLine.split(line);
                if (cells.size() != header.size()) {
                    listener.problem(new DataProblem(src, lineNo, "", "expected " + header.size() + " cells, found "
                            + cells.size() + "; row skipped"));
                    continue;
                }
                Instant t;
                try {
                    t = Instant.parse(cells.getFirst().strip());
                } catch (DateTimeParseException e) {
                    listener.problem(new DataProblem(src, lineNo, "", "time '" + cells.getFirst()
                            + "' is not an ISO-8601 instant such as 2026-10-25T00:00:00Z; row skipped"));
                    continue;
                }
                if (last != null && !t.isAfter(last)) {
                    listener.problem(new DataProblem(src, lineNo, "", "time " + t + " is not after the previous row's "
                            + last + "; row skipped"));
                    continue;
                }
                if (first == null) {
                    first = t;
                } else {
                    step = Duration.between(last, t);
                }
                last = t;
                pace(wallStart, Duration.between(first, t));
                listener.scan(new PlantScan(t.plus(shift), samples(listener, src, lineNo, header, cells, t.plus(shift))));
            }
            return first == null ? step : Duration.between(first, last).plus(step);
        }
    }

    private void reportHeader(PlantDataListener listener, String src, List<String> header) {
        for (String col : header.subList(1, header.size())) {
            if (!byTag.containsKey(col)) {
                listener.problem(new DataProblem(src, 1, col, "column is not in the tag file; its values are"
                        + " delivered with quality BAD"));
            }
        }
        for (String tag : byTag.keySet()) {
            if (!header.contains(tag)) {
                listener.problem(new DataProblem(src, 1, tag, "tag from the tag file has no column in the history"));
            }
        }
    }

    private List<TagSample> samples(PlantDataListener listener, String src, long lineNo, List<String> header,
                                    List<String> cells, Instant t) {
        List<TagSample> out = new ArrayList<>(header.size() - 1);
        for (int c = 1; c < header.size(); c++) {
            String tag = header.get(c);
            String cell = cells.get(c).strip();
            Quality q = byTag.containsKey(tag) ? Quality.GOOD : Quality.BAD;
            double v;
            if (cell.isEmpty() || cell.equalsIgnoreCase("nan")) {
                v = Double.NaN;
                q = Quality.MISSING;
                listener.problem(new DataProblem(src, lineNo, tag, "no value (" + (cell.isEmpty() ? "empty" : cell)
                        + "); sample flagged MISSING"));
            } else {
                try {
                    v = Double.parseDouble(cell);
                } catch (NumberFormatException e) {
                    v = Double.NaN;
                    q = Quality.BAD;
                    listener.problem(new DataProblem(src, lineNo, tag, "'" + cell + "' is not a number; sample"
                            + " flagged BAD"));
                }
            }
            out.add(new TagSample(tag, t, v, q));
        }
        return out;
    }

    private void pace(long wallStart, Duration dataElapsed) throws InterruptedException {
        if (options.speed() == 0) {
            return;
        }
        long due = wallStart + (long) (dataElapsed.toNanos() / options.speed());
        long wait = due - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }

    private BufferedReader open() throws IOException {
        InputStream raw = Files.newInputStream(history);
        InputStream in = history.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    }

    @Override
    public void close() {
        closed = true;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            try {
                t.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
