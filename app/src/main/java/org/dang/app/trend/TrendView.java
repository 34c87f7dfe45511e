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
import javafx.collections.ListChangeListener;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.controlsfx.control.CheckListView;

/**
 * Trends: pick tags and a range; one chart per tag, stacked, with zoom (drag), pan, a crosshair
 * readout, and export to CSV and PNG. Layout only: data comes from {@link TrendViewModel}.
 */
public final class TrendView extends BorderPane {

    private final TrendViewModel vm;
    private final VBox charts = new VBox(4);
    /** Charts by tag, kept across refreshes so zoom and pan survive live updates. */
    private final Map<String, Pen> pens = new LinkedHashMap<>();
    private final Label empty = new Label("Tick one or more tags on the left to trend them.");

    /** One tag's chart and the data sets it draws, updated in place. */
    private record Pen(XYChart chart, DoubleDataSet values, DoubleDataSet bad) {
    }
    private final CheckListView<String> tagList;

    /** Builds the view bound to {@code vm}. */
    public TrendView(TrendViewModel vm) {
        this.vm = vm;
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
        bar.getStyleClass().add("filter-bar");
        bar.setPadding(new Insets(6, 8, 6, 8));

        charts.setPadding(new Insets(4));
        VBox.setVgrow(charts, Priority.ALWAYS);
        empty.getStyleClass().add("muted");
        charts.getChildren().setAll(empty);

        setTop(bar);
        setLeft(tagList);
        setCenter(charts);
        vm.pensProperty().addListener((o, a, pens) -> draw(pens));
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
        chart.getRenderers().setAll(line, marks);
        chart.getPlugins().addAll(new Zoomer(), new CrosshairIndicator(), new DataPointTooltip(), new EditAxis());
        VBox.setVgrow(chart, Priority.ALWAYS);
        return new Pen(chart, values, bad);
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
