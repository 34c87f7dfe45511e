package org.dang.app.chat;

import java.util.List;

/**
 * Everything the chat view shows, as one snapshot.
 *
 * @param exchanges the conversation, oldest first
 * @param available whether a model is configured and could be built
 * @param model     the model line ("openai deepseek-r1 (http://...)") or, when not available, how to set one up
 * @param busy      whether a reply is streaming
 * @param mayAsk    whether the signed-in role may ask
 * @param whyNot    why not, for the tooltip
 * @param notice    a one-line note (e.g. a backend that could not be built, an audit failure); may be empty
 */
public record ChatState(List<ExchangeView> exchanges, boolean available, String model, boolean busy, boolean mayAsk,
                        String whyNot, String notice) {

    public ChatState {
        exchanges = List.copyOf(exchanges);
    }

    /** Whether the last exchange can be asked again. */
    public boolean mayRegenerate() {
        return available && mayAsk && !busy && !exchanges.isEmpty();
    }
}
