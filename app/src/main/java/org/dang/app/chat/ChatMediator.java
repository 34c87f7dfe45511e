package org.dang.app.chat;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;

import javafx.application.Platform;

import org.dang.app.console.UpdateThrottle;

/**
 * Streamed pieces to the chat view: each piece requests a throttled refresh; the refresh builds the
 * full snapshot off the FX thread and hands it over in one {@code Platform.runLater}.
 */
public final class ChatMediator {

    /** At most this many redraws per second while a reply streams. */
    private static final Duration PERIOD = Duration.ofMillis(100);

    private final UpdateThrottle throttle;

    /** Connects {@code vm}'s changes to its view through a throttle on {@code timer}. */
    public ChatMediator(ChatViewModel vm, ScheduledExecutorService timer) {
        this.throttle = new UpdateThrottle(() -> {
            ChatState s = vm.snapshot();
            Platform.runLater(() -> vm.publish(s));
        }, timer, PERIOD);
        vm.onChange(throttle::request);
    }
}
