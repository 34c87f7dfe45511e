package org.dang.engine.module.optimize.policy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JacksonException;

import org.dang.engine.json.Json;
import org.dang.engine.module.optimize.env.CduOptimizationEnv;
import org.dang.engine.module.optimize.env.Observation;

/**
 * Versioned policy files in a folder ({@code trained_policy_v1.json}, {@code _v2}, ...) over the
 * policies bundled with the engine. Writing picks the next free version; loading checks the hash,
 * the environment version and the network's shape, and names the file in every error.
 */
public final class PolicyStore {

    /** Where trained policies go by default ({@code ~/.dang/policies}) and where the console looks first. */
    public static Path defaultDir() {
        return Path.of(System.getProperty("user.home"), ".dang", "policies");
    }


    /** Class-path folder of the bundled policies. */
    public static final String BUNDLED = "/org/dang/engine/module/optimize/policies/";
    private static final Pattern NAME = Pattern.compile(Pattern.quote(PolicyArtifact.PREFIX) + "(\\d{1,6})");

    private final Path dir;

    /** A store over {@code dir} (created on first write); bundled policies are found when it lacks one. */
    public PolicyStore(Path dir) {
        this.dir = Objects.requireNonNull(dir, "dir");
    }

    /** The folder. */
    public Path dir() {
        return dir;
    }

    /** Writes {@code artifact} as the next version in the folder and returns it as written. */
    public PolicyArtifact write(PolicyArtifact artifact) throws IOException {
        Files.createDirectories(dir);
        int next = versions().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        PolicyArtifact v = artifact.asVersion(next);
        Path file = dir.resolve(v.name() + ".json");
        Path tmp = dir.resolve(v.name() + ".json.tmp");
        Files.writeString(tmp, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(v) + "\n");
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return v;
    }

    /** Versions present in the folder. */
    public List<Integer> versions() throws IOException {
        List<Integer> v = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return v;
        }
        try (Stream<Path> files = Files.list(dir)) {
            files.forEach(f -> {
                String n = f.getFileName().toString();
                if (n.endsWith(".json")) {
                    Matcher m = NAME.matcher(n.substring(0, n.length() - 5));
                    if (m.matches()) {
                        v.add(Integer.parseInt(m.group(1)));
                    }
                }
            });
        }
        return v;
    }

    /**
     * The policy named {@code name}: from the folder if it has it, else bundled with the engine.
     *
     * @throws IOException naming the file when it cannot be read, is not a policy, or fails a check
     */
    public PolicyArtifact load(String name) throws IOException {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IOException("'" + name + "' is not a policy name; names look like " + PolicyArtifact.PREFIX + "2");
        }
        Path file = dir.resolve(name + ".json");
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                return checked(file.toString(), in, name);
            }
        }
        Optional<InputStream> bundled = Optional.ofNullable(PolicyStore.class.getResourceAsStream(BUNDLED + name + ".json"));
        if (bundled.isEmpty()) {
            throw new IOException("no policy " + name + " in " + dir + " nor among the bundled policies");
        }
        try (InputStream in = bundled.get()) {
            return checked("bundled " + name + ".json", in, name);
        }
    }

    private static PolicyArtifact checked(String where, InputStream in, String name) throws IOException {
        PolicyArtifact a;
        try {
            a = Json.mapper().readValue(in, PolicyArtifact.class);
        } catch (JacksonException e) {
            throw new IOException(where + ": not a policy file: " + e.getOriginalMessage(), e);
        } catch (RuntimeException e) {
            throw new IOException(where + ": not a policy file: " + e.getMessage(), e);
        }
        if (!a.name().equals(name)) {
            throw new IOException(where + ": holds " + a.name() + ", not " + name);
        }
        if (!a.hash().equals(a.computeHash())) {
            throw new IOException(where + ": hash mismatch (file says " + a.hash() + ", content gives "
                    + a.computeHash() + "); the file was altered or damaged");
        }
        if (!a.environmentVersion().equals(CduOptimizationEnv.VERSION)) {
            throw new IOException(where + ": trained in " + a.environmentVersion() + ", this engine runs "
                    + CduOptimizationEnv.VERSION + "; retrain with dang train-policy");
        }
        if (!a.features().equals(Observation.FEATURES)) {
            throw new IOException(where + ": expects features " + a.features() + ", the environment gives "
                    + Observation.FEATURES);
        }
        try {
            a.policy();
        } catch (IllegalArgumentException e) {
            throw new IOException(where + ": " + e.getMessage(), e);
        }
        return a;
    }
}
