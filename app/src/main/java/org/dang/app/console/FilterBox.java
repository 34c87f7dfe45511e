package org.dang.app.console;

import java.util.function.Function;

import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.util.StringConverter;

/** A filter drop-down whose first entry (null) means "all", shown with a label such as "All modules". */
public final class FilterBox {

    private FilterBox() {
    }

    /** A combo box over {@code values} plus null, which reads {@code all}; {@code name} labels the values. */
    public static <T> ComboBox<T> of(String id, String all, T[] values, Function<T, String> name) {
        ComboBox<T> box = new ComboBox<>();
        box.setId(id);
        box.getItems().add(null);
        box.getItems().addAll(values);
        StringConverter<T> conv = new StringConverter<>() {
            @Override
            public String toString(T v) {
                return v == null ? all : name.apply(v);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
        box.setConverter(conv);
        // The button cell does not use the converter for the null item by itself.
        box.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(conv.toString(item));
            }
        });
        return box;
    }
}
