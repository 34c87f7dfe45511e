package org.dang.engine.advisor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A versioned prompt template (a resource {@code <version>.txt} beside this class) filled with the
 * data block and the schema. The version and the SHA-256 of the filled text go into the record.
 *
 * @param version  template version, e.g. {@code advisor-v1}
 * @param template the template text with {@code {{DATA}}} and {@code {{SCHEMA}}} placeholders
 */
public record AdvisorPrompt(String version, String template) {

    /** The template in use. */
    public static final String CURRENT = "advisor-v1";

    public AdvisorPrompt {
        Objects.requireNonNull(version, "version");
        if (!template.contains("{{DATA}}") || !template.contains("{{SCHEMA}}")) {
            throw new IllegalArgumentException("prompt template " + version + " lacks {{DATA}} or {{SCHEMA}}");
        }
    }

    /** Loads template {@code version} from the engine's resources. */
    public static AdvisorPrompt load(String version) {
        String name = version + ".txt";
        try (InputStream in = AdvisorPrompt.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("unknown advisor prompt version '" + version
                        + "': no resource org/dang/engine/advisor/" + name);
            }
            return new AdvisorPrompt(version, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read prompt template " + name, e);
        }
    }

    /** The prompt text for a data block (see {@link PlantSummary}) and the schema text. */
    public String fill(String dataBlock, String schema) {
        // Data last would let a crafted value spell "{{SCHEMA}}"; fill the schema first, then the data.
        return template.replace("{{SCHEMA}}", schema.strip()).replace("{{DATA}}", dataBlock);
    }

    /** SHA-256 of a filled prompt, hex. */
    public static String hash(String prompt) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(prompt.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
