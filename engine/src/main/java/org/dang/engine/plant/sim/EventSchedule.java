package org.dang.engine.plant.sim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Timed events for a simulation run, in start order; read from and written to a small CSV
 * ({@code start,end,kind,target,magnitude,detail}, times ISO-8601 UTC) or built in code.
 */
public record EventSchedule(List<CduEvent> events) {

    /** Header of schedule files. */
    public static final String HEADER = "start,end,kind,target,magnitude,detail";

    public EventSchedule {
        events = events.stream().sorted(Comparator.comparing(CduEvent::start)).toList();
    }

    /** No events. */
    public static EventSchedule empty() {
        return new EventSchedule(List.of());
    }

    /** These events. */
    public static EventSchedule of(CduEvent... events) {
        return new EventSchedule(List.of(events));
    }

    /** This schedule plus {@code event}. */
    public EventSchedule plus(CduEvent event) {
        List<CduEvent> all = new ArrayList<>(events);
        all.add(event);
        return new EventSchedule(all);
    }

    /** Ground-truth labels of the events that start before {@code until}, ends clipped to it. */
    public List<EventLabel> labels(Instant until) {
        return events.stream().filter(e -> e.start().isBefore(until)).map(CduEvent::label)
                .map(l -> l.end().isAfter(until) ? new EventLabel(l.start(), until, l.kind(), l.tags(), l.detail()) : l)
                .toList();
    }

    /** Reads a schedule file; blank lines and lines starting with # are skipped. */
    public static EventSchedule read(Path file) throws IOException {
        return parse(file.getFileName().toString(), Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    /** Parses schedule lines; errors name the source and line. */
    public static EventSchedule parse(String source, List<String> lines) throws IOException {
        List<CduEvent> out = new ArrayList<>();
        boolean header = false;
        for (int n = 1; n <= lines.size(); n++) {
            String line = lines.get(n - 1).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (!header) {
                if (!line.replace(" ", "").equalsIgnoreCase(HEADER)) {
                    throw new IOException(source + ":" + n + ": expected the header " + HEADER);
                }
                header = true;
                continue;
            }
            try {
                out.add(event(Csv.split(line)));
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw new IOException(source + ":" + n + ": " + e.getMessage(), e);
            }
        }
        if (!header) {
            throw new IOException(source + ": empty schedule, expected the header " + HEADER);
        }
        return new EventSchedule(out);
    }

    /** The schedule as CSV text. */
    public String format() {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (CduEvent e : events) {
            sb.append(e.start()).append(',').append(e.end()).append(',').append(e.kind()).append(',')
                    .append(Csv.field(e.target())).append(',').append(number(e.magnitude())).append(',')
                    .append(Csv.field(e.detail())).append('\n');
        }
        return sb.toString();
    }

    /** Writes the schedule file. */
    public void write(Path file) throws IOException {
        Files.writeString(file, format(), StandardCharsets.UTF_8);
    }

    private static CduEvent event(List<String> f) {
        if (f.size() < 5 || f.size() > 6) {
            throw new IllegalArgumentException("expected 5 or 6 fields (" + HEADER + "), got " + f.size());
        }
        Instant start = Instant.parse(f.get(0).strip());
        Instant end = Instant.parse(f.get(1).strip());
        EventKind kind;
        try {
            kind = EventKind.valueOf(f.get(2).strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown kind " + f.get(2).strip() + " (expected one of "
                    + List.of(EventKind.values()) + ")", e);
        }
        String target = f.get(3).strip();
        String m = f.get(4).strip();
        double magnitude;
        try {
            magnitude = m.isEmpty() ? 0 : Double.parseDouble(m);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("magnitude " + m + " is not a number", e);
        }
        String detail = f.size() > 5 ? f.get(5).strip() : "";
        return switch (kind) {
            case CRUDE_SWITCH -> new CrudeSwitch(start, end, target, detail);
            case FURNACE_FOULING -> new FurnaceFouling(start, end, magnitude, detail);
            case PUMP_DEGRADATION -> new PumpDegradation(start, end, magnitude, detail);
            case PREHEAT_DEGRADATION -> new PreheatDegradation(start, end, magnitude, detail);
            case FEED_STEP -> new FeedUpset(start, end, FeedUpset.Shape.STEP, magnitude, detail);
            case FEED_PULSE -> new FeedUpset(start, end, FeedUpset.Shape.PULSE, magnitude, detail);
            case SENSOR_FLATLINE, SENSOR_SPIKE, SENSOR_DRIFT, SENSOR_DROPOUT, SENSOR_STUCK -> new SensorFault(start, end,
                    CduTag.byName(target).orElseThrow(() -> new IllegalArgumentException("unknown tag " + target)),
                    FaultMode.valueOf(kind.name().substring("SENSOR_".length())), magnitude, detail);
            case MAINTENANCE -> {
                try {
                    yield new Maintenance(start, end, Equipment.parse(target), magnitude, detail);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("unknown equipment " + target + " (expected furnace, preheat"
                            + " or feed_pump)", e);
                }
            }
        };
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
