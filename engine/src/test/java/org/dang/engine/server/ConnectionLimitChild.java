package org.dang.engine.server;

import java.nio.file.Path;
import java.time.Duration;

import org.dang.engine.Engine;
import org.dang.engine.access.Role;
import org.dang.engine.config.DangConfig;
import org.dang.engine.config.ServerConfig;

/**
 * Runs in its own JVM for {@link ConnectionLimitTest} (the JDK server reads its connection limit once per
 * process, as it reads its request timeout): serves with {@code server.max_connections} and, when given,
 * {@code server.request_timeout} in seconds from the arguments, prints "port token" and serves until its
 * input closes.
 */
final class ConnectionLimitChild {

    private ConnectionLimitChild() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int limit = Integer.parseInt(args[1]);
        try (Engine engine = Engine.open(DangConfig.defaults().withStore(dir.resolve("decisions")))) {
            String token = new TokenFile(dir.resolve("tokens")).add("op.lee", Role.OPERATOR);
            ServerConfig sc = ServerConfig.defaults().listeningOn("127.0.0.1", 0)
                    .with(dir.resolve("tokens"), ServerConfig.TlsConfig.none()).withMaxConnections(limit);
            if (args.length > 2) {
                sc = sc.withRequestTimeout(Duration.ofSeconds(Long.parseLong(args[2])));
            }
            try (ApiServer server = ApiServer.start(engine, sc, new ModuleRequests())) {
                System.out.println(server.port() + " " + token);
                System.out.flush();
                while (System.in.read() >= 0) {
                    // serve until the test closes our input
                }
            }
        }
    }
}
