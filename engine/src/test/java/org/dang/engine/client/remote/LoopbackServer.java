package org.dang.engine.client.remote;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import org.dang.engine.Engine;
import org.dang.engine.access.Role;
import org.dang.engine.config.ServerConfig;
import org.dang.engine.server.ApiServer;
import org.dang.engine.server.ModuleRequests;
import org.dang.engine.server.TokenFile;

/**
 * An engine served on loopback for the remote client tests: plain HTTP, no rate limit to speak of, and a
 * token file in {@code dir} with a viewer (vic.viewer) and an operator (op.lee).
 *
 * @param server   the running server
 * @param dir      where the token file is
 * @param viewer   the viewer's token
 * @param operator the operator's token
 */
record LoopbackServer(ApiServer server, Path dir, String viewer, String operator) implements AutoCloseable {

    /** Writes the tokens and serves {@code engine}. */
    static LoopbackServer start(Engine engine, Path dir) throws IOException {
        TokenFile tokens = new TokenFile(dir.resolve("tokens"));
        String viewer = tokens.add("vic.viewer", Role.VIEWER);
        String operator = tokens.add("op.lee", Role.OPERATOR);
        return new LoopbackServer(serve(engine, dir), dir, viewer, operator);
    }

    /** Another server on {@code engine} with the same tokens (e.g. one a test stops). */
    static ApiServer serve(Engine engine, Path dir) throws IOException {
        return ApiServer.start(engine, ServerConfig.defaults().listeningOn("127.0.0.1", 0)
                .with(dir.resolve("tokens"), ServerConfig.TlsConfig.none()).withRateLimit(100_000, 100_000),
                ModuleRequests.standard());
    }

    /** Settings for this server with {@code token}. */
    RemoteSettings settings(String token) {
        return new RemoteSettings(server.uri(), token, Optional.empty(), Optional.empty());
    }

    /** A console's connection with {@code token}. */
    RemoteEngine connect(String token) {
        return RemoteEngine.connect(settings(token));
    }

    @Override
    public void close() {
        server.close();
    }
}
