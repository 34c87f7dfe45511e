package org.dang.engine.llm.stream;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.function.Predicate;

/**
 * Reads Server-Sent Events: {@code data:} lines joined until a blank line, comments ({@code :}) and
 * other fields ignored. Lines split across network packets are whole again here, because the reader
 * buffers up to each line end.
 */
public final class SseReader {

    private SseReader() {
    }

    /**
     * Passes each event's data to {@code onEvent} until it returns false or the stream ends; a last event
     * without its blank line is still delivered.
     */
    public static void read(BufferedReader in, Predicate<String> onEvent) throws IOException {
        StringBuilder data = new StringBuilder();
        boolean any = false;
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isEmpty()) {
                if (any && !onEvent.test(data.toString())) {
                    return;
                }
                data.setLength(0);
                any = false;
            } else if (line.startsWith("data:")) {
                String value = line.substring(5);
                if (value.startsWith(" ")) {
                    value = value.substring(1);
                }
                if (any) {
                    data.append('\n');
                }
                data.append(value);
                any = true;
            }
            // ":" comments (keep-alives), "event:", "id:" and "retry:" carry nothing the chat needs.
        }
        if (any) {
            onEvent.test(data.toString());
        }
    }
}
