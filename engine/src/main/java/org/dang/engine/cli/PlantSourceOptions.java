package org.dang.engine.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;

import picocli.CommandLine.Option;

import org.dang.engine.Engine;
import org.dang.engine.EngineModules;
import org.dang.engine.plant.CsvReplaySource;
import org.dang.engine.plant.sim.CduConfig;
import org.dang.engine.plant.sim.CduSimulator;
import org.dang.engine.plant.sim.SampleMonth;
import org.dang.engine.plant.sim.SimulatorSource;
import org.dang.engine.situation.SituationReplay;

/**
 * Options of the verbs that run the engine on live plant data (the console, the server): which data
 * source to attach and, optionally, recorded situations to replay through the rules.
 */
public final class PlantSourceOptions {

    /** The seed of the live simulator: the sample month's, so the two sources tell the same story. */
    private static final long SIMULATOR_SEED = 20261124L;

    @Option(names = "--source", defaultValue = "replay", paramLabel = "SOURCE",
            description = "Plant data: replay (recorded history, default), simulator (the live CDU simulator, running"
                    + " the sample month's events at --speed) or none.")
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

    @Option(names = "--situations", paramLabel = "DIR",
            description = "Also replay recorded situation files through the rules (e.g. sample-plant-data/situations).")
    Path situations;

    @Option(names = "--every", defaultValue = "5", paramLabel = "SECONDS",
            description = "Seconds between replayed situations (default ${DEFAULT-VALUE}).")
    double every;

    /**
     * Attaches the chosen plant data source to {@code engine}; a missing replay history is reported on
     * {@code err} and the engine runs without live data.
     *
     * @throws IllegalArgumentException when {@code --source} names no source
     */
    public void attach(Engine engine, PrintWriter err) throws IOException {
        switch (sourceKind) {
            case "simulator" -> {
                CduConfig cdu = CduConfig.defaults(SIMULATOR_SEED);
                SimulatorSource unit = new SimulatorSource(new CduSimulator(cdu, SampleMonth.schedule(cdu.start())),
                        Duration.ofMillis(Math.max(1, (long) (cdu.step().toMillis() / speed))));
                engine.attach(unit);
                // The optimisation agent proposes moves for the simulated unit; approvals move it.
                EngineModules.installOptimization(engine, unit);
            }
            case "replay" -> {
                Path plantHistory = history != null ? history
                        : home().resolve("sample-plant-data").resolve("cdu").resolve("history.csv.gz");
                Path plantTags = tagFile != null ? tagFile : plantHistory.resolveSibling("tags.csv");
                if (Files.isReadable(plantHistory) && Files.isReadable(plantTags)) {
                    engine.attach(new CsvReplaySource(plantHistory, plantTags,
                            new CsvReplaySource.Options(speed, true)));
                } else {
                    err.println("no plant history at " + plantHistory + " (or its tags.csv): running without live"
                            + " plant data; pass --history FILE");
                    err.flush();
                }
            }
            case "none" -> {
                // Situations come only from --situations or from clients.
            }
            default -> throw new IllegalArgumentException("--source '" + sourceKind
                    + "' is not a plant data source; use replay, simulator or none");
        }
    }

    /**
     * Starts replaying {@code --situations} into {@code engine}, or returns null when not asked; skipped
     * files are reported on {@code err}. The caller closes the replay.
     */
    public SituationReplay replaySituations(Engine engine, PrintWriter err) throws IOException {
        if (situations == null) {
            return null;
        }
        SituationReplay replay = SituationReplay.load(situations, InstantSource.system());
        replay.errors().forEach(e -> err.println("skipped: " + e));
        err.flush();
        replay.start(Duration.ofMillis((long) (every * 1000)), engine::decide);
        return replay;
    }

    private static Path home() {
        return Path.of(System.getProperty("dang.home", "."));
    }
}
