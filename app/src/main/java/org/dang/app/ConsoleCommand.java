package org.dang.app;

import java.io.PrintWriter;
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
import org.dang.engine.situation.SituationReplay;

/**
 * {@code dang console}: opens the operator console on the engine, fed by the bundled month of CDU
 * history replayed as live data (the engine decides on it every 15 minutes of plant time).
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
        User user = new User(System.getProperty("user.name", "operator"), parseRole(), "console@" + host());
        Theme chosenTheme = parseTheme();
        CountDownLatch closed = new CountDownLatch(1);
        PrintWriter err = spec.commandLine().getErr();
        try (Engine engine = Engine.open(engineOptions.load())) {
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
