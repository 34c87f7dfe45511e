package org.dang.app.console;

import java.nio.file.Path;

import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import org.dang.engine.Engine;
import org.dang.engine.config.ServerConfig;
import org.dang.engine.server.ApiServer;
import org.dang.engine.server.ModuleRequests;

/**
 * A console window on a remote engine, for the remote console tests: {@code engine} behind a real
 * {@link ApiServer} on loopback (tokens from {@code dir/tokens}), and the window connected with a token.
 *
 * @param server the server the window is connected to
 * @param window the window, shown on the primary stage
 */
record RemoteWindow(ApiServer server, ConsoleWindow window) implements AutoCloseable {

    /** Serves {@code engine} and opens a window on it with {@code token}. */
    static RemoteWindow open(Engine engine, Path dir, String token) throws Exception {
        ApiServer server = ApiServer.start(engine, ServerConfig.defaults().listeningOn("127.0.0.1", 0)
                .with(dir.resolve("tokens"), ServerConfig.TlsConfig.none()).withRateLimit(100_000, 100_000),
                ModuleRequests.standard());
        ConsoleWindow window = RemoteConsoles.show(server.uri(), token);
        WaitForAsyncUtils.waitForFxEvents();
        return new RemoteWindow(server, window);
    }

    /** Closes the stage, the window (and its connection) and the server. */
    @Override
    public void close() throws Exception {
        FxToolkit.cleanupStages();
        window.close();
        server.close();
    }
}
