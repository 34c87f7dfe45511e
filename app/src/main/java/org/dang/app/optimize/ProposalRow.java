package org.dang.app.optimize;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

import org.dang.engine.module.optimize.ProposedMove;

/** One row of the optimisation table: a proposed setpoint move and whether the operator keeps it selected. */
public final class ProposalRow {

    private final ProposedMove move;
    private final BooleanProperty selected;

    ProposalRow(ProposedMove move) {
        this.move = move;
        this.selected = new SimpleBooleanProperty(move.moves());
    }

    /** The move. */
    public ProposedMove move() {
        return move;
    }

    /** Whether the row is part of the approval (rows that do not move start deselected). */
    public BooleanProperty selectedProperty() {
        return selected;
    }
}
