package org.dang.app.console;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import javafx.scene.control.Label;

import org.dang.engine.client.ConnectionState;

/**
 * The header's engine label and the stale marker: which engine, connected or not, when the last live
 * event came; while disconnected the marker says the views show the last data received. FX thread only.
 */
final class ConnectionHeader {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final Label engine;
    private final Label stale;

    ConnectionHeader(Label engine, Label stale) {
        this.engine = engine;
        this.stale = stale;
    }

    void show(ConnectionState s) {
        if (s == null) {
            return;
        }
        String last = s.lastEvent() == null ? "no live event yet" : "last event " + TIME.format(s.lastEvent());
        if ("embedded".equals(s.engine())) {
            engine.setText("embedded engine");
            engine.getStyleClass().setAll("label", "muted");
        } else if (s.connected()) {
            engine.setText("Engine " + s.engine() + ": connected, " + last);
            engine.getStyleClass().setAll("label", "muted");
        } else {
            engine.setText("Engine " + s.engine() + ": DISCONNECTED, " + last);
            engine.getStyleClass().setAll("label", "alarm-text");
        }
        engine.setTooltip(new javafx.scene.control.Tooltip(s.detail()));
        boolean isStale = !s.connected() && !"connecting".equals(s.detail());
        stale.setText(isStale ? "STALE: the engine cannot be reached (" + s.detail() + "); the views show the last"
                + " data received" + (s.lastEvent() == null ? "" : ", " + TIME.format(s.lastEvent())) + "." : "");
        stale.setVisible(isStale);
        stale.setManaged(isStale);
    }
}
