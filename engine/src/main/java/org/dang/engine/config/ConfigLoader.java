package org.dang.engine.config;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the engine configuration from YAML, reporting every problem at once (see docs/configuration.md). */
public final class ConfigLoader {

    private ConfigLoader() {
    }

    /**
     * Reads a config file; a relative {@code store.path} is resolved against the file's folder.
     *
     * @throws ConfigException when the file cannot be read or holds any problem
     */
    public static DangConfig load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ConfigException(file.toString(),
                    List.of(new ConfigProblem("", 0, "cannot read the configuration file: " + reason(e))));
        }
        return parse(text, file.toString(), file.toAbsolutePath().getParent());
    }

    /**
     * Parses config text; a relative {@code store.path} is resolved against the working directory.
     *
     * @param sourceName names the text in problem messages, e.g. a file name
     * @throws ConfigException when the text holds any problem
     */
    public static DangConfig parse(String yamlText, String sourceName) {
        return parse(yamlText, sourceName, Path.of("").toAbsolutePath());
    }

    /**
     * The configuration for a dang command: the given file ({@code --config FILE}) if any, otherwise
     * {@link #defaultLocation()} if that file exists, otherwise {@link DangConfig#defaults()}.
     *
     * @throws ConfigException when the chosen file cannot be read or holds any problem
     */
    public static DangConfig loadOrDefaults(Optional<Path> file) {
        if (file.isPresent()) {
            return load(file.get());
        }
        Path standard = defaultLocation();
        return Files.isRegularFile(standard) ? load(standard) : DangConfig.defaults();
    }

    /** Where the configuration is read from when no file is given: {@code ~/.dang/config.yaml}. */
    public static Path defaultLocation() {
        return home().resolve(".dang").resolve("config.yaml");
    }

    private static DangConfig parse(String yamlText, String sourceName, Path baseDir) {
        // Editors on Windows may save UTF-8 with a byte order mark; it is not part of the YAML.
        String text = yamlText.startsWith("\uFEFF") ? yamlText.substring(1) : yamlText;
        List<ConfigProblem> problems = new ArrayList<>();
        DangConfig config = ConfigMapper.map(YamlTreeReader.read(text, sourceName), home(), baseDir, problems);
        if (!problems.isEmpty()) {
            throw new ConfigException(sourceName, problems);
        }
        return config;
    }

    private static Path home() {
        return Path.of(System.getProperty("user.home"));
    }

    private static String reason(IOException e) {
        return switch (e) {
            case NoSuchFileException _ -> "no such file";
            case AccessDeniedException _ -> "permission denied";
            case MalformedInputException _ -> "it is not UTF-8 text";
            default -> e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        };
    }
}
