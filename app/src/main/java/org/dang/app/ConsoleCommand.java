package org.dang.app;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
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
import org.dang.engine.access.Role;
import org.dang.engine.access.User;
import org.dang.engine.cli.EngineOptions;
import org.dang.engine.cli.TrainPolicyCommand;
import org.dang.engine.module.optimize.OptimizationModule;
import org.dang.engine.module.optimize.OptimizationRequest;
import org.dang.engine.module.optimize.SimulatorPlant;
import org.dang.engine.module.optimize.policy.PolicyStore;
import org.dang.engine.plant.CsvReplaySource;
import org.dang.engine.plant.sim.CduConfig;
import org.dang.engine.plant.sim.CduSimulator;
import org.dang.engine.plant.sim.SampleMonth;
import org.dang.engine.plant.sim.SimulatorSource;
import org.dang.engine.situation.SituationReplay;

/**
 * {@code dang console}: opens the operator console on the engine, fed by the bundled month of CDU
 * history replayed as live data (the engine decides on it every 15 minutes of plant time).
 */
@Command(name = "console", mixinStandardHelpOptions = true,
        description = "Open the operator console (the default verb).")
public final class ConsoleCommand implements Callable<Integer> {

    @Option(names = "--situations", paramLabel = "DIR",
            description = "Also replay recorded situation files through the rules (e.g. sample-plant-data/situations).")
    Path situations;

    @Option(names = "--every", defaultValue = "5", paramLabel = "SECONDS",
            description = "Seconds between replayed situations (default ${DEFAULT-VALUE}).")
    double every;

    @Option(names = "--source", defaultValue = "replay", paramLabel = "SOURCE",
            description = "Plant data: replay (recorded history, default) or simulator (the live CDU simulator, running"
                    + " the sample month's events at --speed).")
    String sourceKind;

    @Option(names = "--history", paramLabel = "FILE",
            description = "Plant history replayed as live data (default: sample-plant-data/cdu/history.csv.gz).")
    Path history;

    @Option(names = "--tags", paramLabel = "FILE",
            description = "Tag file of that history (default: tags.csv beside it).")
    Path tagFile;

    @Option(names = "--speed", defaultValue = "60", paramLabel = "FACTOR",
            description = "Replay speed: recorded time per wall time (default ${DEFAULT-VALUE}: a minute per second).")
    double speed;

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

    /** The seed of the live simulator: the sample month's, so the two sources tell the same story. */
    private static final long SIMULATOR_SEED = 20261124L;

    @Override
    public Integer call() throws Exception {
        if (!displayAvailable()) {
            spec.commandLine().getErr().println("dang console: no display. The console needs a desktop session"
                    + " (DISPLAY or WAYLAND_DISPLAY); on a headless machine run it under 'xvfb-run -a ./dang console'"
                    + " or use the command-line verbs (dang --help).");
            return 1;
        }
        Path plantHistory = history != null ? history
                : home().resolve("sample-plant-data").resolve("cdu").resolve("history.csv.gz");
        Path plantTags = tagFile != null ? tagFile : plantHistory.resolveSibling("tags.csv");
        User user = new User(System.getProperty("user.name", "operator"), parseRole(), "console@" + host());
        Theme chosenTheme = parseTheme();
        CountDownLatch closed = new CountDownLatch(1);
        try (Engine engine = Engine.open(engineOptions.load());
             SituationReplay replay = situations == null ? null : SituationReplay.load(situations,
                     InstantSource.system())) {
            if (replay != null) {
                replay.errors().forEach(e -> spec.commandLine().getErr().println("skipped: " + e));
            }
            if ("simulator".equals(sourceKind)) {
                CduConfig cdu = CduConfig.defaults(SIMULATOR_SEED);
                SimulatorSource simulator = new SimulatorSource(new CduSimulator(cdu, SampleMonth.schedule(cdu.start())),
                        Duration.ofMillis(Math.max(1, (long) (cdu.step().toMillis() / speed))));
                engine.attach(simulator);
                // The optimisation module proposes moves for the simulated unit; approvals move it.
                engine.install(new OptimizationModule(new SimulatorPlant(simulator),
                        new PolicyStore(TrainPolicyCommand.defaultDir()),
                        engine.config().modules().optimization().models()), OptimizationRequest::fromParameters);
            } else if (!"replay".equals(sourceKind)) {
                throw new ParameterException(spec.commandLine(), "--source '" + sourceKind
                        + "' is not a plant data source; use replay or simulator");
            } else if (Files.isReadable(plantHistory) && Files.isReadable(plantTags)) {
                engine.attach(new CsvReplaySource(plantHistory, plantTags,
                        new CsvReplaySource.Options(speed, true)));
            } else {
                spec.commandLine().getErr().println("no plant history at " + plantHistory + " (or its tags.csv):"
                        + " the console runs without live plant data; pass --history FILE");
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
            if (replay != null) {
                replay.start(Duration.ofMillis((long) (every * 1000)), engine::decide);
            }
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

    private static Path home() {
        return Path.of(System.getProperty("dang.home", "."));
    }

    private static boolean displayAvailable() {
        String os = System.getProperty("os.name", "").toLowerCase();
        if (!os.contains("linux") || "Headless".equals(System.getProperty("glass.platform"))) {
            return true;
        }
        return System.getenv("DISPLAY") != null || System.getenv("WAYLAND_DISPLAY") != null;
    }
}
