package org.dang.engine.server;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import org.dang.engine.Engine;
import org.dang.engine.access.Role;
import org.dang.engine.config.DangConfig;
import org.dang.engine.config.ServerConfig;

/**
 * For tests: a real engine (H2 store under {@code dir}) served on loopback with a viewer, an operator and
 * an engineer token, and a configuration file ({@code site.yaml}, not written yet) that PATCH /config writes.
 */
public final class ConfiguredServer implements AutoCloseable {

    private final Engine engine;
    private final ApiServer server;
    private final Path configFile;
    private final String viewer;
    private final String operator;
    private final String engineer;
    private boolean serving = true;

    private ConfiguredServer(Path dir) throws IOException {
        engine = Engine.open(DangConfig.defaults().withStore(dir.resolve("decisions")));
        TokenFile tokens = new TokenFile(dir.resolve("tokens"));
        viewer = tokens.add("vic.viewer", Role.VIEWER);
        operator = tokens.add("op.lee", Role.OPERATOR);
        engineer = tokens.add("eng.kim", Role.ENGINEER);
        configFile = dir.resolve("site.yaml");
        server = ApiServer.start(engine, ServerConfig.defaults().listeningOn("127.0.0.1", 0)
                .with(dir.resolve("tokens"), ServerConfig.TlsConfig.none()), new ModuleRequests(),
                Optional.of(configFile));
    }

    /** Opens the engine and starts serving it. */
    public static ConfiguredServer start(Path dir) throws IOException {
        return new ConfiguredServer(dir);
    }

    /** The engine. */
    public Engine engine() {
        return engine;
    }

    /** The API server. */
    public ApiServer server() {
        return server;
    }

    /** The file PATCH /config writes. */
    public Path configFile() {
        return configFile;
    }

    /** Token of vic.viewer. */
    public String viewer() {
        return viewer;
    }

    /** Token of op.lee. */
    public String operator() {
        return operator;
    }

    /** Token of eng.kim. */
    public String engineer() {
        return engineer;
    }

    /** Stops the API server (a dead engine for its clients); the engine stays open. */
    public void stopServing() {
        if (serving) {
            serving = false;
            server.close();
        }
    }

    @Override
    public void close() {
        stopServing();
        engine.close();
    }
}
