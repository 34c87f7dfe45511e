package org.dang.app.chat;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;

import javafx.application.Platform;

import org.dang.app.console.UpdateThrottle;
import org.dang.engine.client.ProposalWatcher;
import org.dang.engine.module.optimize.OptimizationProposal;

/**
 * Streamed pieces to the chat view: each piece requests a throttled refresh; the refresh builds the
 * full snapshot off the FX thread and hands it over in one {@code Platform.runLater}. As a
 * {@link ProposalWatcher} it closes the cards a newer proposal replaced.
 */
public final class ChatMediator implements ProposalWatcher {

    /** At most this many redraws per second while a reply streams. */
    private static final Duration PERIOD = Duration.ofMillis(100);

    private final ChatViewModel vm;
    private final UpdateThrottle throttle;

    /** Connects {@code vm}'s changes to its view through a throttle on {@code timer}. */
    public ChatMediator(ChatViewModel vm, ScheduledExecutorService timer) {
        this.vm = vm;
        this.throttle = new UpdateThrottle(() -> {
            ChatState s = vm.snapshot();
            Platform.runLater(() -> vm.publish(s));
        }, timer, PERIOD);
        vm.onChange(throttle::request);
    }

    @Override
    public void proposed(OptimizationProposal proposal) {
        vm.refreshCards();
    }

    @Override
    public void working(String message) {
        // Optimisation progress is the optimisation view's.
    }

    @Override
    public void failed(String cause) {
        // A failed run closes no card.
    }
}
