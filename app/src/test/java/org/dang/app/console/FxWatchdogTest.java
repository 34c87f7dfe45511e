package org.dang.app.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** The watchdog reports a blocked FX thread once per stall; limits are wide so a slow machine cannot fake one. */
class FxWatchdogTest {

    @Test
    void aBlockedFxThreadIsReportedOnceAndAFreeOneNever() throws Exception {
        FxToolkit.registerPrimaryStage();
        try (FxWatchdog watchdog = new FxWatchdog(Duration.ofSeconds(1), Duration.ofMillis(10))) {
            TimeUnit.MILLISECONDS.sleep(300);
            assertEquals(0, watchdog.stalls(), "an idle FX thread is not stalled");
            CountDownLatch done = new CountDownLatch(1);
            Platform.runLater(() -> {
                try {
                    TimeUnit.SECONDS.sleep(3); // a view doing work it should not do on the FX thread
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                done.countDown();
            });
            done.await(10, TimeUnit.SECONDS);
            TimeUnit.MILLISECONDS.sleep(200);
            assertEquals(1, watchdog.stalls(), "one stall, reported once");
        }
    }
}
