package org.dang.engine.assistant;

import java.nio.file.Path;

import org.dang.engine.Engine;
import org.dang.engine.access.Role;
import org.dang.engine.config.ServerConfig;
import org.dang.engine.llm.openai.ScriptedOpenAiServer;
import org.dang.engine.server.ApiServer;
import org.dang.engine.server.ModuleRequests;
import org.dang.engine.server.TokenFile;

/**
 * A {@link ChatPlant} behind {@code dang serve} on loopback, as remote consoles see it: the scripted model,
 * the engine, its {@link ApiServer}, and bearer tokens for op.lee (operator) and vic.viewer (viewer). Sets
 * {@code dang.home} to the repository root while open.
 *
 * @param model    the loopback OpenAI-compatible server (asked only when the engine was given it)
 * @param plant    the engine and its simulated unit
 * @param server   the engine's HTTP API
 * @param operator op.lee's token
 * @param viewer   vic.viewer's token
 * @param home     {@code dang.home} before, restored on close (null when unset)
 */
public record ServedChat(ScriptedOpenAiServer model, ChatPlant plant, ApiServer server, String operator,
                         String viewer, String home) implements AutoCloseable {

    /** Starts it all under {@code dir}; the engine asks the scripted model only when {@code withModel}. */
    public static ServedChat start(Path dir, boolean withModel) throws Exception {
        String home = System.setProperty("dang.home", "..");
        ScriptedOpenAiServer model = new ScriptedOpenAiServer();
        ChatPlant plant = ChatPlant.open(dir, withModel ? model : null);
        TokenFile tokens = new TokenFile(dir.resolve("tokens"));
        String operator = tokens.add("op.lee", Role.OPERATOR);
        String viewer = tokens.add("vic.viewer", Role.VIEWER);
        ApiServer server = ApiServer.start(plant.engine(), ServerConfig.defaults().listeningOn("127.0.0.1", 0)
                .with(dir.resolve("tokens"), ServerConfig.TlsConfig.none()).withRateLimit(100_000, 100_000),
                ModuleRequests.standard());
        return new ServedChat(model, plant, server, operator, viewer, home);
    }

    /** The engine behind the server. */
    public Engine engine() {
        return plant.engine();
    }

    @Override
    public void close() {
        server.close();
        plant.close();
        model.close();
        if (home == null) {
            System.clearProperty("dang.home");
        } else {
            System.setProperty("dang.home", home);
        }
    }
}
