package org.dang.app.console;

import java.util.Objects;
import java.util.function.Function;

import javafx.collections.ListChangeListener;
import javafx.scene.control.TableView;

/** Table helpers for live views whose rows are replaced on every refresh. */
public final class Selections {

    private Selections() {
    }

    /**
     * Keeps the operator's selection when a refresh replaces the rows: the row with the same key is
     * selected again (it is the alarm to acknowledge, the run to cancel).
     */
    public static <T> void keepAcrossRefreshes(TableView<T> table, Function<T, Object> key) {
        Object[] selected = {null};
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                selected[0] = key.apply(b);
            }
        });
        table.getItems().addListener((ListChangeListener<T>) c -> {
            for (int i = 0; i < table.getItems().size(); i++) {
                if (Objects.equals(key.apply(table.getItems().get(i)), selected[0])) {
                    table.getSelectionModel().select(i);
                    return;
                }
            }
        });
    }
}
