package org.dang.app.console;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import javafx.scene.paint.Color;

import org.dang.engine.decision.AlertPriority;

/**
 * The console's look: a stylesheet from ui-resources and the palette for what CSS cannot reach
 * (TilesFX tiles). Both keep ISA-101's rule: neutral surfaces, colour only for abnormal states.
 */
public enum Theme {
    /** Light control-room theme (default). */
    LIGHT("/org/dang/ui/theme-light.css", Color.web("#d4d4d4"), Color.web("#1e1e1e"), Color.web("#8a8a8a"),
            Color.web("#3a3a3a"), Color.web("#6a1b9a"), Color.web("#eeeeee")),
    /** Dark theme for dim rooms and night shifts. */
    DARK("/org/dang/ui/theme-dark.css", Color.web("#2b2b2b"), Color.web("#e6e6e6"), Color.web("#8c8c8c"),
            Color.web("#c8c8c8"), Color.web("#ce93d8"), Color.web("#444444"));

    private static final Map<AlertPriority, Color> PRIORITY = Map.of(AlertPriority.CRITICAL, Color.web("#c00000"),
            AlertPriority.HIGH, Color.web("#e36c09"), AlertPriority.MEDIUM, Color.web("#d4b000"),
            AlertPriority.LOW, Color.web("#4f81bd"));

    private final String stylesheet;
    private final Color ground;
    private final Color text;
    private final Color muted;
    private final Color line;
    private final Color qualityText;
    private final Color band;

    Theme(String stylesheet, Color ground, Color text, Color muted, Color line, Color qualityText, Color band) {
        this.stylesheet = stylesheet;
        this.ground = ground;
        this.text = text;
        this.muted = muted;
        this.line = line;
        this.qualityText = qualityText;
        this.band = band;
    }

    /** The stylesheets for a scene: the console's rules, then this theme's colours. */
    public List<String> stylesheets() {
        return List.of(url("/org/dang/ui/console.css"), url(stylesheet));
    }

    private static String url(String resource) {
        return Objects.requireNonNull(Theme.class.getResource(resource), resource).toExternalForm();
    }

    /** Tile and panel background. */
    public Color ground() {
        return ground;
    }

    /** Normal text and values. */
    public Color text() {
        return text;
    }

    /** A value that is not to be trusted (bad quality). */
    public Color muted() {
        return muted;
    }

    /** Needles, bars and sparklines. */
    public Color line() {
        return line;
    }

    /** The title of a tile whose value has bad quality. */
    public Color qualityText() {
        return qualityText;
    }

    /** The operating window on a gauge. */
    public Color band() {
        return band;
    }

    /** The colour of an alarm priority (the same in both themes: operators learn them once). */
    public Color priority(AlertPriority p) {
        return PRIORITY.get(p);
    }
}
