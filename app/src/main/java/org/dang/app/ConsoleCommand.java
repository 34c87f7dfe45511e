package org.dang.app;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import javafx.application.Platform;
import javafx.stage.Stage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import org.dang.app.console.ConsoleWindow;
import org.dang.app.console.Theme;
import org.dang.engine.Engine;
import org.dang.engine.EngineModules;
import org.dang.engine.access.Role;
import org.dang.engine.access.User;
import org.dang.engine.cli.EngineOptions;
import org.dang.engine.cli.PlantSourceOptions;
import org.dang.engine.client.remote.RemoteEngine;
import org.dang.engine.client.remote.RemoteEngineException;
import org.dang.engine.client.remote.RemoteSettings;
import org.dang.engine.config.ConsoleConfig;
import org.dang.engine.config.DangConfig;
import org.dang.engine.situation.SituationReplay;

/**
 * {@code dang console}: opens the operator console on the engine, fed by the bundled month of CDU
 * history replayed as live data (the engine decides on it every 15 minutes of plant time); with
 * {@code --engine URL} (or {@code console.engine_url}) it works on a remote engine behind dang serve instead.
 */
@Command(name = "console", mixinStandardHelpOptions = true,
        description = "Open the operator console (the default verb).")
public final class ConsoleCommand implements Callable<Integer> {

    @Mixin
    PlantSourceOptions plantSource;

    @Option(names = "--theme", defaultValue = "light", paramLabel = "THEME",
            description = "light (default) or dark.")
    String theme;

    @Option(names = "--role", defaultValue = "operator", paramLabel = "ROLE",
            description = "Role at this workstation: viewer, operator or engineer (default ${DEFAULT-VALUE}).")
    String role;

    @Mixin
    EngineOptions engineOptions;

    @Option(names = "--engine", paramLabel = "URL",
            description = "Work on the remote engine at URL (dang serve), e.g. https://engine.site:8470, instead of an"
                    + " embedded one (default: console.engine_url of the configuration). No local store is opened.")
    String engineUrl;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "File whose first line is this console's bearer token for --engine (default:"
                    + " console.token_file, else the DANG_ENGINE_TOKEN environment variable). Never on the command"
                    + " line: it would show in the process list and shell history.")
    Path tokenFile;

    @Option(names = "--truststore", paramLabel = "FILE",
            description = "PKCS#12 or JKS truststore with the site CA or the engine's self-signed certificate"
                    + " (default: console.truststore, else the Java runtime's CAs).")
    Path truststore;

    @Option(names = "--truststore-password-file", paramLabel = "FILE",
            description = "File whose first line is the truststore password (default: console.truststore_password_file).")
    Path truststorePasswordFile;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!displayAvailable()) {
            spec.commandLine().getErr().println("dang console: no display. The console needs a desktop session"
                    + " (DISPLAY or WAYLAND_DISPLAY); on a headless machine run it under 'xvfb-run -a ./dang console'"
                    + " or use the command-line verbs (dang --help).");
            return 1;
        }
        Theme chosenTheme = parseTheme();
        PrintWriter err = spec.commandLine().getErr();
        DangConfig config = engineOptions.load();
        ConsoleConfig console = remoteSettings(config.console());
        if (console.remote()) {
            return remote(console, chosenTheme, err);
        }
        User user = new User(System.getProperty("user.name", "operator"), parseRole(), "console@" + host());
        CountDownLatch closed = new CountDownLatch(1);
        try (Engine engine = Engine.open(config)) {
            EngineModules.installAvailable(engine);
            try {
                plantSource.attach(engine, err);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            Platform.startup(() -> {
                ConsoleWindow window = new ConsoleWindow(engine, user, engineOptions.configFile(), chosenTheme);
                Stage stage = new Stage();
                stage.setOnHidden(e -> {
                    window.close();
                    closed.countDown();
                });
                window.show(stage);
            });
            SituationReplay replay = plantSource.replaySituations(engine, err);
            try {
                closed.await();
            } finally {
                if (replay != null) {
                    replay.close();
                }
            }
            Platform.exit();
        }
        return 0;
    }

    /** The console section with the command line's --engine, --token-file and truststore options applied. */
    private ConsoleConfig remoteSettings(ConsoleConfig fromFile) {
        Optional<URI> url = fromFile.engineUrl();
        if (engineUrl != null) {
            try {
                url = Optional.of(ConsoleConfig.engineUrl(engineUrl));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--engine: " + e.getMessage());
            }
        }
        return new ConsoleConfig(url, Optional.ofNullable(tokenFile).or(fromFile::tokenFile),
                Optional.ofNullable(truststore).or(fromFile::truststore),
                Optional.ofNullable(truststorePasswordFile).or(fromFile::truststorePasswordFile));
    }

    /**
     * The console on a remote engine: no local store, no local engine; the user and role come from the token,
     * so --role and the plant-source options do not apply.
     */
    private int remote(ConsoleConfig console, Theme chosenTheme, PrintWriter err) throws InterruptedException {
        var parsed = spec.commandLine().getParseResult();
        for (String local : new String[] {"--role", "--source", "--history", "--tags", "--speed", "--situations",
                "--store"}) {
            if (parsed.hasMatchedOption(local)) {
                throw new ParameterException(spec.commandLine(), local + " applies to the embedded engine; a console"
                        + " on a remote engine (" + console.engineUrl().orElseThrow() + ") shows that engine's plant,"
                        + " and its user and role come from the token");
            }
        }
        RemoteSettings settings;
        try {
            settings = RemoteSettings.from(console, System.getenv(RemoteSettings.TOKEN_VARIABLE));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        RemoteEngine engine;
        try {
            engine = RemoteEngine.connect(settings);
        } catch (RemoteEngineException | IllegalArgumentException e) {
            err.println("dang console: " + e.getMessage());
            return 1;
        }
        CountDownLatch closed = new CountDownLatch(1);
        try (engine) {
            Platform.startup(() -> {
                ConsoleWindow window = new ConsoleWindow(engine, chosenTheme);
                Stage stage = new Stage();
                stage.setOnHidden(e -> {
                    window.close();
                    closed.countDown();
                });
                window.show(stage);
            });
            closed.await();
            Platform.exit();
        }
        return 0;
    }

    private Role parseRole() {
        try {
            return Role.valueOf(role.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--role '" + role
                    + "' is not a role; use viewer, operator or engineer");
        }
    }

    private Theme parseTheme() {
        try {
            return Theme.valueOf(theme.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--theme '" + theme + "' is not a theme; use light or dark");
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    private static boolean displayAvailable() {
        String os = System.getProperty("os.name", "").toLowerCase();
        if (!os.contains("linux") || "Headless".equals(System.getProperty("glass.platform"))) {
            return true;
        }
        return System.getenv("DISPLAY") != null || System.getenv("WAYLAND_DISPLAY") != null;
    }
}
