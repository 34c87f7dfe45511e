package org.dang.app.overview;

import java.util.List;
import java.util.Locale;

import javafx.geometry.Insets;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

import org.dang.engine.monitor.TagContribution;
import org.dang.engine.watch.AnomalyStatus;

/**
 * The multivariate monitor for the operator: whether the unit runs as it normally does, and for
 * the latest anomaly a contribution plot of the tags that drive it (share of T^2 and of Q).
 */
final class ProcessHealthView extends VBox {

    private static final int BARS = 10;

    private final Label state = new Label();
    private final BarChart<String, Number> chart;
    private final XYChart.Series<String, Number> t2 = new XYChart.Series<>();
    private final XYChart.Series<String, Number> q = new XYChart.Series<>();

    ProcessHealthView(OverviewViewModel vm) {
        super(6);
        setId("process-health");
        getStyleClass().add("process-health");
        setPadding(new Insets(10));
        state.setId("process-health-state");
        state.setWrapText(true);
        CategoryAxis tags = new CategoryAxis();
        NumberAxis share = new NumberAxis(0, 1, 0.2);
        share.setLabel("share of the statistic");
        chart = new BarChart<>(tags, share);
        chart.setId("contribution-plot");
        chart.setAnimated(false);
        chart.setTitle("Which tags drive the latest anomaly");
        chart.setPrefHeight(420);
        t2.setName("T\u00b2 (variation within the normal pattern)");
        q.setName("Q (breaks the normal pattern)");
        chart.getData().setAll(List.of(t2, q));
        getChildren().setAll(state, chart);
        vm.anomalyProperty().addListener((o, a, s) -> show(s));
        show(null);
    }

    private void show(AnomalyStatus s) {
        if (s == null) {
            state.setText("Multivariate monitor: no plant data");
        } else if (!s.trained()) {
            state.setText("Multivariate monitor: learning normal operation from the first two days of data");
        } else if (s.anomalous()) {
            state.setText("Multivariate monitor: ANOMALY since " + s.since() + " (plant time)");
        } else {
            state.setText("Multivariate monitor: operation normal" + (s.since() == null ? ""
                    : "; last anomaly began " + s.since()));
        }
        state.getStyleClass().removeAll("alarm-text");
        if (s != null && s.anomalous()) {
            state.getStyleClass().add("alarm-text");
        }
        List<TagContribution> top = s == null ? List.of() : s.contributions().stream().limit(BARS).toList();
        t2.getData().setAll(top.stream().map(c -> new XYChart.Data<String, Number>(c.tag(), c.t2Share())).toList());
        q.getData().setAll(top.stream().map(c -> new XYChart.Data<String, Number>(c.tag(), c.qShare())).toList());
        chart.setVisible(!top.isEmpty());
        chart.setManaged(!top.isEmpty());
        if (!top.isEmpty()) {
            chart.setTitle(String.format(Locale.ROOT, "Which tags drive the anomaly of %s", s.since()));
        }
    }
}
