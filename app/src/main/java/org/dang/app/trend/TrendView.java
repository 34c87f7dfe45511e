package org.dang.app.trend;

import java.io.File;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.imageio.ImageIO;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.plugins.CrosshairIndicator;
import io.fair_acc.chartfx.plugins.DataPointTooltip;
import io.fair_acc.chartfx.plugins.EditAxis;
import io.fair_acc.chartfx.plugins.Zoomer;
import io.fair_acc.chartfx.renderer.ErrorStyle;
import io.fair_acc.chartfx.renderer.LineStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.dataset.spi.DoubleDataSet;
import io.fair_acc.dataset.spi.DoubleErrorDataSet;
import javafx.collections.ListChangeListener;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.controlsfx.control.CheckListView;

/**
 * Trends: pick tags and a range; one chart per tag, stacked, with zoom (drag), pan, a crosshair
 * readout, and export to CSV and PNG. With a {@link ForecastMediator}, a Forecast button asks the engine for the
 * selected tag's forecast, drawn after its history with 80% and 95% bands as error surfaces. Layout only: data
 * comes from {@link TrendViewModel} and the mediator.
 */
public final class TrendView extends BorderPane {

    private final TrendViewModel vm;
    private final VBox charts = new VBox(4);
    /** Charts by tag, kept across refreshes so zoom and pan survive live updates. */
    private final Map<String, Pen> pens = new LinkedHashMap<>();
    private final Label empty = new Label("Tick one or more tags on the left to trend them.");

    /** One tag's chart and the data sets it draws, updated in place. */
    private record Pen(XYChart chart, DoubleDataSet values, DoubleDataSet bad, DoubleErrorDataSet band95,
                       DoubleErrorDataSet band80) {
    }
    private final CheckListView<String> tagList;

    private final ForecastMediator forecasts;

    /** Builds the view bound to {@code vm}, without forecasts. */
    public TrendView(TrendViewModel vm) {
        this(vm, null);
    }

    /** Builds the view bound to {@code vm}; {@code forecasts} (may be null) adds the Forecast button. */
    public TrendView(TrendViewModel vm, ForecastMediator forecasts) {
        this.vm = vm;
        this.forecasts = forecasts;
        getStyleClass().add("trend-view");

        tagList = new CheckListView<>(vm.available());
        tagList.setId("trend-tags");
        tagList.setPrefWidth(230);
        tagList.getCheckModel().getCheckedItems().addListener(
                (ListChangeListener<String>) c -> vm.selected().setAll(
                        tagList.getCheckModel().getCheckedItems()));

        ComboBox<TrendRange> range = new ComboBox<>();
        range.setId("trend-range");
        range.getItems().setAll(TrendRange.values());
        range.valueProperty().bindBidirectional(vm.rangeProperty());

        Button csv = new Button("Export CSV");
        csv.setId("trend-export-csv");
        csv.setOnAction(e -> choose("CSV", "*.csv").ifPresent(this::exportCsv));
        Button png = new Button("Export PNG");
        png.setId("trend-export-png");
        png.setOnAction(e -> choose("PNG image", "*.png").ifPresent(this::exportPng));
        Label hint = new Label("Drag to zoom, right-click to zoom out, middle-drag to pan");
        hint.getStyleClass().add("muted");

        HBox bar = new HBox(8, new Label("Range"), range, csv, png, hint);
        VBox top = new VBox(bar);
        if (forecasts != null) {
            HBox forecastBar = new HBox(8);
            forecastBar.getChildren().setAll(forecastControls(forecasts));
            forecastBar.getStyleClass().add("filter-bar");
            forecastBar.setPadding(new Insets(0, 8, 6, 8));
            top.getChildren().add(forecastBar);
        }
        bar.getStyleClass().add("filter-bar");
        bar.setPadding(new Insets(6, 8, 6, 8));

        charts.setPadding(new Insets(4));
        VBox.setVgrow(charts, Priority.ALWAYS);
        empty.getStyleClass().add("muted");
        charts.getChildren().setAll(empty);

        setTop(top);
        setLeft(tagList);
        setCenter(charts);
        vm.pensProperty().addListener((o, a, pens) -> draw(pens));
    }

    private List<javafx.scene.Node> forecastControls(ForecastMediator m) {
        Button forecast = new Button("Forecast");
        forecast.setId("trend-forecast");
        Tooltip why = new Tooltip();
        Runnable enable = () -> {
            boolean one = vm.selected().size() == 1;
            forecast.setDisable(!m.allowed() || !one || m.runningProperty().get());
            why.setText(!m.allowed() ? m.deniedReason() : m.runningProperty().get() ? "A forecast is running"
                    : one ? "Forecast the next 12 hours of " + vm.selected().getFirst() + " with 80% and 95% bands"
                    : "Tick exactly one tag to forecast it");
        };
        vm.selected().addListener((ListChangeListener<String>) c -> enable.run());
        m.runningProperty().addListener((o, a, b) -> enable.run());
        enable.run();
        // A disabled button shows no tooltip, so the reason sits on a wrapper.
        HBox box = new HBox(forecast);
        Tooltip.install(box, why);
        forecast.setOnAction(e -> m.forecast(vm.selected().getFirst()));
        ProgressBar progress = new ProgressBar();
        progress.setId("trend-forecast-progress");
        progress.setPrefWidth(90);
        progress.progressProperty().bind(m.progressProperty());
        progress.visibleProperty().bind(m.runningProperty());
        Label status = new Label();
        status.setId("trend-forecast-status");
        status.getStyleClass().add("muted");
        status.textProperty().bind(m.statusProperty());
        m.bandProperty().addListener((o, a, band) -> drawForecast(band));
        return List.of(box, progress, status);
    }

    private void drawForecast(ForecastBand band) {
        for (Map.Entry<String, Pen> e : pens.entrySet()) {
            boolean mine = band != null && band.tag().equals(e.getKey());
            Pen pen = e.getValue();
            if (!mine) {
                pen.band95().clearData();
                pen.band80().clearData();
                continue;
            }
            int n = band.x().length;
            double[][] err = new double[4][n];
            for (int i = 0; i < n; i++) {
                err[0][i] = band.value()[i] - band.lo95()[i];
                err[1][i] = band.hi95()[i] - band.value()[i];
                err[2][i] = band.value()[i] - band.lo80()[i];
                err[3][i] = band.hi80()[i] - band.value()[i];
            }
            pen.band95().set(band.x(), band.value(), err[0], err[1], true);
            pen.band80().set(band.x(), band.value(), err[2], err[3], true);
        }
    }

    /** Shows {@code tag} alone (e.g. from an alarm). */
    public void show(String tag) {
        tagList.getCheckModel().clearChecks();
        tagList.getCheckModel().check(tag);
    }

    private void draw(List<TrendData> data) {
        pens.keySet().retainAll(data.stream().map(TrendData::tag).toList());
        for (TrendData d : data) {
            Pen pen = pens.computeIfAbsent(d.tag(), t -> chart(d));
            pen.values().set(d.seconds(), d.values(), true);
            pen.bad().set(badQuality(d), true);
        }
        if (data.isEmpty()) {
            charts.getChildren().setAll(empty);
        } else {
            charts.getChildren().setAll(pens.values().stream().map(Pen::chart).toList());
        }
    }

    private Pen chart(TrendData pen) {
        DefaultNumericAxis x = new DefaultNumericAxis("time", "UTC");
        x.setTimeAxis(true);
        DefaultNumericAxis y = new DefaultNumericAxis(pen.tag(), pen.unit());
        y.setAutoRanging(true);
        XYChart chart = new XYChart(x, y);
        chart.setId("trend-" + pen.tag());
        chart.setTitle(vm.describe(pen.tag()));
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        ErrorDataSetRenderer line = new ErrorDataSetRenderer();
        line.setErrorStyle(ErrorStyle.NONE);
        line.setDrawMarker(false);
        line.setPolyLineStyle(LineStyle.NORMAL);
        line.setAllowNaNs(true); // a missing sample is a gap in the line, not a dive to the axis
        DoubleDataSet values = new DoubleDataSet(pen.tag());
        line.getDatasets().add(values);
        // Samples with bad quality but a value (out of range, spike, flat-line) are marked on the line.
        ErrorDataSetRenderer marks = new ErrorDataSetRenderer();
        marks.setErrorStyle(ErrorStyle.NONE);
        marks.setPolyLineStyle(LineStyle.NONE);
        marks.setDrawMarker(true);
        DoubleDataSet bad = new DoubleDataSet(pen.tag() + " bad quality");
        marks.getDatasets().add(bad);
        // The forecast after the history: 95% and 80% bands as error surfaces around the point forecast.
        ErrorDataSetRenderer bands = new ErrorDataSetRenderer();
        bands.setErrorStyle(ErrorStyle.ERRORSURFACE);
        bands.setDrawMarker(false);
        bands.setPolyLineStyle(LineStyle.NORMAL);
        DoubleErrorDataSet band95 = new DoubleErrorDataSet(pen.tag() + " forecast 95%");
        DoubleErrorDataSet band80 = new DoubleErrorDataSet(pen.tag() + " forecast 80%");
        bands.getDatasets().addAll(band95, band80);
        chart.getRenderers().setAll(line, marks, bands);
        chart.getPlugins().addAll(new Zoomer(), new CrosshairIndicator(), new DataPointTooltip(), new EditAxis());
        VBox.setVgrow(chart, Priority.ALWAYS);
        return new Pen(chart, values, bad, band95, band80);
    }

    private static DoubleDataSet badQuality(TrendData pen) {
        DoubleDataSet bad = new DoubleDataSet(pen.tag() + " bad quality");
        for (int i = 0; i < pen.size(); i++) {
            if (pen.badQuality()[i] && !Double.isNaN(pen.values()[i])) {
                bad.add(pen.seconds()[i], pen.values()[i]);
            }
        }
        return bad;
    }

    private Optional<File> choose(String what, String pattern) {
        FileChooser fc = new FileChooser();
        fc.setTitle("Export trend as " + what);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(what, pattern));
        return Optional.ofNullable(fc.showSaveDialog(getScene().getWindow()));
    }

    /** Writes the pens on screen to {@code file} as CSV. */
    public void exportCsv(File file) {
        try (Writer w = Files.newBufferedWriter(file.toPath(), StandardCharsets.UTF_8)) {
            vm.exportCsv(w);
        } catch (IOException e) {
            throw new IllegalStateException("could not write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes the charts as shown to {@code file} as PNG; call on the FX thread. */
    public void exportPng(File file) {
        WritableImage image = charts.snapshot(null, null);
        try {
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file);
        } catch (IOException e) {
            throw new IllegalStateException("could not write " + file + ": " + e.getMessage(), e);
        }
    }
}
