package org.dang.engine.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** The terminal loop of {@code dang chat}: a prompt, one question per line, {@code /new} and {@code /exit}. */
final class QuestionLoop {

    private QuestionLoop() {
    }

    /**
     * Reads questions from {@code input} until {@code /exit} or its end and hands each to {@code ask};
     * {@code /new} calls {@code forget}, whose text is printed in parentheses. Returns exit code 0.
     */
    static int run(InputStream input, PrintWriter out, Supplier<String> forget, Consumer<String> ask)
            throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8));
        while (true) {
            out.print("> ");
            out.flush();
            String line = in.readLine();
            if (line == null || line.strip().equals("/exit")) {
                out.println();
                out.flush();
                return 0;
            }
            if (line.isBlank()) {
                continue;
            }
            if (line.strip().equals("/new")) {
                out.println("(" + forget.get() + ")");
                continue;
            }
            ask.accept(line);
        }
    }
}
