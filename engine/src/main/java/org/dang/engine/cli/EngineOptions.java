package org.dang.engine.cli;

import java.nio.file.Path;
import java.util.Optional;

import picocli.CommandLine.Option;

import org.dang.engine.config.ConfigLoader;
import org.dang.engine.config.DangConfig;

/** Options every engine verb shares: the configuration file and the decision store. */
public final class EngineOptions {

    @Option(names = "--config", paramLabel = "FILE",
            description = "Configuration YAML (default: ~/.dang/config.yaml if present, else built-in defaults).")
    Path config;

    @Option(names = "--store", paramLabel = "PATH",
            description = "Decision store file without .mv.db (default: store.path of the configuration).")
    Path store;

    /** The file settings are saved to: --config when given, else ~/.dang/config.yaml. */
    public Path configFile() {
        return config != null ? config : ConfigLoader.defaultLocation();
    }

    /** The configuration with --store applied. */
    public DangConfig load() {
        DangConfig c = ConfigLoader.loadOrDefaults(Optional.ofNullable(config));
        return store == null ? c : c.withStore(store);
    }
}
