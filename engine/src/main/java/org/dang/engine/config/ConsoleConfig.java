package org.dang.engine.config;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code console:} section: which engine the console works on. Without {@code engine_url} the
 * console opens its own embedded engine; with it, it connects to that engine's API ({@code dang serve})
 * and opens no local store. The bearer token is read from a file (or the {@code DANG_ENGINE_TOKEN}
 * environment variable), never written in this file or on a command line.
 *
 * @param engineUrl              the remote engine, e.g. {@code https://engine.site:8470}; empty for embedded
 * @param tokenFile              file whose first line is this workstation's bearer token
 * @param truststore             PKCS#12 or JKS truststore with the site CA or the server's self-signed
 *                               certificate; empty for the Java runtime's default CAs
 * @param truststorePasswordFile file whose first line is the truststore's password; empty for none
 */
public record ConsoleConfig(Optional<URI> engineUrl, Optional<Path> tokenFile, Optional<Path> truststore,
                            Optional<Path> truststorePasswordFile) {

    /** Embedded engine, no remote settings. */
    public static ConsoleConfig defaults() {
        return new ConsoleConfig(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** True when the console is to connect to a remote engine. */
    public boolean remote() {
        return engineUrl.isPresent();
    }

    /**
     * The engine URL {@code text} as a URI, or an {@link IllegalArgumentException} saying why it cannot be
     * used: not http(s), no host, a path or query, or plain http to a host that is not loopback (the token
     * and the plant data would cross the network in clear).
     */
    public static URI engineUrl(String text) {
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("engine URL \"" + text + "\" is not a URL: " + e.getMessage(), e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new IllegalArgumentException("engine URL \"" + text + "\" must start with https:// (or http:// to"
                    + " this machine)");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException("engine URL \"" + text + "\" names no host");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null
                || (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/"))) {
            throw new IllegalArgumentException("engine URL \"" + text + "\" must be the server's address only,"
                    + " e.g. https://engine.site:8470");
        }
        if (scheme.equals("http") && !loopback(uri.getHost())) {
            throw new IllegalArgumentException("engine URL \"" + text + "\": refusing plain http to " + uri.getHost()
                    + ", which is not this machine; the bearer token would cross the network in clear. Use https"
                    + " (dang serve with server.tls) and console.truststore for a site CA");
        }
        return URI.create(scheme + "://" + uri.getRawAuthority());
    }

    private static boolean loopback(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        // Only literal addresses count: a name is not resolved here, so DNS cannot make a remote host look local.
        if (!h.matches("[0-9.]+") && !h.contains(":")) {
            return false;
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
