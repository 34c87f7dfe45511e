package org.dang.app.market;

import java.util.List;
import java.util.function.Function;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.plugins.CrosshairIndicator;
import io.fair_acc.chartfx.plugins.DataPointTooltip;
import io.fair_acc.chartfx.plugins.Zoomer;
import io.fair_acc.chartfx.renderer.ErrorStyle;
import io.fair_acc.chartfx.renderer.LineStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.dataset.spi.DoubleDataSet;
import io.fair_acc.dataset.spi.DoubleErrorDataSet;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.dang.engine.module.market.BandSeries;
import org.dang.engine.module.market.LineSeries;

/**
 * The market view: an as-of date and a button that runs the analysis through the engine; the
 * findings ranked with their numbers; charts of stocks with their five-year band, the 3-2-1 crack
 * spread and gasoline days of supply. Layout only: state comes from {@link MarketViewModel}.
 */
public final class MarketView extends BorderPane {

    private static final double SECONDS_PER_DAY = 86_400;

    private final TableView<FindingRow> findings = new TableView<>();
    private final Label indicators = new Label();
    private final Label notes = new Label();
    private final ComboBox<String> stockChoice = new ComboBox<>();
    private final Band stocks = band("market-stocks-chart", "stocks", "Mb");
    private final Line crack = line("market-crack-chart", "3-2-1 crack spread", "$/bbl");
    private final Band daysOfSupply = band("market-dos-chart", "gasoline days of supply", "days");
    private List<BandSeries> stockSeries = List.of();

    /** A chart of a quantity with its five-year band. */
    private record Band(XYChart chart, DoubleErrorDataSet norm, DoubleDataSet actual) {
    }

    /** A chart of one line. */
    private record Line(XYChart chart, DoubleDataSet values) {
    }

    /** Builds the view bound to {@code vm}. */
    public MarketView(MarketViewModel vm) {
        getStyleClass().add("market-view");
        DatePicker date = new DatePicker();
        date.setId("market-as-of");
        date.valueProperty().bindBidirectional(vm.asOfProperty());
        Button run = new Button("Run analysis");
        run.setId("market-refresh");
        run.setOnAction(e -> vm.refresh());
        HBox runBox = new HBox(run);
        if (vm.mayRefresh()) {
            run.disableProperty().bind(vm.runningProperty());
        } else {
            run.setDisable(true);
            // A disabled control shows no tooltip of its own, so the reason sits on its container.
            Tooltip.install(runBox, new Tooltip(vm.refreshDeniedReason()));
        }
        Label status = new Label();
        status.setId("market-status");
        status.textProperty().bind(vm.statusProperty());
        date.setTooltip(new Tooltip("The analysis uses only EIA data published by the end of this day (UTC)"));
        Label asOfLabel = new Label("As of");
        for (Region r : List.of(asOfLabel, date, run)) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
        status.setMinWidth(0);
        HBox.setHgrow(status, Priority.ALWAYS);
        HBox bar = new HBox(8, asOfLabel, date, runBox, status);
        bar.getStyleClass().add("filter-bar");
        bar.setPadding(new Insets(6, 8, 6, 8));

        findings.setId("market-findings");
        findings.setPlaceholder(new Label("No analysis yet."));
        findings.getColumns().add(column("#", 40, r -> Integer.toString(r.rank())));
        findings.getColumns().add(column("", 80, r -> r.change() ? "CHANGE" : ""));
        findings.getColumns().add(column("Kind", 180, FindingRow::kind));
        findings.getColumns().add(column("Sigma", 60, FindingRow::sigma));
        findings.getColumns().add(column("Finding", 640, FindingRow::headline));
        findings.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        findings.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(FindingRow item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("market-change");
                if (!empty && item != null && item.change()) {
                    getStyleClass().add("market-change");
                }
                setTooltip(empty || item == null ? null : new Tooltip(item.headline()));
            }
        });
        indicators.setId("market-indicators");
        indicators.setWrapText(true);
        notes.setId("market-notes");
        notes.setWrapText(true);
        notes.getStyleClass().add("muted");
        // The selected finding in full (the table cuts long lines).
        Label detail = new Label();
        detail.setId("market-detail");
        detail.setWrapText(true);
        detail.getStyleClass().add("detail");
        findings.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> detail.setText(
                r == null ? "" : r.rank() + ". " + r.headline()));
        VBox.setVgrow(findings, Priority.ALWAYS);
        Label source = new Label("Source: U.S. Energy Information Administration (EIA) data bundled with DAN_G;"
                + " 3-2-1 crack spreads are computed from EIA spot or futures prices.");
        source.setWrapText(true);
        source.getStyleClass().add("muted");
        VBox left = new VBox(6, indicators, findings, detail, notes, source);
        left.setPadding(new Insets(6));

        stockChoice.setId("market-stock-choice");
        stockChoice.valueProperty().addListener((o, a, b) -> drawStock());
        HBox stockBar = new HBox(8, new Label("Stocks"), stockChoice);
        stockBar.setPadding(new Insets(0, 4, 0, 4));
        VBox right = new VBox(4, stockBar, stocks.chart(), crack.chart(), daysOfSupply.chart());
        right.setPadding(new Insets(6));
        for (XYChart c : List.of(stocks.chart(), crack.chart(), daysOfSupply.chart())) {
            VBox.setVgrow(c, Priority.ALWAYS);
        }
        SplitPane split = new SplitPane(left, right);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.55);

        setTop(bar);
        setCenter(split);
        vm.stateProperty().addListener((o, a, s) -> show(s));
    }

    private void show(MarketViewState s) {
        if (s == null) {
            return;
        }
        findings.getItems().setAll(s.rows());
        if (!s.rows().isEmpty()) {
            findings.getSelectionModel().selectFirst();
        }
        indicators.setText(s.indicators());
        notes.setText(s.notes());
        stockSeries = s.stocks();
        String chosen = stockChoice.getValue();
        List<String> names = stockSeries.stream().map(BandSeries::name).toList();
        stockChoice.getItems().setAll(names);
        stockChoice.setValue(names.contains(chosen) ? chosen : names.isEmpty() ? null : names.getFirst());
        drawStock();
        LineSeries c = s.crackSpread();
        if (c == null) {
            crack.values().clearData();
            crack.chart().setTitle("3-2-1 crack spread: no spot or futures prices published by " + s.asOf());
        } else {
            double[] x = new double[c.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = c.days()[i] * SECONDS_PER_DAY;
            }
            crack.values().set(x, c.values(), true);
            crack.chart().setTitle(c.name() + " [$/bbl]");
        }
        fill(daysOfSupply, s.daysOfSupply(), "gasoline days of supply [days] with its 5-year range");
    }

    private void drawStock() {
        String name = stockChoice.getValue();
        BandSeries b = stockSeries.stream().filter(x -> x.name().equals(name)).findFirst().orElse(null);
        fill(stocks, b, b == null ? "stocks" : b.name() + " [Mb] with the 5-year range and average");
    }

    private static void fill(Band band, BandSeries s, String title) {
        if (s == null) {
            band.norm().clearData();
            band.actual().clearData();
            band.chart().setTitle(title + ": none published");
            return;
        }
        int n = s.size();
        double[] x = new double[n];
        double[] low = new double[n];
        double[] high = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = s.days()[i] * SECONDS_PER_DAY;
            low[i] = s.mean()[i] - s.min()[i];
            high[i] = s.max()[i] - s.mean()[i];
        }
        band.norm().set(x, s.mean(), low, high, n, true);
        band.actual().set(x, s.actual(), true);
        band.chart().setTitle(title);
    }

    private static Band band(String id, String title, String unit) {
        XYChart chart = chart(id, title, unit, "week ending");
        // The band is drawn as a surface around the five-year average; the actual value on top of it.
        ErrorDataSetRenderer surface = new ErrorDataSetRenderer();
        surface.setErrorStyle(ErrorStyle.ERRORSURFACE);
        surface.setDrawMarker(false);
        surface.setPolyLineStyle(LineStyle.NORMAL);
        surface.setAllowNaNs(true);
        DoubleErrorDataSet norm = new DoubleErrorDataSet("5-year average and range");
        surface.getDatasets().add(norm);
        ErrorDataSetRenderer line = lineRenderer();
        DoubleDataSet actual = new DoubleDataSet("actual");
        line.getDatasets().add(actual);
        chart.getRenderers().setAll(surface, line);
        return new Band(chart, norm, actual);
    }

    private static Line line(String id, String title, String unit) {
        XYChart chart = chart(id, title, unit, "trading day");
        ErrorDataSetRenderer line = lineRenderer();
        DoubleDataSet values = new DoubleDataSet(title);
        line.getDatasets().add(values);
        chart.getRenderers().setAll(line);
        return new Line(chart, values);
    }

    private static ErrorDataSetRenderer lineRenderer() {
        ErrorDataSetRenderer line = new ErrorDataSetRenderer();
        line.setErrorStyle(ErrorStyle.NONE);
        line.setDrawMarker(false);
        line.setPolyLineStyle(LineStyle.NORMAL);
        line.setAllowNaNs(true);
        return line;
    }

    private static XYChart chart(String id, String title, String unit, String xLabel) {
        DefaultNumericAxis x = new DefaultNumericAxis(xLabel, "UTC");
        x.setTimeAxis(true);
        DefaultNumericAxis y = new DefaultNumericAxis(title, unit);
        y.setAutoRanging(true);
        y.setForceZeroInRange(false);
        XYChart chart = new XYChart(x, y);
        chart.setId(id);
        chart.getStyleClass().add("market-chart");
        chart.setTitle(title);
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        chart.getPlugins().addAll(new Zoomer(), new CrosshairIndicator(), new DataPointTooltip());
        chart.setMinHeight(180);
        return chart;
    }

    private static TableColumn<FindingRow, String> column(String title, double width,
                                                          Function<FindingRow, String> value) {
        TableColumn<FindingRow, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        c.setSortable(false);
        c.setMinWidth(Math.min(width, 80));
        return c;
    }
}
