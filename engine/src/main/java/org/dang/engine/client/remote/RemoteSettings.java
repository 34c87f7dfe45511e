package org.dang.engine.client.remote;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.dang.engine.config.ConsoleConfig;

/**
 * How to reach a remote engine: its URL, this workstation's bearer token, and the truststore that holds
 * the site CA (or the server's self-signed certificate). {@link #toString()} never shows the token.
 *
 * @param engine                 the engine's URL (https, or http to loopback only)
 * @param token                  the bearer token
 * @param truststore             truststore file; empty for the Java runtime's default CAs
 * @param truststorePasswordFile file with the truststore's password on its first line; empty for none
 */
public record RemoteSettings(URI engine, String token, Optional<Path> truststore,
                             Optional<Path> truststorePasswordFile) {

    /** Environment variable that may hold the token instead of a token file. */
    public static final String TOKEN_VARIABLE = "DANG_ENGINE_TOKEN";

    /** Checks the URL (https, or http to loopback) and that there is a token. */
    public RemoteSettings {
        engine = ConsoleConfig.engineUrl(engine.toString());
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("no bearer token for " + engine + ": give console.token_file (a file"
                    + " whose first line is the token from dang token add) or set " + TOKEN_VARIABLE);
        }
        token = token.strip();
        if (token.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw new IllegalArgumentException("the bearer token for " + engine + " has spaces or control characters;"
                    + " the token file's first line must be the token alone");
        }
    }

    /**
     * Settings from the {@code console:} section; the token comes from {@code console.token_file}, else from
     * {@code tokenVariable} (the value of {@value #TOKEN_VARIABLE}, may be null).
     *
     * @throws IllegalArgumentException with what is missing or unreadable
     */
    public static RemoteSettings from(ConsoleConfig console, String tokenVariable) {
        URI url = console.engineUrl().orElseThrow(() -> new IllegalArgumentException(
                "no console.engine_url: the console uses its embedded engine"));
        String token = console.tokenFile().map(RemoteSettings::firstLine).orElse(tokenVariable);
        return new RemoteSettings(url, token, console.truststore(), console.truststorePasswordFile());
    }

    /** The first line of {@code file}, for token and password files. */
    static String firstLine(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            if (lines.isEmpty() || lines.getFirst().isBlank()) {
                throw new IllegalArgumentException(file + " is empty; its first line must be the secret");
            }
            return lines.getFirst().strip();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "RemoteSettings[engine=" + engine + ", token=(hidden), truststore=" + truststore.map(Path::toString)
                .orElse("default CAs") + "]";
    }
}
