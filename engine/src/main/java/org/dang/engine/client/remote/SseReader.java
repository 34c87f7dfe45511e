package org.dang.engine.client.remote;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;

/** Reads a server-sent-event body line by line into (event name, data) pairs. */
final class SseReader {

    private SseReader() {
    }

    /** Reads {@code in} until it ends or {@code stop} says so, handing each event to {@code event}. */
    static void read(InputStream in, BooleanSupplier stop, BiConsumer<String, String> event) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String name = "message";
        StringBuilder data = new StringBuilder();
        String line;
        while (!stop.getAsBoolean() && (line = reader.readLine()) != null) {
            if (line.isEmpty()) {
                if (!data.isEmpty()) {
                    event.accept(name, data.toString());
                }
                name = "message";
                data.setLength(0);
            } else if (line.startsWith("event:")) {
                name = line.substring(6).strip();
            } else if (line.startsWith("data:")) {
                if (!data.isEmpty()) {
                    data.append('\n');
                }
                data.append(line.substring(5).stripLeading());
            }
            // "id:", "retry:" and ": comments" (keep-alives) need nothing from these clients.
        }
    }
}
