package org.dang.engine.llm.sagemaker;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reassembles lines from payload parts. SageMaker cuts the container's output into parts anywhere:
 * inside a JSON object, inside a UTF-8 character. Lines are split on the newline byte and decoded
 * only when whole, so neither kind of cut loses or garbles anything.
 */
final class PayloadLines {

    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();

    /** The lines completed by {@code part} (without their line ends). */
    List<String> accept(byte[] part) {
        List<String> lines = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < part.length; i++) {
            if (part[i] == '\n') {
                partial.write(part, from, i - from);
                lines.add(line());
                from = i + 1;
            }
        }
        partial.write(part, from, part.length - from);
        return lines;
    }

    /** What is left after the last part, if anything. */
    List<String> end() {
        return partial.size() == 0 ? List.of() : List.of(line());
    }

    private String line() {
        String s = partial.toString(StandardCharsets.UTF_8);
        partial.reset();
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }
}
