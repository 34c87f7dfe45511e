package org.dang.app.console;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.testfx.util.WaitForAsyncUtils;

import org.dang.engine.Engine;

/**
 * Waits that hold on a slow machine (CI has two shared cores): a replay waited for until it is done,
 * and view conditions read on the FX thread, where the views change, so a list refreshed meanwhile
 * is never seen half-updated.
 */
public final class Waits {

    /** Long enough for a month's replay on a busy machine; a finished replay returns at once. */
    private static final long REPLAY_SECONDS = 300;

    private Waits() {
    }

    /** Waits until {@code engine} has scanned {@code rows} rows of its replay; fails naming how far it got. */
    public static void replayed(Engine engine, long rows) throws TimeoutException {
        try {
            WaitForAsyncUtils.waitFor(REPLAY_SECONDS, TimeUnit.SECONDS, () -> engine.plant().scanCount() >= rows);
        } catch (TimeoutException e) {
            throw new TimeoutException("the replay reached " + engine.plant().scanCount() + " of " + rows
                    + " rows in " + REPLAY_SECONDS + " s");
        }
    }

    /** Waits up to {@code seconds} until {@code condition}, evaluated on the FX thread, holds. */
    public static void onFx(long seconds, Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
    }

    /** Reads {@code what} on the FX thread (a view's nodes while it may rebuild them). */
    public static <T> T readOnFx(Callable<T> what) throws Exception {
        return WaitForAsyncUtils.asyncFx(what).get(30, TimeUnit.SECONDS);
    }
}
