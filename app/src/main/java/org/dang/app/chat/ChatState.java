package org.dang.app.chat;

import java.util.List;

/**
 * Everything the chat view shows, as one snapshot.
 *
 * @param exchanges      the conversation, oldest first (restored from the engine on open)
 * @param available      whether a model is configured and could be built
 * @param model          the model line ("openai deepseek-r1 (http://...)") or, when not available, how to set one up
 * @param busy           whether a reply is coming
 * @param mayAsk         whether the signed-in role may ask
 * @param whyNot         why not, for the tooltip
 * @param mayApprove     whether the signed-in role may approve or reject setpoint proposals
 * @param whyNotApprove  why not, for the tooltip
 * @param notice         a one-line note (e.g. a backend that could not be built, an audit failure); may be empty
 */
public record ChatState(List<ExchangeView> exchanges, boolean available, String model, boolean busy, boolean mayAsk,
                        String whyNot, boolean mayApprove, String whyNotApprove, String notice) {

    public ChatState {
        exchanges = List.copyOf(exchanges);
    }

    /** Whether the last question can be asked again. */
    public boolean mayRegenerate() {
        return available && mayAsk && !busy && !exchanges.isEmpty();
    }

    /** Whether the conversation can be cleared. */
    public boolean mayClear() {
        return available && mayAsk && !busy && !exchanges.isEmpty();
    }
}
