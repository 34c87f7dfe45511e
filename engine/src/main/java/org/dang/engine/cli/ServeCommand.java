package org.dang.engine.cli;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import org.dang.engine.Engine;
import org.dang.engine.EngineModules;
import org.dang.engine.config.DangConfig;
import org.dang.engine.config.ServerConfig;
import org.dang.engine.server.ApiServer;
import org.dang.engine.server.ModuleRequests;
import org.dang.engine.situation.SituationReplay;

/** {@code dang serve}: the engine without the desktop, behind the HTTP API of docs/server.md. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run the engine headless with its HTTP API (docs/server.md): POST /orchestrate, GET /status,"
                + " POST /invoke/{module}, GET /decisions, GET /events, GET /openapi.json.",
                "Bound to loopback unless server.tls is configured. Stops on Ctrl+C or SIGTERM."})
public final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "N", description = "TCP port (default: server.port of the configuration).")
    Integer port;

    @Option(names = "--bind", paramLabel = "ADDR",
            description = "Address to listen on (default: server.bind); anything but loopback needs server.tls.")
    String bind;

    @Mixin
    EngineOptions engineOptions;

    @Mixin
    PlantSourceOptions plantSource;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DangConfig config = engineOptions.load();
        ServerConfig server = config.server();
        if (port != null && (port < 0 || port > 65_535)) {
            throw new ParameterException(spec.commandLine(), "--port " + port + " is out of range; allowed 0 to 65535");
        }
        server = server.listeningOn(bind != null ? bind : server.bind(), port != null ? port : server.port());
        // Refuse a bad bind before opening the store, so nothing is started for nothing.
        server.bindProblem().ifPresent(p -> {
            throw new ParameterException(spec.commandLine(), p);
        });
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        try (Engine engine = Engine.open(config)) {
            EngineModules.installAvailable(engine);
            try {
                plantSource.attach(engine, err);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            try (ApiServer api = ApiServer.start(engine, server, ModuleRequests.standard(),
                    Optional.of(engineOptions.configFile()));
                 SituationReplay replay = plantSource.replaySituations(engine, err)) {
                out.println("DAN_G engine API on " + api.uri() + " (store " + config.store().path()
                        + ", tokens " + server.tokenFile() + "); Ctrl+C stops it");
                out.flush();
                Thread hook = Thread.ofPlatform().name("serve-shutdown").unstarted(() -> {
                    stop.countDown();
                    try {
                        stopped.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                Runtime.getRuntime().addShutdownHook(hook);
                try {
                    stop.await();
                } catch (InterruptedException e) {
                    // Stopped by whoever runs this command in process (a test, an embedding service). The
                    // interrupt is not re-asserted: closing the store must not meet an interrupted thread.
                    removeHook(hook);
                }
                if (replay != null) {
                    err.println("replayed " + replay.fed() + " situations");
                }
            }
        } finally {
            stopped.countDown();
        }
        return 0;
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down: the hook is running or has run.
        }
    }
}
