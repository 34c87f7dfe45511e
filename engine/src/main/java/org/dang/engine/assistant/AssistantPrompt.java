package org.dang.engine.assistant;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.dang.engine.advisor.AdvisorPrompt;

/** The chat's versioned prompt template ({@code assistant-v1.txt} beside this class), filled as the advisor's is. */
final class AssistantPrompt {

    /** The template in use. */
    static final String CURRENT = "assistant-v1";

    private AssistantPrompt() {
    }

    /** Loads template {@code version}; its placeholders are {@code {{DATA}}} and {@code {{SCHEMA}}}. */
    static AdvisorPrompt load(String version) {
        String name = version + ".txt";
        try (InputStream in = AssistantPrompt.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("unknown assistant prompt version '" + version
                        + "': no resource org/dang/engine/assistant/" + name);
            }
            return new AdvisorPrompt(version, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read prompt template " + name, e);
        }
    }
}
