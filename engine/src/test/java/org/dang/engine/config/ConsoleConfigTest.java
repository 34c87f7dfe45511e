package org.dang.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The {@code console:} section: engine URL rules at their line, paths, and a round trip through the writer. */
class ConsoleConfigTest {

    @Test
    void aRemoteEngineIsReadAndWrittenBack() {
        DangConfig c = ConfigLoader.parse("""
                console:
                  engine_url: https://engine.site:8470
                  token_file: /etc/dang/console.token
                  truststore: /etc/dang/site-ca.p12
                """, "site.yaml");
        assertTrue(c.console().remote());
        assertEquals(URI.create("https://engine.site:8470"), c.console().engineUrl().orElseThrow());
        assertEquals(Path.of("/etc/dang/console.token"), c.console().tokenFile().orElseThrow());
        assertEquals(c, ConfigLoader.parse(ConfigWriter.yaml(c), "written.yaml"), "the writer keeps the section");
        assertFalse(DangConfig.defaults().console().remote(), "embedded by default");
        assertEquals(DangConfig.defaults(), ConfigLoader.parse(ConfigWriter.yaml(DangConfig.defaults()), "d.yaml"));
    }

    @Test
    void clearTextToAnotherHostIsRefusedAtItsLine() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse("""
                console:
                  engine_url: http://10.0.4.20:8470
                  tokn_file: x
                """, "site.yaml"));
        assertTrue(e.getMessage().contains("site.yaml:2: console.engine_url: engine URL \"http://10.0.4.20:8470\":"
                + " refusing plain http"), e.getMessage());
        assertTrue(e.getMessage().contains("tokn_file"), "a misspelt key is named too: " + e.getMessage());
    }
}
