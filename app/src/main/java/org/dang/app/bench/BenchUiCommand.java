package org.dang.app.bench;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javafx.application.Platform;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import org.dang.app.console.ConsoleWindow;
import org.dang.app.trend.TrendRange;
import org.dang.engine.Engine;
import org.dang.engine.access.Role;
import org.dang.engine.access.User;
import org.dang.engine.config.DangConfig;
import org.dang.engine.plant.PlantScan;
import org.dang.engine.plant.TagSample;
import org.dang.engine.situation.Quality;

/**
 * {@code dang bench ui}: the console with 50 tags updating at 1 Hz and a 100,000-point trend open.
 * Reports the FX thread's busy fraction (its CPU time over wall time) against the same window
 * idle (baseline, same run), and the time from JVM launch to the first frame.
 */
@Command(name = "ui", mixinStandardHelpOptions = true,
        description = {"Console load: 50 tags at 1 Hz and a 100,000-point trend; FX-thread busy fraction and"
                + " launch-to-first-frame time.", "Last line: fx_busy_fraction=F first_frame_s=S"})
public final class BenchUiCommand implements Callable<Integer> {

    @Option(names = "--tags", defaultValue = "50", description = "Live tags (default ${DEFAULT-VALUE}).")
    int tags;
    @Option(names = "--points", defaultValue = "100000", description = "Points in the open trend (default ${DEFAULT-VALUE}).")
    int points;
    @Option(names = "--seconds", defaultValue = "30", description = "Measured seconds under load (default ${DEFAULT-VALUE}).")
    int seconds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null) {
            // No desktop: JavaFX 26's headless platform renders the same scene graph in software.
            System.setProperty("glass.platform", "Headless");
            System.setProperty("prism.order", "sw");
        }
        long launched = ManagementFactory.getRuntimeMXBean().getStartTime();
        Path tmp = Files.createTempDirectory("dang-bench-ui-");
        DangConfig d = DangConfig.defaults();
        try (Engine engine = Engine.open(d.withStore(tmp.resolve("decisions")))) {
            SyntheticPlant plant = new SyntheticPlant(tags, Duration.ofSeconds(1));
            String trended = plant.tags().getFirst().tag();
            prefill(engine, trended);
            engine.attach(plant); // before the window: the views take their tag list from the source
            CompletableFuture<Long> firstFrame = new CompletableFuture<>();
            ConsoleWindow[] window = new ConsoleWindow[1];
            Platform.startup(() -> {
                window[0] = new ConsoleWindow(engine, new User("bench", Role.OPERATOR, "bench"));
                Stage stage = new Stage();
                window[0].scene().addPostLayoutPulseListener(() -> firstFrame.complete(System.currentTimeMillis()));
                window[0].show(stage);
            });
            double firstFrameSeconds = (firstFrame.get(60, TimeUnit.SECONDS) - launched) / 1000.0;
            Platform.runLater(() -> {
                window[0].showTrend(trended);
                @SuppressWarnings("unchecked")
                ComboBox<TrendRange> range = (ComboBox<TrendRange>) window[0].scene().lookup("#trend-range");
                range.getSelectionModel().select(TrendRange.ALL);
            });
            awaitTrend(window[0], trended);
            TimeUnit.SECONDS.sleep(5); // let the JIT settle
            double loaded = busyFraction(Duration.ofSeconds(seconds));
            engine.plant().close();
            TimeUnit.SECONDS.sleep(2);
            double idle = busyFraction(Duration.ofSeconds(Math.max(5, seconds / 3)));
            out.printf(Locale.ROOT, "baseline idle console (trend open, no updates): fx_busy_fraction=%.4f%n", idle);
            out.printf(Locale.ROOT, "under load (%d tags at 1 Hz, %d-point trend, %d s): ratio to idle %.1fx%n", tags,
                    points, seconds, idle > 0 ? loaded / idle : Double.POSITIVE_INFINITY);
            out.printf(Locale.ROOT, "fx_busy_fraction=%.4f first_frame_s=%.2f%n", loaded, firstFrameSeconds);
            out.flush();
            Platform.runLater(window[0]::close);
            Platform.exit();
        } finally {
            try (Stream<Path> files = Files.walk(tmp)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return 0;
    }

    private void prefill(Engine engine, String tag) {
        Instant start = Instant.now().minus(Duration.ofMinutes(points));
        for (int i = 0; i < points; i++) {
            Instant t = start.plus(Duration.ofMinutes(i));
            engine.plant().tags().append(new PlantScan(t, List.of(new TagSample(tag, t,
                    100 + 40 * Math.sin(i / 600.0), Quality.GOOD))));
        }
    }

    private static void awaitTrend(ConsoleWindow window, String tag) throws Exception {
        for (int i = 0; i < 600; i++) {
            CompletableFuture<Boolean> shown = new CompletableFuture<>();
            Platform.runLater(() -> shown.complete(window.scene().lookup("#trend-" + tag) != null));
            if (shown.get(10, TimeUnit.SECONDS)) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new IllegalStateException("the trend of " + tag + " did not open within 60 s");
    }

    /** CPU time of the FX thread over wall time, sampled over {@code window}. */
    private static double busyFraction(Duration window) throws InterruptedException {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long fx = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("JavaFX Application Thread")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no FX thread")).threadId();
        long cpu0 = mx.getThreadCpuTime(fx);
        long wall0 = System.nanoTime();
        TimeUnit.MILLISECONDS.sleep(window.toMillis());
        return (double) (mx.getThreadCpuTime(fx) - cpu0) / (System.nanoTime() - wall0);
    }
}
