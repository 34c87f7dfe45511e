package org.dang.app.overview;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import eu.hansolo.tilesfx.Section;
import eu.hansolo.tilesfx.Tile;
import eu.hansolo.tilesfx.TileBuilder;
import javafx.geometry.Insets;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;

import org.dang.app.console.Theme;
import org.dang.engine.situation.Quality;

/**
 * ISA-101 level-1 overview: one TilesFX tile per key tag on a grey ground. Colour appears only for
 * an active alarm (the tile takes the priority colour); a value that is not GOOD is greyed out and
 * names its quality. Value animation is off, as for any live data. Layout only.
 */
public final class OverviewView extends BorderPane {

    private final Theme theme;
    private final Map<String, Tile> tiles = new LinkedHashMap<>();
    private final FlowPane grid;
    private final Consumer<String> openTrend;

    /** An overview in {@code theme}; {@code openTrend} is called with the tag when a tile is clicked. */
    public OverviewView(OverviewViewModel vm, Consumer<String> openTrend, Theme theme) {
        this.theme = theme;
        getStyleClass().add("overview-view");
        this.grid = new FlowPane(10, 10);
        this.openTrend = openTrend;
        grid.setPadding(new Insets(12));
        grid.setPrefWrapLength(4 * 255);
        setCenter(grid);
        ProcessHealthView health = new ProcessHealthView(vm);
        health.setPrefWidth(380);
        setRight(health);
        vm.tilesProperty().addListener((o, a, states) -> show(states));
    }

    /**
     * Tiles are built on the first state, seeded with their first values: a sparkline started from
     * the builder's default 0 would draw a false dive at the start of every trace.
     */
    private void build(List<TileState> states) {
        for (TileState first : states) {
            TileSpec spec = first.spec();
            Tile t = TileBuilder.create()
                    .skinType(spec.skin() == TileSpec.Skin.GAUGE ? Tile.SkinType.GAUGE : Tile.SkinType.SPARK_LINE)
                    .prefSize(245, 225)
                    .title(spec.title())
                    .decimals(spec.decimals())
                    .minValue(first.min())
                    .maxValue(first.max())
                    .value(Double.isFinite(first.value()) ? first.value() : first.min())
                    .unit(first.unit())
                    .animated(false)
                    .averagingPeriod(120)
                    .backgroundColor(theme.ground())
                    .titleColor(theme.text())
                    .valueColor(theme.text())
                    .unitColor(theme.text())
                    .textColor(theme.text())
                    .foregroundBaseColor(theme.text())
                    .barColor(theme.line())
                    .needleColor(theme.line())
                    .thresholdVisible(false)
                    .build();
            if (spec.skin() == TileSpec.Skin.GAUGE) {
                t.setSections(normalBand(first, theme));
                t.setSectionsVisible(true);
            }
            t.setId("tile-" + spec.tag());
            t.setOnMouseClicked(e -> openTrend.accept(spec.tag()));
            tiles.put(spec.tag(), t);
        }
        grid.getChildren().setAll(tiles.values());
    }

    private void show(List<TileState> states) {
        if (tiles.isEmpty()) {
            build(states);
        }
        for (TileState s : states) {
            Tile t = tiles.get(s.spec().tag());
            if (t == null) {
                continue;
            }
            boolean good = s.quality() == Quality.GOOD && Double.isFinite(s.value());
            if (Double.isFinite(s.value())) {
                t.setValue(s.value());
            }
            // A value that cannot be trusted must not look like one: no number, the quality in the title.
            t.setValueVisible(Double.isFinite(s.value()));
            t.setText(good ? "" : s.quality().name());
            t.setTitle(good ? s.spec().title() : s.spec().title() + "  \u2013  " + s.quality().name());
            t.setTitleColor(good ? theme.text() : theme.qualityText());
            t.setValueColor(good ? theme.text() : theme.muted());
            t.setBackgroundColor(s.alarm() == null ? theme.ground() : theme.priority(s.alarm()));
        }
    }

    /** The operating window between the LO and HI limits, shaded light. */
    private static List<Section> normalBand(TileState s, Theme theme) {
        double lo = Double.isNaN(s.lo()) ? s.min() : s.lo();
        double hi = Double.isNaN(s.hi()) ? s.max() : s.hi();
        return List.of(new Section(lo, hi, theme.band()));
    }

    /** The tile of {@code tag} (for tests). */
    Tile tile(String tag) {
        return tiles.get(tag);
    }
}
