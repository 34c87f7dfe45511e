package org.dang.engine.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code server:} section: where {@code dang serve} listens and the limits it enforces.
 *
 * @param bind           address to listen on; anything but loopback needs {@code tls}
 * @param port           TCP port, 0 to pick a free one
 * @param tls            keystore for HTTPS; required off loopback
 * @param tokenFile      file of hashed bearer tokens ({@code dang token add})
 * @param maxBodyBytes   largest request body accepted; larger gets 413
 * @param rateLimit      requests per second each token may make on average
 * @param rateBurst      requests a token may make at once before the rate applies
 * @param requestTimeout longest a request may take (reading it, waiting for a module, writing the answer)
 * @param maxConnections most connections open at once (event streams and kept-alive ones included); the JDK
 *                       server closes a connection accepted beyond it at once
 */
public record ServerConfig(String bind, int port, TlsConfig tls, Path tokenFile, int maxBodyBytes,
                           double rateLimit, int rateBurst, Duration requestTimeout, int maxConnections) {

    /** Default of {@code max_connections}. */
    public static final int DEFAULT_MAX_CONNECTIONS = 256;

    public ServerConfig {
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(tokenFile, "tokenFile");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1, was " + maxConnections);
        }
    }

    /** The settings before {@code max_connections} existed, with its default. */
    public ServerConfig(String bind, int port, TlsConfig tls, Path tokenFile, int maxBodyBytes, double rateLimit,
                        int rateBurst, Duration requestTimeout) {
        this(bind, port, tls, tokenFile, maxBodyBytes, rateLimit, rateBurst, requestTimeout, DEFAULT_MAX_CONNECTIONS);
    }

    /**
     * {@code server.tls:} section: the HTTPS keystore (PKCS#12 or JKS). The password is read from a
     * file, never written in the configuration (no secrets in config files).
     *
     * @param keystore     keystore file; empty for plain HTTP (loopback only)
     * @param passwordFile file whose first line is the keystore password
     */
    public record TlsConfig(Optional<Path> keystore, Optional<Path> passwordFile) {
        /** No TLS. */
        public static TlsConfig none() {
            return new TlsConfig(Optional.empty(), Optional.empty());
        }

        /** True when a keystore is configured. */
        public boolean enabled() {
            return keystore.isPresent();
        }
    }

    /** Defaults: loopback port 8470, no TLS, tokens in {@code ~/.dang/tokens}, 1 MiB bodies, 50 req/s per token. */
    public static ServerConfig defaults() {
        return new ServerConfig("127.0.0.1", 8470, TlsConfig.none(),
                Path.of(System.getProperty("user.home"), ".dang", "tokens"), 1 << 20, 50, 100, Duration.ofSeconds(30));
    }

    /** The same settings listening on {@code newBind}:{@code newPort}. */
    public ServerConfig listeningOn(String newBind, int newPort) {
        return new ServerConfig(newBind, newPort, tls, tokenFile, maxBodyBytes, rateLimit, rateBurst, requestTimeout, maxConnections);
    }

    /** The same settings with other rate limits. */
    public ServerConfig withRateLimit(double perSecond, int burst) {
        return new ServerConfig(bind, port, tls, tokenFile, maxBodyBytes, perSecond, burst, requestTimeout, maxConnections);
    }

    /** The same settings with another connection limit. */
    public ServerConfig withMaxConnections(int connections) {
        return new ServerConfig(bind, port, tls, tokenFile, maxBodyBytes, rateLimit, rateBurst, requestTimeout,
                connections);
    }

    /** The same settings with another request timeout (also the longest {@code /invoke} wait). */
    public ServerConfig withRequestTimeout(Duration timeout) {
        return new ServerConfig(bind, port, tls, tokenFile, maxBodyBytes, rateLimit, rateBurst, timeout, maxConnections);
    }

    /** The same settings with another token file and TLS. */
    public ServerConfig with(Path newTokenFile, TlsConfig newTls) {
        return new ServerConfig(bind, port, newTls, newTokenFile, maxBodyBytes, rateLimit, rateBurst, requestTimeout, maxConnections);
    }

    /**
     * Why these settings may not be used to listen, or empty when they may: a bind address that is not
     * loopback needs TLS, and an address must resolve.
     */
    public Optional<String> bindProblem() {
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            return Optional.of("bind address \"" + bind + "\" does not resolve to an address of this machine");
        }
        if (!address.isLoopbackAddress() && !tls.enabled()) {
            return Optional.of("refusing to listen on " + bind + " without TLS: an address other than loopback"
                    + " needs server.tls.keystore and server.tls.password_file (or bind 127.0.0.1)");
        }
        if (tls.enabled() && tls.passwordFile().isEmpty()) {
            return Optional.of("server.tls.keystore is set but server.tls.password_file is not;"
                    + " the keystore password is read from that file");
        }
        return Optional.empty();
    }
}
