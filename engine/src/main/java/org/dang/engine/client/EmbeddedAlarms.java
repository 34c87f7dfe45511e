package org.dang.engine.client;

import java.time.Duration;
import java.util.List;

import org.dang.engine.access.User;
import org.dang.engine.alarm.AlarmBoard;
import org.dang.engine.alarm.AlarmListener;
import org.dang.engine.alarm.AlarmSnapshot;

/** The alarm board of an engine in this process, acting as the console's user. */
final class EmbeddedAlarms implements AlarmDesk {

    private final AlarmBoard board;
    private final User user;
    private final List<Subscription> owned;

    EmbeddedAlarms(AlarmBoard board, User user, List<Subscription> owned) {
        this.board = board;
        this.user = user;
        this.owned = owned;
    }

    @Override
    public AlarmSnapshot snapshot() {
        return board.snapshot();
    }

    @Override
    public boolean acknowledge(String alarmId) {
        return board.acknowledge(alarmId, user);
    }

    @Override
    public void shelve(String alarmId, String reason, Duration duration) {
        board.shelve(alarmId, user, reason, duration);
    }

    @Override
    public boolean unshelve(String alarmId) {
        return board.unshelve(alarmId, user);
    }

    @Override
    public Subscription watch(Runnable changed) {
        AlarmListener l = e -> changed.run();
        board.addListener(l);
        Subscription s = () -> board.removeListener(l);
        owned.add(s);
        return s;
    }
}
