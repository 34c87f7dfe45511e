package org.dang.app.chat;

import java.util.List;

/**
 * A setpoint proposal card in the chat.
 *
 * @param id      the proposal id on the engine's desk
 * @param summary one line
 * @param moves   one line per moving setpoint ("coil_outlet_temp 360.0 -> 363.5 degC")
 * @param notes   what the safety layer changed, or why it refused
 * @param open    whether it can still be approved or rejected
 * @param outcome what happened to it from this console ("Approved: applied ..."), or why it is closed
 */
public record CardView(String id, String summary, List<String> moves, List<String> notes, boolean open,
                       String outcome) {
    public CardView {
        moves = List.copyOf(moves);
        notes = List.copyOf(notes);
    }
}
