package org.dang.engine.client.remote;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.stream.Stream;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;

import com.fasterxml.jackson.databind.JsonNode;

import org.dang.engine.access.AccessDeniedException;
import org.dang.engine.json.Json;

/**
 * JSON over HTTP(S) to a remote engine with the bearer token: one {@link HttpClient} (HTTP/1.1, TLS with
 * the configured truststore), errors turned into exceptions that carry the server's own words.
 */
final class EngineHttp {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final RemoteSettings settings;
    private final HttpClient http;

    EngineHttp(RemoteSettings settings) {
        this.settings = settings;
        HttpClient.Builder b = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT);
        if (settings.truststore().isPresent()) {
            b.sslContext(sslContext(settings.truststore().get(), settings.truststorePasswordFile().map(
                    RemoteSettings::firstLine).orElse(null)));
        }
        this.http = b.build();
    }

    /** An SSL context trusting exactly the certificates in {@code truststore}. */
    static SSLContext sslContext(Path truststore, String password) {
        try (InputStream in = Files.newInputStream(truststore)) {
            KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
            ks.load(in, password == null ? null : password.toCharArray());
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, tmf.getTrustManagers(), null);
            return ssl;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot use console.truststore " + truststore + ": " + e.getMessage()
                    + " (a PKCS#12 or JKS file with the site CA; is console.truststore_password_file right?)", e);
        }
    }

    URI engine() {
        return settings.engine();
    }

    HttpClient client() {
        return http;
    }

    HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(settings.engine().resolve(pathAndQuery))
                .header("Authorization", "Bearer " + settings.token());
    }

    /** GET {@code pathAndQuery} as JSON. */
    JsonNode get(String pathAndQuery) {
        return get(pathAndQuery, REQUEST_TIMEOUT);
    }

    /** GET with a longer timeout, for answers the engine may have to build first. */
    JsonNode get(String pathAndQuery, Duration timeout) {
        return send("GET " + pathAndQuery, request(pathAndQuery).timeout(timeout).GET().build());
    }

    /** POST {@code body} (written as JSON) to {@code pathAndQuery}. */
    JsonNode post(String pathAndQuery, Object body) {
        return post(pathAndQuery, body, REQUEST_TIMEOUT);
    }

    /** POST with a longer timeout, for module runs the server waits on. */
    JsonNode post(String pathAndQuery, Object body, Duration timeout) {
        return send("POST " + pathAndQuery, request(pathAndQuery).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body))).build());
    }

    /** PATCH {@code body} (written as JSON) to {@code pathAndQuery}. */
    JsonNode patch(String pathAndQuery, Object body) {
        return send("PATCH " + pathAndQuery, request(pathAndQuery).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(Json.write(body))).build());
    }

    /** DELETE {@code pathAndQuery}. */
    JsonNode delete(String pathAndQuery) {
        return send("DELETE " + pathAndQuery, request(pathAndQuery).timeout(REQUEST_TIMEOUT).DELETE().build());
    }

    private JsonNode send(String what, HttpRequest request) {
        HttpResponse<String> r;
        try {
            r = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw unreachable(what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteEngineException(0, "interrupted", what + " to " + engine() + " was interrupted", e);
        }
        JsonNode json;
        try {
            json = r.body().isEmpty() ? Json.mapper().nullNode() : Json.mapper().readTree(r.body());
        } catch (IOException e) {
            throw new RemoteEngineException(r.statusCode(), "not_json", what + " to " + engine() + ": the answer ("
                    + r.statusCode() + ") is not JSON; is this a dang engine?", e);
        }
        if (r.statusCode() / 100 == 2) {
            return json;
        }
        throw refusal(r.statusCode(), json);
    }

    /**
     * The engine's refusal with HTTP {@code status} and error {@code body} in its own words: an
     * {@link AccessDeniedException} for 403, else a {@link RemoteEngineException} carrying the status.
     */
    RuntimeException refusal(int status, String body) {
        JsonNode json;
        try {
            json = body.isBlank() ? Json.mapper().nullNode() : Json.mapper().readTree(body);
        } catch (IOException e) {
            json = Json.mapper().createObjectNode().put("detail", "HTTP " + status + ": " + body.strip());
        }
        return refusal(status, json);
    }

    private RuntimeException refusal(int status, JsonNode json) {
        String detail = json.path("detail").asText("HTTP " + status);
        if (status == 403) {
            return new AccessDeniedException(detail);
        }
        return new RemoteEngineException(status, json.path("error").asText("http_" + status),
                status == 401 ? "the engine at " + engine() + " refused this console's token: " + detail : detail,
                null, json.path("field").isTextual() ? json.path("field").asText() : null);
    }

    /** The transport failure in words an operator or site IT can act on. */
    RemoteEngineException unreachable(String what, IOException e) {
        Throwable root = Stream.iterate((Throwable) e, t -> t.getCause() != null && t.getCause() != t,
                Throwable::getCause).reduce((a, b) -> b).orElse(e);
        String why;
        if (e instanceof HttpConnectTimeoutException) {
            why = "no answer within " + CONNECT_TIMEOUT.toSeconds() + " s";
        } else if (e instanceof ConnectException || root instanceof ConnectException) {
            why = "connection refused (is dang serve running there?)";
        } else if (e instanceof SSLHandshakeException || root instanceof java.security.cert.CertificateException
                || String.valueOf(root.getMessage()).contains("PKIX")) {
            why = "TLS handshake failed: " + root.getMessage() + " (set console.truststore to the site CA or the"
                    + " server's certificate)";
        } else {
            why = e.getClass().getSimpleName() + ": " + (e.getMessage() == null ? root : e.getMessage());
        }
        return new RemoteEngineException(0, "unreachable", what + ": cannot reach the engine at " + engine() + ": "
                + why, e);
    }
}
