package org.dang.app.alarm;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

import org.dang.engine.alarm.AlarmSnapshot;
import org.dang.engine.decision.AlertPriority;

/**
 * The alarm summary that is always on screen: annunciated alarms per priority, unacknowledged and
 * shelved counts, and the flood indicator. A count is coloured only while it is above zero.
 */
public final class AlarmBanner extends HBox {

    private final Map<AlertPriority, Label> counts = new EnumMap<>(AlertPriority.class);
    private final Label unack = new Label();
    private final Label shelved = new Label();
    private final Label flood = new Label("ALARM FLOOD");

    /** A banner following {@code vm}'s snapshots. */
    public AlarmBanner(AlarmViewModel vm) {
        super(6);
        setId("alarm-banner");
        getStyleClass().add("alarm-banner");
        for (AlertPriority p : AlertPriority.values()) {
            Label l = new Label();
            l.setId("alarm-count-" + p.name().toLowerCase(Locale.ROOT));
            l.getStyleClass().add("alarm-count");
            l.setMinWidth(Region.USE_PREF_SIZE);
            counts.put(p, l);
            getChildren().add(l);
        }
        unack.setId("alarm-unacknowledged");
        shelved.getStyleClass().add("muted");
        flood.getStyleClass().add("alarm-flood");
        flood.setVisible(false);
        for (Label l : new Label[] {unack, shelved, flood}) {
            l.setMinWidth(Region.USE_PREF_SIZE);
        }
        getChildren().addAll(unack, shelved, flood);
        vm.snapshotProperty().addListener((o, a, s) -> show(s));
        show(null);
    }

    private void show(AlarmSnapshot s) {
        for (AlertPriority p : AlertPriority.values()) {
            int n = s == null ? 0 : s.annunciated().getOrDefault(p, 0);
            Label l = counts.get(p);
            l.setText(p.name() + " " + n);
            l.getStyleClass().removeIf(c -> c.startsWith("priority-"));
            if (n > 0) {
                l.getStyleClass().add("priority-" + p.name().toLowerCase(Locale.ROOT));
            }
        }
        unack.setText("unacknowledged " + (s == null ? 0 : s.unacknowledged()));
        shelved.setText("shelved " + (s == null ? 0 : s.shelved()));
        flood.setVisible(s != null && s.flood());
    }
}
