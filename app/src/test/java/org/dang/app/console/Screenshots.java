package org.dang.app.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.image.WritableImage;
import org.testfx.api.FxRobot;

/** Writes what the console shows to docs/screenshots/ (the tests' screenshots of each view). */
public final class Screenshots {

    static final Path DIR = Path.of("../docs/screenshots");

    private Screenshots() {
    }

    /** Snapshots the whole scene that {@code anyNode} belongs to into {@code name}. */
    public static void write(FxRobot robot, Node anyNode, String name) throws IOException {
        Files.createDirectories(DIR);
        WritableImage[] snap = new WritableImage[1];
        robot.interact(() -> snap[0] = anyNode.getScene().getRoot().snapshot(null, null));
        ImageIO.write(SwingFXUtils.fromFXImage(snap[0], null), "png", DIR.resolve(name).toFile());
    }
}
