package org.dang.engine.plant.sim;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.dang.engine.plant.AlarmLimits;
import org.dang.engine.plant.TagDefinition;

/**
 * Writes a simulated history folder: {@code history.csv.gz} (one row per minute, every tag),
 * {@code tags.csv}, {@code labels.csv} (ground truth), {@code schedule.csv} (the events, in the
 * format {@code --schedule} reads) and {@code README.md}.
 */
public final class CduHistoryWriter {

    /** History file name. */
    public static final String HISTORY = "history.csv.gz";
    /** Tag file name. */
    public static final String TAGS = "tags.csv";
    /** Label file name. */
    public static final String LABELS = "labels.csv";
    /** Schedule file name. */
    public static final String SCHEDULE = "schedule.csv";
    /** Readme file name. */
    public static final String README = "README.md";
    /** Header of the tag file. */
    public static final String TAGS_HEADER = "tag,description,unit,low,high,lolo,lo,hi,hihi,priority,deadband";
    /** Header of the label file. */
    public static final String LABELS_HEADER = "start,end,kind,tags,detail";

    private static final long[] POW10 = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};

    /** What was written. */
    public record Result(Path dir, long rows, int tags, int labels, long historyBytes) {
    }

    private CduHistoryWriter() {
    }

    /** Simulates {@code days} days from the sample start (2026-11-01T00:00Z) at 1 min steps into {@code dir}. */
    public static Result write(Path dir, long seed, int days, EventSchedule schedule) throws IOException {
        return write(dir, CduConfig.defaults(seed), days, schedule);
    }

    /** Simulates {@code days} days of {@code config} (its step must be 1 min) into {@code dir}. */
    public static Result write(Path dir, CduConfig config, int days, EventSchedule schedule) throws IOException {
        if (days < 1) {
            throw new IllegalArgumentException("days must be 1 or more, was " + days);
        }
        if (!config.step().equals(Duration.ofMinutes(1))) {
            throw new IllegalArgumentException("history files hold one row per minute; the step is " + config.step());
        }
        Files.createDirectories(dir);
        CduSimulator sim = new CduSimulator(config, schedule);
        long rows = (long) days * 1440;
        Instant end = config.start().plus(Duration.ofDays(days));
        writeHistory(dir.resolve(HISTORY), sim, rows);
        writeTags(dir.resolve(TAGS));
        List<EventLabel> labels = schedule.labels(end);
        writeLabels(dir.resolve(LABELS), labels);
        schedule.write(dir.resolve(SCHEDULE));
        long bytes = Files.size(dir.resolve(HISTORY));
        Files.writeString(dir.resolve(README), SampleDataReadme.text(config, days, rows, bytes, labels),
                StandardCharsets.UTF_8);
        return new Result(dir, rows, CduTag.values().length, labels.size(), bytes);
    }

    /** Rows: the state at each minute, the first one the initial (steady) state. */
    private static void writeHistory(Path file, CduSimulator sim, long rows) throws IOException {
        CduTag[] tags = CduTag.values();
        try (Writer w = new BufferedWriter(new OutputStreamWriter(
                new GZIPOutputStream(Files.newOutputStream(file), 1 << 16), StandardCharsets.UTF_8), 1 << 16)) {
            StringBuilder sb = new StringBuilder(512).append("time");
            for (CduTag t : tags) {
                sb.append(',').append(t.tag());
            }
            w.write(sb.append('\n').toString());
            CduState s = sim.state();
            for (long r = 0; r < rows; r++) {
                if (r > 0) {
                    s = sim.step();
                }
                sb.setLength(0);
                sb.append(s.time());
                for (CduTag t : tags) {
                    sb.append(',');
                    appendFixed(sb, s.measured(t), t.decimals());
                }
                w.write(sb.append('\n').toString());
            }
        }
    }

    /** Fixed decimals without String.format (a month is 1.3 million values); NaN is an empty cell. */
    static void appendFixed(StringBuilder sb, double v, int decimals) {
        if (!Double.isFinite(v)) {
            return;
        }
        long scale = POW10[decimals];
        long r = Math.round(Math.abs(v) * scale);
        if (v < 0 && r != 0) {
            sb.append('-');
        }
        sb.append(r / scale);
        if (decimals > 0) {
            sb.append('.');
            String frac = Long.toString(r % scale);
            sb.repeat('0', decimals - frac.length()).append(frac);
        }
    }

    private static void writeTags(Path file) throws IOException {
        StringBuilder sb = new StringBuilder(TAGS_HEADER).append('\n');
        for (CduTag t : CduTag.values()) {
            TagDefinition d = t.definition();
            AlarmLimits a = d.alarms();
            boolean any = a.loLo() != null || a.lo() != null || a.hi() != null || a.hiHi() != null;
            sb.append(d.tag()).append(',').append(Csv.field(d.description())).append(',').append(Csv.field(d.unit()))
                    .append(',').append(plain(d.low())).append(',').append(plain(d.high())).append(',')
                    .append(limit(a.loLo())).append(',').append(limit(a.lo())).append(',').append(limit(a.hi()))
                    .append(',').append(limit(a.hiHi())).append(',').append(any ? a.priority().name() : "")
                    .append(',').append(any ? plain(a.deadband()) : "").append('\n');
        }
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    }

    private static void writeLabels(Path file, List<EventLabel> labels) throws IOException {
        StringBuilder sb = new StringBuilder(LABELS_HEADER).append('\n');
        for (EventLabel l : labels) {
            sb.append(l.start()).append(',').append(l.end()).append(',').append(l.kind()).append(',')
                    .append(Csv.field(String.join(";", l.tags()))).append(',').append(Csv.field(l.detail()))
                    .append('\n');
        }
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    }

    private static String limit(Double v) {
        return v == null ? "" : plain(v);
    }

    static String plain(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
