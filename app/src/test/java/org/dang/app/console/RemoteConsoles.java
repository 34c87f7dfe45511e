package org.dang.app.console;

import java.net.URI;
import java.util.Optional;

import org.testfx.api.FxToolkit;

import org.dang.engine.client.remote.RemoteEngine;
import org.dang.engine.client.remote.RemoteSettings;

/** Opens a console window on a remote engine in a test, as {@code dang console --engine} does. */
public final class RemoteConsoles {

    private RemoteConsoles() {
    }

    /** Connects to {@code engine} with bearer {@code token} and shows the console on the primary stage. */
    public static ConsoleWindow show(URI engine, String token) throws Exception {
        RemoteEngine remote = RemoteEngine.connect(new RemoteSettings(engine, token, Optional.empty(), Optional.empty()));
        ConsoleWindow[] window = new ConsoleWindow[1];
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            window[0] = new ConsoleWindow(remote, Theme.LIGHT);
            window[0].show(s);
        });
        return window[0];
    }
}
