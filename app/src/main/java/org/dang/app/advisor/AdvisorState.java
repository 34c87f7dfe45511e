package org.dang.app.advisor;

import java.util.List;

/**
 * Everything the advisor panel shows, built off the FX thread.
 *
 * @param pending      questions waiting for the model, oldest first
 * @param available    whether a model is there to ask
 * @param availability what the panel says about the advisor (model missing, off, or how many wait)
 * @param canAsk       whether this user may ask now (role, model, room)
 * @param askDenied    why not, for the tooltip; empty when {@code canAsk}
 * @param message      the outcome of this user's last question (asked, or why it was refused)
 */
public record AdvisorState(List<PendingRow> pending, boolean available, String availability, boolean canAsk,
                           String askDenied, String message) {

    public AdvisorState {
        pending = List.copyOf(pending);
    }

    /** Before the first refresh. */
    static AdvisorState initial() {
        return new AdvisorState(List.of(), false, "Checking for a language model ...", false,
                "Checking for a language model ...", "");
    }
}
