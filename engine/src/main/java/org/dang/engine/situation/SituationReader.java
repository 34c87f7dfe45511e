package org.dang.engine.situation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;

import org.dang.engine.json.Json;

/** Reads situation JSON files, one file or a folder of {@code *.json}, reporting bad files precisely. */
public final class SituationReader {

    /** One file's outcome: a situation, or an error naming the file, line and field. */
    public record Entry(Path file, Situation situation, String error) {
        /** True when the file was read. */
        public boolean ok() {
            return situation != null;
        }
    }

    private SituationReader() {
    }

    /** Reads {@code path}: a single file, or every {@code *.json} in a folder in name order. */
    public static List<Entry> read(Path path) throws IOException {
        if (!Files.exists(path)) {
            throw new IOException("no such file or folder: " + path);
        }
        List<Path> files;
        if (Files.isDirectory(path)) {
            try (Stream<Path> s = Files.list(path)) {
                files = s.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
            }
        } else {
            files = List.of(path);
        }
        List<Entry> out = new ArrayList<>(files.size());
        for (Path f : files) {
            out.add(readOne(f));
        }
        return out;
    }

    /** Parses one situation from JSON text; {@code source} names it in errors. */
    public static Situation parse(String json, String source) {
        try {
            return Json.mapper().readValue(json, Situation.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(describe(source, e), e);
        }
    }

    private static Entry readOne(Path f) {
        try {
            return new Entry(f, parse(Files.readString(f), f.toString()), null);
        } catch (IllegalArgumentException e) {
            return new Entry(f, null, e.getMessage());
        } catch (IOException e) {
            return new Entry(f, null, f + ": cannot read: " + e.getMessage());
        }
    }

    /** "file:line:column: field.path: what is wrong", from a Jackson error. */
    static String describe(String source, JsonProcessingException e) {
        JsonLocation loc = e.getLocation();
        String where = loc == null ? source : source + ":" + loc.getLineNr() + ":" + loc.getColumnNr();
        String field = "";
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            field = m.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[") + ": ";
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String msg = root != e && root.getMessage() != null ? root.getMessage() : e.getOriginalMessage();
        return where + ": " + field + firstLine(msg);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "invalid situation";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
