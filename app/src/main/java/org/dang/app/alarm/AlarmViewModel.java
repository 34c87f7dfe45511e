package org.dang.app.alarm;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.function.Predicate;
import java.util.function.Supplier;

import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.dang.engine.access.AccessDeniedException;
import org.dang.engine.access.Action;
import org.dang.engine.access.User;
import org.dang.engine.alarm.AlarmRecord;
import org.dang.engine.client.AlarmDesk;
import org.dang.engine.alarm.AlarmSnapshot;
import org.dang.engine.alarm.AlarmState;
import org.dang.engine.decision.AlertPriority;

/**
 * State of the alarms view and of the alarm banner: the board's snapshot filtered for the list,
 * counts by priority, and the operator's acknowledge and shelve commands (the board checks the role
 * and audits every attempt).
 */
public final class AlarmViewModel {

    private final AlarmDesk board;
    private final User user;
    private final ExecutorService background;
    private final ObservableList<AlarmRecord> rows = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<AlarmSnapshot> snapshot = new ReadOnlyObjectWrapper<>();
    private final StringProperty text = new SimpleStringProperty("");
    private final ObjectProperty<AlertPriority> priority = new SimpleObjectProperty<>();
    private final BooleanProperty showShelved = new SimpleBooleanProperty(false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    /** A view-model over the engine's alarm list (embedded or remote), acting as {@code user}. */
    public AlarmViewModel(AlarmDesk board, User user, ExecutorService background) {
        this.board = board;
        this.user = user;
        this.background = background;
        text.addListener((o, a, b) -> refilter());
        priority.addListener((o, a, b) -> refilter());
        showShelved.addListener((o, a, b) -> refilter());
    }

    /** Takes a new snapshot of the board (any thread). */
    public void refresh() {
        background.execute(() -> {
            AlarmSnapshot s = board.snapshot();
            Platform.runLater(() -> {
                snapshot.set(s);
                refilter();
            });
        });
    }

    private void refilter() {
        AlarmSnapshot s = snapshot.get();
        if (s == null) {
            return;
        }
        String t = text.get().strip().toLowerCase(Locale.ROOT);
        AlertPriority p = priority.get();
        Predicate<AlarmRecord> keep = a -> (showShelved.get() || a.state() != AlarmState.SHELVED)
                && (p == null || a.priority() == p)
                && (t.isEmpty() || (a.id() + " " + a.message()).toLowerCase(Locale.ROOT).contains(t));
        List<AlarmRecord> shown = s.alarms().stream().filter(keep).toList();
        if (!shown.equals(rows)) {
            rows.setAll(shown);
        }
    }

    /** Acknowledges {@code alarm}. */
    public void acknowledge(AlarmRecord alarm) {
        command("acknowledge " + alarm.id(), () -> board.acknowledge(alarm.id())
                ? alarm.id() + " acknowledged" : alarm.id() + ": nothing to acknowledge");
    }

    /** Acknowledges every alarm in the list that waits for it. */
    public void acknowledgeAll(List<AlarmRecord> alarms) {
        command("acknowledge all", () -> {
            int n = 0;
            for (AlarmRecord a : alarms) {
                if (a.state() == AlarmState.UNACK_ACTIVE || a.state() == AlarmState.UNACK_CLEARED) {
                    n += board.acknowledge(a.id()) ? 1 : 0;
                }
            }
            return n + " alarm(s) acknowledged";
        });
    }

    /** Shelves {@code alarm} for {@code duration} with {@code reason}. */
    public void shelve(AlarmRecord alarm, String reason, Duration duration) {
        command("shelve " + alarm.id(), () -> {
            board.shelve(alarm.id(), reason, duration);
            return alarm.id() + " shelved for " + duration.toMinutes() + " min";
        });
    }

    /** Returns a shelved alarm to service. */
    public void unshelve(AlarmRecord alarm) {
        command("unshelve " + alarm.id(), () -> board.unshelve(alarm.id())
                ? alarm.id() + " unshelved" : alarm.id() + " was not shelved");
    }

    private void command(String what, Supplier<String> work) {
        background.execute(() -> {
            String outcome;
            try {
                outcome = work.get();
            } catch (AccessDeniedException | IllegalArgumentException e) {
                outcome = e.getMessage();
            } catch (RuntimeException e) {
                outcome = what + " failed: " + e.getMessage();
            }
            String text = outcome;
            Platform.runLater(() -> message.set(text));
            refresh();
        });
    }

    /** Whether the user may {@code action}, for enabling buttons. */
    public boolean may(Action action) {
        return action.allowedFor(user.role());
    }

    /** Why not, for the tooltip of a disabled button. */
    public String whyNot(Action action) {
        return action.denialReason(user.role());
    }

    /** The filtered alarm list, highest priority first (the board's order). */
    public ObservableList<AlarmRecord> rows() {
        return rows;
    }

    /** The latest snapshot (counts for the banner). */
    public ReadOnlyObjectProperty<AlarmSnapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    /** Text filter on alarm id and message. */
    public StringProperty textProperty() {
        return text;
    }

    /** Priority filter; null for all. */
    public ObjectProperty<AlertPriority> priorityProperty() {
        return priority;
    }

    /** Whether shelved alarms are listed. */
    public BooleanProperty showShelvedProperty() {
        return showShelved;
    }

    /** The outcome of the last command. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
