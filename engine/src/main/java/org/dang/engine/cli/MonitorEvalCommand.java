package org.dang.engine.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import org.dang.engine.monitor.ComponentRule;
import org.dang.engine.monitor.DataFileException;
import org.dang.engine.monitor.DataTable;
import org.dang.engine.monitor.Evaluation;
import org.dang.engine.monitor.FaultScore;
import org.dang.engine.monitor.LimitKind;
import org.dang.engine.monitor.Matrix;
import org.dang.engine.monitor.Monitor;
import org.dang.engine.monitor.MonitorChannel;
import org.dang.engine.monitor.MonitorMethod;
import org.dang.engine.monitor.MonitorPoint;
import org.dang.engine.monitor.MonitorSettings;
import org.dang.engine.monitor.NormalScore;
import org.dang.engine.monitor.TagContribution;
import org.dang.engine.monitor.TennesseeEastman;

/** {@code dang monitor-eval}: fits a monitor on normal data and scores false alarms and detection on fault files. */
@Command(name = "monitor-eval", mixinStandardHelpOptions = true,
        description = {"Fit a multivariate monitor on normal Tennessee Eastman data and score it on fault files.",
                "Limits come from the --train data only. False alarms are counted on the --holdout tail of the"
                        + " --train file, on --normal files and on the samples before --onset of each fault file.",
                "Ends with SUMMARY far=F mean_detection=D method=NAME (mean over faults other than 3, 9, 15).",
                "Example (TEP training files):",
                "  monitor-eval --train d00.dat --holdout 0.4 --onset 0 d01.dat ... d21.dat"})
public final class MonitorEvalCommand implements Callable<Integer> {

    private static final int TOP_TAGS = 3;

    @Parameters(paramLabel = "FAULT_FILES", arity = "1..*", description = "Fault files (dNN.dat or dNN_te.dat).")
    List<Path> faultFiles;

    @Option(names = "--train", required = true, paramLabel = "FILE", description = "Normal data to fit on.")
    Path train;

    @Option(names = "--holdout", paramLabel = "FRACTION", defaultValue = "0",
            description = "Fraction of --train rows, at its end, kept out of fitting and scored for false alarms"
                    + " (default ${DEFAULT-VALUE}).")
    double holdout;

    @Option(names = "--normal", paramLabel = "FILE", description = "Further normal files scored for false alarms.")
    List<Path> normalFiles = new ArrayList<>();

    @Option(names = "--onset", required = true, paramLabel = "N",
            description = "Index of the first faulty sample in each fault file (0 for the TEP training files, 160 for"
                    + " the test files).")
    int onset;

    @Option(names = "--method", paramLabel = "NAME", defaultValue = "dpca-ewma-cusum",
            description = "One of ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).",
            completionCandidates = MethodNames.class)
    String method;

    @Option(names = "--confidence", paramLabel = "C", defaultValue = "0.99",
            description = "Confidence of every limit (default ${DEFAULT-VALUE}).")
    double confidence;

    @Option(names = "--lags", paramLabel = "L", description = "Lags for dynamic PCA (overrides the method's).")
    Integer lags;

    @Option(names = "--lambda", paramLabel = "X", description = "EWMA constant for T2 and Q, 1 = none (overrides).")
    Double lambda;

    @Option(names = "--variance", paramLabel = "F", description = "Keep components up to this cumulative variance"
            + " (default " + MonitorMethod.VARIANCE + ").")
    Double variance;

    @Option(names = "--components", paramLabel = "K",
            description = "Keep exactly K components (instead of --variance).")
    Integer components;

    @Option(names = "--limits", paramLabel = "KIND", description = "formula or cv (overrides the method's).")
    String limits;

    @Option(names = "--folds", paramLabel = "K", description = "Blocks for cross-validated limits (default "
            + MonitorSettings.DEFAULT_FOLDS + ").")
    Integer folds;

    @Option(names = "--cusum-k", paramLabel = "K", description = "Allowance of the per-tag CUSUM, in sd (default 0.5).")
    Double cusumK;

    @Spec
    CommandSpec spec;

    /** Method names for the help text. */
    static final class MethodNames extends ArrayList<String> {
        MethodNames() {
            super(java.util.Arrays.stream(MonitorMethod.values()).map(MonitorMethod::key).toList());
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        MonitorSettings settings = settings();
        if (!(holdout >= 0 && holdout < 1)) {
            throw new ParameterException(spec.commandLine(), "--holdout must be in [0, 1): " + holdout);
        }
        if (onset < 0) {
            throw new ParameterException(spec.commandLine(), "--onset must be >= 0: " + onset);
        }
        if (holdout == 0 && normalFiles.isEmpty() && onset == 0) {
            throw new ParameterException(spec.commandLine(), "no normal data to count false alarms on: give --holdout,"
                    + " --normal or an --onset above 0");
        }
        try {
            return evaluate(settings, out);
        } catch (DataFileException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return 2;
        } finally {
            out.flush();
        }
    }

    private int evaluate(MonitorSettings settings, PrintWriter out) {
        DataTable trainTable = TennesseeEastman.read(train);
        Matrix all = trainTable.values();
        int fitRows = (int) Math.round(all.rows() * (1 - holdout));
        Matrix fitData = all.rowRange(0, fitRows);
        // Read every file before fitting, so a bad file fails fast.
        List<DataTable> normals = normalFiles.stream().map(TennesseeEastman::read).toList();
        List<DataTable> faults = faultFiles.stream().map(TennesseeEastman::read).toList();
        for (DataTable f : faults) {
            if (onset > f.values().rows()) {
                throw new DataFileException(f.file(), 0, 0, "--onset " + onset + " is beyond its "
                        + f.values().rows() + " samples");
            }
        }
        Monitor monitor;
        try {
            monitor = Monitor.fit(fitData, settings);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        header(out, monitor, trainTable, fitRows);

        List<NormalScore> normalScores = new ArrayList<>();
        if (fitRows < all.rows()) {
            normalScores.add(Evaluation.normal(monitor, name(train) + " rows " + fitRows + "-" + (all.rows() - 1)
                    + " (held out)", all.rowRange(fitRows, all.rows())));
        }
        for (DataTable n : normals) {
            normalScores.add(Evaluation.normal(monitor, name(n.file()), n.values()));
        }
        for (NormalScore n : normalScores) {
            out.println(String.format(Locale.ROOT, "normal %s samples=%d scored=%d alarms=%d far=%.4f", n.name(),
                    n.samples(), n.scored(), n.alarms(), n.falseAlarmRate()));
        }

        List<FaultScore> faultScores = new ArrayList<>();
        for (DataTable f : faults) {
            OptionalInt number = TennesseeEastman.faultNumber(f.file());
            FaultScore s = Evaluation.fault(monitor, name(f.file()), number, f.values(), onset);
            faultScores.add(s);
            out.println(String.format(Locale.ROOT,
                    "fault %s %s samples=%d onset=%d detection=%.4f first_alarm=%s far=%s%s top=%s",
                    number.isPresent() ? String.format(Locale.ROOT, "%02d", number.getAsInt()) : "??", s.name(),
                    s.samples(), s.onset(), s.detectionRate(), s.firstAlarm() < 0 ? "none" : s.firstAlarm(),
                    s.normalScored() == 0 ? "n/a" : String.format(Locale.ROOT, "%.4f", s.falseAlarmRate()),
                    Evaluation.counts(s, TennesseeEastman.UNDETECTABLE_FAULTS) ? "" : " (not in mean)",
                    topTags(monitor, f.values(), s)));
        }
        double far = Evaluation.pooledFalseAlarmRate(normalScores, faultScores);
        double mean = Evaluation.meanDetection(faultScores, TennesseeEastman.UNDETECTABLE_FAULTS);
        out.println(String.format(Locale.ROOT, "SUMMARY far=%.4f mean_detection=%.4f method=%s", far, mean,
                settings.name()));
        return 0;
    }

    private void header(PrintWriter out, Monitor m, DataTable trainTable, int fitRows) {
        MonitorSettings s = m.settings();
        out.println(String.format(Locale.ROOT,
                "method=%s lags=%d smoothing=%s components=%d of %d (%.1f%% variance; rule %s) limits=%s%s"
                        + " confidence=%s",
                s.name(), s.lags(), s.smoothing(), m.model().components(), m.model().variables(),
                100 * m.model().explainedVariance(), s.components().describe(),
                s.limits() == LimitKind.FORMULA ? "formula" : "cross-validated",
                s.limits() == LimitKind.FORMULA ? "" : " (" + s.folds() + " folds, " + m.limits().samples()
                        + " samples)", s.confidence()));
        out.println(String.format(Locale.ROOT, "train %s rows 0-%d (%d of %d%s)", name(train), fitRows - 1, fitRows,
                trainTable.values().rows(), trainTable.transposed() ? ", file transposed on reading" : ""));
        double[] limits = m.limits().limits();
        List<MonitorChannel> ch = m.channels();
        out.println("limits " + java.util.stream.IntStream.range(0, ch.size())
                .mapToObj(c -> String.format(Locale.ROOT, "%s=%.4g", ch.get(c).label(), limits[c]))
                .collect(Collectors.joining(" "))
                + (ch.size() > 1 && s.limits() != LimitKind.FORMULA
                        ? String.format(Locale.ROOT, " (per-channel quantiles x %.4f)", m.limits().combined()) : ""));
    }

    /** The tags with the largest T2 + Q shares at the first alarm: what an operator would look at first. */
    private static String topTags(Monitor m, Matrix data, FaultScore s) {
        if (s.firstAlarm() < 0) {
            return "-";
        }
        List<MonitorPoint> points = m.run(data.rowRange(0, s.onset() + s.firstAlarm() + 1));
        List<TagContribution> ranked = m.contributions(points.getLast()).ranked(TennesseeEastman.tagNames());
        return ranked.stream().limit(TOP_TAGS).map(TagContribution::tag).collect(Collectors.joining(","));
    }

    private MonitorSettings settings() {
        MonitorMethod m;
        try {
            m = MonitorMethod.byKey(method);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        MonitorSettings d = m.settings(confidence);
        try {
            ComponentRule rule = components != null ? new ComponentRule.Fixed(components)
                    : variance != null ? new ComponentRule.CumulativeVariance(variance) : d.components();
            LimitKind kind = limits == null ? d.limits() : switch (limits.toLowerCase(Locale.ROOT)) {
                case "formula" -> LimitKind.FORMULA;
                case "cv" -> LimitKind.CROSS_VALIDATED;
                default -> throw new IllegalArgumentException("--limits must be formula or cv: " + limits);
            };
            return new MonitorSettings(d.name(), lags == null ? d.lags() : lags, rule,
                    lambda == null ? d.smoothing() : lambda, d.channels(), cusumK == null ? d.cusumK() : cusumK,
                    d.tagLambda(), kind, folds == null ? d.folds() : folds, d.confidence());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private static String name(Path p) {
        Path n = p.getFileName();
        return n == null ? p.toString() : n.toString();
    }
}
