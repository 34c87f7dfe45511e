package org.dang.engine.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dang.engine.Engine;
import org.dang.engine.access.Role;
import org.dang.engine.config.ConfigException;
import org.dang.engine.config.ConfigLoader;
import org.dang.engine.config.DangConfig;
import org.dang.engine.config.ServerConfig;
import org.dang.engine.store.AuditEvent;

/** TLS, the loopback rule and per-token rate limits, over real connections. */
class ApiServerSecurityTest {

    @TempDir
    Path dir;

    Engine engine;
    String token;

    @BeforeEach
    void open() throws Exception {
        engine = Engine.open(DangConfig.defaults().withStore(dir.resolve("decisions")));
        token = new TokenFile(dir.resolve("tokens")).add("op.lee", Role.OPERATOR);
    }

    @AfterEach
    void close() {
        engine.close();
    }

    private ServerConfig loopback() {
        return ServerConfig.defaults().listeningOn("127.0.0.1", 0)
                .with(dir.resolve("tokens"), ServerConfig.TlsConfig.none());
    }

    /** A PKCS#12 keystore with a self-signed key for 127.0.0.1, made by the JDK's keytool. */
    private Path keystore(String password) throws Exception {
        Path ks = dir.resolve("server.p12");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "dang", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", ks.toString(), "-storepass", password, "-keypass", password)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
        return ks;
    }

    private static HttpClient trusting(Path ks, String password) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(ks)) {
            trust.load(in, password.toCharArray());
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(ssl).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    @Test
    void tlsServesOverHttpsWithTheKeystore() throws Exception {
        Path ks = keystore("s3cret-pw");
        Path pw = Files.writeString(dir.resolve("keystore.pw"), "s3cret-pw\n");
        ServerConfig tls = loopback().with(dir.resolve("tokens"),
                new ServerConfig.TlsConfig(Optional.of(ks), Optional.of(pw)));
        try (ApiServer server = ApiServer.start(engine, tls, new ModuleRequests())) {
            assertEquals("https", server.uri().getScheme());
            ApiClient api = new ApiClient(server.uri(), trusting(ks, "s3cret-pw"));
            ApiClient.Answer a = api.get("/status", token);
            assertEquals(200, a.status(), a.raw().body());
            assertEquals("OK", a.json().path("status").asText());
            assertEquals(401, api.get("/status", null).status());
            // A client that does not trust the certificate cannot talk to it.
            ApiClient untrusting = new ApiClient(server.uri());
            assertThrows(javax.net.ssl.SSLHandshakeException.class, () -> untrusting.get("/status", token));
        }
    }

    @Test
    void aWrongKeystorePasswordIsAClearError() throws Exception {
        Path ks = keystore("right-pw");
        Path pw = Files.writeString(dir.resolve("keystore.pw"), "wrong-pw\n");
        ServerConfig tls = loopback().with(dir.resolve("tokens"),
                new ServerConfig.TlsConfig(Optional.of(ks), Optional.of(pw)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ApiServer.start(engine, tls, new ModuleRequests()));
        assertTrue(e.getMessage().contains("cannot use server.tls.keystore") && e.getMessage().contains("password"),
                e.getMessage());
    }

    @Test
    void nonLoopbackWithoutTlsIsRefusedByTheServerAndTheConfigLoader() throws Exception {
        for (String bind : List.of("0.0.0.0", "::")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ApiServer.start(engine, loopback().listeningOn(bind, 0), new ModuleRequests()));
            assertTrue(e.getMessage().contains("refusing to listen on " + bind + " without TLS"), e.getMessage());
        }
        ConfigException c = assertThrows(ConfigException.class, () -> ConfigLoader.parse(
                "server:\n  port: 9000\n  bind: 0.0.0.0\n", "site.yaml"));
        assertEquals(1, c.problems().size());
        assertEquals("server.bind", c.problems().getFirst().key());
        assertEquals(3, c.problems().getFirst().line());
        assertTrue(c.getMessage().startsWith("site.yaml:3: server.bind: refusing to listen on 0.0.0.0 without TLS"),
                c.getMessage());
        ConfigException half = assertThrows(ConfigException.class, () -> ConfigLoader.parse(
                "server:\n  bind: 0.0.0.0\n  tls:\n    keystore: /etc/dang/server.p12\n", "site.yaml"));
        assertTrue(half.getMessage().contains("password_file"), half.getMessage());
        // With TLS, any address is allowed.
        DangConfig ok = ConfigLoader.parse("server:\n  bind: 0.0.0.0\n  tls:\n    keystore: /etc/dang/server.p12\n"
                + "    password_file: /etc/dang/keystore.pw\n", "site.yaml");
        assertEquals(Path.of("/etc/dang/server.p12"), ok.server().tls().keystore().orElseThrow());
    }

    @Test
    void serverSectionValuesAreCheckedWithKeyAndLine() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse("""
                server:
                  port: 70000
                  max_body_bytes: 10
                  rate_limit: 0
                  request_timeout: forever
                  colour: blue
                """, "s.yaml"));
        String m = e.getMessage();
        assertTrue(m.contains("s.yaml:2: server.port: value 70000 is out of range; allowed 0 to 65535"), m);
        assertTrue(m.contains("s.yaml:3: server.max_body_bytes"), m);
        assertTrue(m.contains("s.yaml:4: server.rate_limit"), m);
        assertTrue(m.contains("s.yaml:5: server.request_timeout"), m);
        assertTrue(m.contains("s.yaml:6: server.colour: unknown key"), m);
    }

    @Test
    void eachTokenIsRateLimitedWithRetryAfter() throws Exception {
        String other = new TokenFile(dir.resolve("tokens")).add("eng.kim", Role.ENGINEER);
        try (ApiServer server = ApiServer.start(engine, loopback().withRateLimit(0.5, 3), new ModuleRequests())) {
            ApiClient api = new ApiClient(server.uri());
            for (int i = 0; i < 3; i++) {
                assertEquals(200, api.get("/status", token).status(), "burst request " + i);
            }
            ApiClient.Answer limited = api.get("/status", token);
            assertEquals(429, limited.status());
            assertEquals("rate_limited", limited.error());
            long retry = Long.parseLong(limited.raw().headers().firstValue("Retry-After").orElseThrow());
            assertTrue(retry >= 1 && retry <= 2, "Retry-After " + retry);
            assertEquals(200, api.get("/status", other).status(), "another token has its own bucket");
        }
    }
    private List<AuditEvent> refusals() {
        return engine.store().auditTrail(1000).stream().filter(e -> e.action().equals("refused_request")).toList();
    }

    @Test
    void writesRefusedBeforeTheirEndpointAreAuditedWithWhoWhatAndWhere() throws Exception {
        try (ApiServer server = ApiServer.start(engine, loopback().withRateLimit(1000, 1000), new ModuleRequests())) {
            ApiClient api = new ApiClient(server.uri());
            assertEquals(401, api.post("/orchestrate", null, "{}").status());
            assertEquals(401, api.post("/invoke/forecasting", "not-a-token", "{}").status());
            assertEquals(401, api.get("/status", null).status(), "a refused read");
            String big = "{\"description\":\"" + "x".repeat(1_100_000) + "\"}"; // over max_body_bytes (1 MiB)
            assertEquals(413, api.post("/orchestrate", token, big).status());

            List<AuditEvent> audited = refusals();
            assertEquals(3, audited.size(), "reads are not audited: " + audited);
            AuditEvent oversize = audited.get(0);
            assertEquals("op.lee", oversize.actor());
            assertEquals("operator", oversize.role());
            assertEquals("POST /orchestrate", oversize.target());
            assertEquals("REJECTED", oversize.result());
            assertTrue(oversize.detail().startsWith("body_too_large: "), oversize.detail());
            AuditEvent badToken = audited.get(1);
            assertEquals("(no valid token)", badToken.actor());
            assertEquals("POST /invoke/forecasting", badToken.target());
            assertEquals("DENIED", badToken.result());
            assertTrue(badToken.origin().startsWith("api 127.0.0.1:"), badToken.origin());
            assertTrue(badToken.detail().startsWith("invalid_token: "), badToken.detail());
            assertTrue(audited.get(2).detail().startsWith("missing_token: "), audited.get(2).detail());
        }
    }

    @Test
    void aRateLimitedWriteIsAuditedAndAFloodOfRefusalsIsCountedNotLost() throws Exception {
        try (ApiServer server = ApiServer.start(engine, loopback().withRateLimit(0.5, 3), new ModuleRequests())) {
            ApiClient api = new ApiClient(server.uri());
            for (int i = 0; i < 3; i++) {
                api.get("/status", token);
            }
            assertEquals(429, api.post("/orchestrate", token, "{}").status());
            AuditEvent limited = refusals().getFirst();
            assertEquals("op.lee", limited.actor());
            assertEquals("DENIED", limited.result());
            assertTrue(limited.detail().startsWith("rate_limited: "), limited.detail());

            for (int i = 0; i < 10; i++) {
                assertEquals(401, api.post("/orchestrate", "forged-" + i, "{}").status());
            }
            // The audit bucket of this address held 3 and the 429 took one: two forged writes audited, 8 counted.
            assertEquals(3, refusals().size(), "audited at the rate limit: " + refusals());
            Thread.sleep(2_100);
            assertEquals(401, api.post("/orchestrate", "forged-last", "{}").status());
            String detail = refusals().getFirst().detail();
            assertTrue(detail.contains("(8 more refused writes from 127.0.0.1 were not audited"), detail);
        }
    }
}
