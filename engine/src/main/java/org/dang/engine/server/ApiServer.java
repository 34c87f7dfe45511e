package org.dang.engine.server;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import org.dang.engine.DecisionListener;
import org.dang.engine.Engine;
import org.dang.engine.access.AccessDeniedException;
import org.dang.engine.access.User;
import org.dang.engine.alarm.AlarmListener;
import org.dang.engine.config.ServerConfig;
import org.dang.engine.coordinator.ModuleRunEvent;
import org.dang.engine.coordinator.ModuleRunListener;
import org.dang.engine.json.Json;
import org.dang.engine.store.AdviceRecord;
import org.dang.engine.store.DecisionExport;
import org.dang.engine.store.StoreException;

/**
 * The engine's HTTP API on the JDK's own server ({@code jdk.httpserver}; docs/server.md says why):
 * one virtual thread per request, bearer tokens with the console's role rules, per-token rate
 * limits, bounded bodies, strict JSON, HTTPS from a keystore, loopback only without it.
 */
public final class ApiServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ApiServer.class.getName());

    private final Engine engine;
    private final ServerConfig config;
    private final TokenFile tokens;
    private final RateLimiter limiter;
    private final RefusedWrites refusedWrites;
    private final EventHub events = new EventHub();
    private final StatusBoard status;
    private final List<Route> routes;
    private final HttpServer server;
    private final ExecutorService executor;
    private final DecisionListener decisionEvents;
    private final AlarmListener alarmEvents;
    private final ModuleRunListener runEvents;
    private final AdviceEvents adviceEvents;
    private final TagEvents tagEvents;

    private ApiServer(Engine engine, ServerConfig config, ModuleRequests requests, HttpServer server,
                      Optional<Path> configFile) {
        this.engine = engine;
        this.config = config;
        this.server = server;
        InstantSource clock = InstantSource.system();
        this.tokens = new TokenFile(config.tokenFile());
        this.limiter = new RateLimiter(config.rateLimit(), config.rateBurst(), System::nanoTime);
        this.refusedWrites = new RefusedWrites(engine.store(), clock,
                new RateLimiter(config.rateLimit(), config.rateBurst(), System::nanoTime));
        this.status = new StatusBoard(engine, requests, events, clock);
        byte[] openApi = openApiDocument();
        AlarmsRoute alarms = new AlarmsRoute(engine);
        ProposalsRoute proposals = new ProposalsRoute(engine);
        TagsRoute tags = new TagsRoute(engine);
        ModuleRunsRoute runs = new ModuleRunsRoute(engine);
        AdvisorRoute advisor = new AdvisorRoute(engine);
        ConfigRoute configuration = new ConfigRoute(engine, configFile);
        ChatRoute chat = new ChatRoute(engine);
        this.routes = List.of(
                new Route("POST", "/orchestrate", true, new OrchestrateRoute(engine, clock)),
                new Route("GET", "/status", true, (call, user) -> {
                    call.query(Set.of());
                    call.json(200, status.snapshot());
                }),
                new Route("POST", "/invoke/{module}", true, new InvokeRoute(engine, requests, config.requestTimeout())),
                new Route("GET", "/decisions", true, new DecisionsRoute(engine.store())),
                new Route("GET", "/events", true, new EventsRoute(events)),
                new Route("GET", "/alarms", true, alarms::list),
                new Route("POST", "/alarms/{id}/acknowledge", true, alarms::acknowledge),
                new Route("POST", "/alarms/{id}/shelve", true, alarms::shelve),
                new Route("POST", "/alarms/{id}/unshelve", true, alarms::unshelve),
                new Route("GET", "/optimization/proposals", true, proposals::list),
                new Route("POST", "/optimization/proposals/{id}/approve", true, proposals::approve),
                new Route("POST", "/optimization/proposals/{id}/reject", true, proposals::reject),
                new Route("GET", "/whoami", true, this::whoami),
                new Route("GET", "/tags", true, tags::list),
                new Route("GET", "/tags/{tag}/history", true, tags::history),
                new Route("GET", "/market/crack_spread", true, new MarketRoute(engine)),
                new Route("GET", "/modules/runs", true, runs::list),
                new Route("POST", "/modules/runs/{id}/cancel", true, runs::cancel),
                new Route("GET", "/situations/{hash}", true, this::situation),
                new Route("GET", "/decisions/{id}/advice", true, this::advice),
                new Route("GET", "/advisor/pending", true, advisor::pending),
                new Route("POST", "/advisor/ask", true, advisor::ask),
                new Route("GET", "/config", true, configuration::read),
                new Route("PATCH", "/config", true, configuration::change),
                new Route("POST", "/chat/ask", true, chat.new Ask()),
                new Route("GET", "/chat/history", true, chat::history),
                new Route("DELETE", "/chat/history", true, chat::clear),
                new Route("GET", "/openapi.json", false, (call, user) -> call.json(200, openApi)));
        this.decisionEvents = recorded -> {
            if (events.hasSubscribers()) {
                recorded.forEach(d -> events.publish("decision", Json.write(DecisionExport.fields(d))));
            }
        };
        this.alarmEvents = e -> events.publish("alarm", Json.write(e));
        this.runEvents = e -> {
            if (!(e instanceof ModuleRunEvent.Progress) && events.hasSubscribers()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("run_id", e.runId());
                m.put("module", e.module());
                m.put("priority", e.priority());
                m.put("time", e.time());
                m.put("event", e.getClass().getSimpleName().toUpperCase(Locale.ROOT));
                events.publish("module_run", Json.write(m));
            }
        };
        this.tagEvents = new TagEvents(engine.plant().tags(), engine::anomalies, events, TagEvents.PERIOD);
        engine.addDecisionListener(decisionEvents);
        engine.plant().addListener(tagEvents);
        engine.alarms().ifPresent(b -> b.addListener(alarmEvents));
        engine.modules().addListener(runEvents);
        this.adviceEvents = new AdviceEvents(events);
        engine.addAdviceListener(adviceEvents);
        this.executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("api-request-", 0).factory());
        server.setExecutor(executor);
        server.createContext("/", this::dispatch);
    }

    /**
     * Starts serving {@code engine} as {@code config} says.
     *
     * @throws IllegalArgumentException when the settings may not be used (a non-loopback bind without TLS,
     *                                  an unreadable keystore), with the reason
     * @throws IOException              when the address cannot be bound (e.g. the port is taken)
     */
    public static ApiServer start(Engine engine, ServerConfig config, ModuleRequests requests) throws IOException {
        return start(engine, config, requests, Optional.empty());
    }

    /**
     * Starts serving {@code engine}; {@code PATCH /config} writes {@code configFile} (without one it answers
     * 409 {@code no_config_file}).
     *
     * @throws IllegalArgumentException as {@link #start(Engine, ServerConfig, ModuleRequests)}
     * @throws IOException              when the address cannot be bound
     */
    public static ApiServer start(Engine engine, ServerConfig config, ModuleRequests requests,
                                  Optional<Path> configFile) throws IOException {
        config.bindProblem().ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
        tuneJdkServer(config);
        InetSocketAddress address = new InetSocketAddress(config.bind(), config.port());
        HttpServer server;
        if (config.tls().enabled()) {
            HttpsServer https = HttpsServer.create(address, 256);
            https.setHttpsConfigurator(new HttpsConfigurator(sslContext(config.tls())));
            server = https;
        } else {
            server = HttpServer.create(address, 256);
        }
        ApiServer api = new ApiServer(engine, config, requests, server, configFile);
        server.start();
        return api;
    }

    /**
     * The JDK server reads its limits from system properties once, when its first instance starts; set
     * the ones that matter unless the operator set them on the command line.
     */
    private static void tuneJdkServer(ServerConfig config) {
        // Small answers on kept-alive connections must not wait for Nagle's algorithm.
        System.getProperties().putIfAbsent("sun.net.httpserver.nodelay", "true");
        // A client that sends its request too slowly (slowloris) is cut off after the request timeout.
        // In seconds: JDK 25's ServerImpl multiplies it by 1000, although the module documentation says
        // milliseconds (checked against a client that stops sending; see docs/server.md).
        System.getProperties().putIfAbsent("sun.net.httpserver.maxReqTime",
                Long.toString(Math.max(1, config.requestTimeout().toSeconds())));
        System.getProperties().putIfAbsent("sun.net.httpserver.maxReqHeaders", "100");
        // The JDK server closes a connection accepted beyond this many open ones (it reads the property once
        // per process, when its first server starts; dang serve runs one server per process).
        String limit = Integer.toString(config.maxConnections());
        Object set = System.getProperties().putIfAbsent("jdk.httpserver.maxConnections", limit);
        if (set != null && !set.equals(limit)) {
            LOG.log(System.Logger.Level.WARNING, "jdk.httpserver.maxConnections=" + set + " (set on the command line"
                    + " or by an earlier server in this process) applies, not server.max_connections " + limit);
        }
    }

    private static SSLContext sslContext(ServerConfig.TlsConfig tls) {
        Path keystore = tls.keystore().orElseThrow();
        Path passwordFile = tls.passwordFile().orElseThrow();
        char[] password;
        try {
            List<String> lines = Files.readAllLines(passwordFile);
            password = (lines.isEmpty() ? "" : lines.getFirst()).toCharArray();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read server.tls.password_file " + passwordFile + ": "
                    + e.getMessage(), e);
        }
        try {
            KeyStore ks = KeyStore.getInstance(keystore.toFile(), password);
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, password);
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(kmf.getKeyManagers(), null, null);
            return ssl;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot use server.tls.keystore " + keystore + ": " + e.getMessage()
                    + " (is it a PKCS#12 or JKS keystore, and is the password in " + passwordFile + " right?)", e);
        }
    }

    private static byte[] openApiDocument() {
        try (InputStream in = ApiServer.class.getResourceAsStream("openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("openapi.json is missing from the engine jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read openapi.json from the engine jar: " + e.getMessage(), e);
        }
    }

    private void dispatch(HttpExchange exchange) {
        HttpCall call = new HttpCall(exchange, config.maxBodyBytes());
        boolean streaming = false;
        User user = null;
        try {
            Route route = route(call);
            if (route.authenticated()) {
                ApiToken token = token(call);
                user = new User(token.user(), token.role(), "api " + call.remote());
                throttle(token);
            }
            streaming = route.handler() instanceof EventsRoute || route.handler() instanceof ChatRoute.Ask;
            route.handler().handle(call, user);
        } catch (ApiException e) {
            refusedWrites.refused(call, user, e);
            answer(call, e);
        } catch (AccessDeniedException e) {
            answer(call, new ApiException(403, "forbidden", null, e.getMessage()));
        } catch (StoreException e) {
            LOG.log(System.Logger.Level.ERROR, "store failure serving " + exchange.getRequestURI() + ": " + e, e);
            answer(call, new ApiException(503, "store_unavailable", null, e.getMessage()));
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "client went away: " + e);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "internal error serving " + exchange.getRequestURI() + ": " + e, e);
            answer(call, new ApiException(500, "internal_error", null, "internal error: " + e));
        } finally {
            if (!streaming) {
                exchange.close();
            }
        }
    }

    private Route route(HttpCall call) {
        List<Route> onPath = routes.stream().filter(r -> r.matches(call.segments())).toList();
        if (onPath.isEmpty()) {
            throw new ApiException(404, "not_found", null, "no endpoint " + call.exchange().getRequestURI().getPath()
                    + "; see /openapi.json");
        }
        String allowed = onPath.stream().map(Route::method).distinct().collect(java.util.stream.Collectors.joining(", "));
        return onPath.stream().filter(r -> r.method().equals(call.method())).findFirst().orElseThrow(() ->
                new ApiException(405, "method_not_allowed", null, call.method() + " is not allowed on "
                        + onPath.getFirst().path() + "; use " + allowed, Map.of("Allow", allowed)));
    }

    /** The known token the request carries. */
    private ApiToken token(HttpCall call) {
        String header = call.header("Authorization");
        if (header == null || header.isBlank()) {
            throw new ApiException(401, "missing_token", "Authorization", "this endpoint needs a bearer token:"
                    + " Authorization: Bearer <token> (issue one with dang token add)",
                    Map.of("WWW-Authenticate", "Bearer realm=\"dang\""));
        }
        if (header.length() < 8 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new ApiException(401, "invalid_token", "Authorization", "the Authorization header must be"
                    + " \"Bearer <token>\"", Map.of("WWW-Authenticate", "Bearer realm=\"dang\", error=\"invalid_request\""));
        }
        return tokens.find(header.substring(7).strip()).orElseThrow(() -> new ApiException(401,
                "invalid_token", "Authorization", "the bearer token is not known (revoked, or from another token file)",
                Map.of("WWW-Authenticate", "Bearer realm=\"dang\", error=\"invalid_token\"")));
    }

    /** Takes one request from {@code token}'s bucket. */
    private void throttle(ApiToken token) {
        OptionalLong wait = limiter.acquire(token.hash());
        if (wait.isPresent()) {
            throw new ApiException(429, "rate_limited", null, "more than " + config.rateLimit()
                    + " requests per second (burst " + config.rateBurst() + ") for this token; retry after "
                    + wait.getAsLong() + " s", Map.of("Retry-After", Long.toString(wait.getAsLong())));
        }
    }

    /**
     * {@code GET /whoami}: who the bearer token speaks for, so a remote console signs in as that user, and
     * the longest {@code /invoke} wait this server accepts, so it never asks for more.
     */
    private void whoami(HttpCall call, User user) throws IOException {
        call.query(Set.of());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("user", user.name());
        m.put("role", user.role());
        m.put("origin", user.origin());
        m.put("max_wait_s", config.requestTimeout().toSeconds());
        call.json(200, m);
    }

    /** {@code GET /situations/{hash}}: the stored inputs of a decision, as its situation_hash names them. */
    private void situation(HttpCall call, User user) throws IOException {
        call.query(Set.of());
        String hash = call.segments()[1];
        if (!hash.matches("[0-9a-f]{64}")) {
            throw ApiException.invalid("hash", "\"" + hash + "\" is not a situation hash (64 lower-case hex digits)");
        }
        String json = engine.store().situationJson(hash).orElseThrow(() -> new ApiException(404, "unknown_situation",
                "hash", "no situation " + hash + " in this engine's store"));
        call.json(200, json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private void advice(HttpCall call, User user) throws IOException {
        call.query(Set.of());
        String id = call.segments()[1];
        UUID decisionId;
        try {
            decisionId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("id", "\"" + id + "\" is not a decision id (a UUID)");
        }
        AdviceRecord advice = engine.store().adviceFor(decisionId).orElseThrow(() -> new ApiException(404,
                "no_advice", "id", "decision " + id + " was not model-assisted, or is not in this engine's store"));
        call.json(200, Json.write(advice).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static void answer(HttpCall call, ApiException e) {
        try {
            call.error(e);
        } catch (IOException | IllegalStateException io) {
            // The client went away, or the answer had already started: nothing more to say.
        }
    }

    /** The routes, for the OpenAPI test: method and path template of each. */
    public List<Map.Entry<String, String>> routes() {
        return routes.stream().map(r -> Map.entry(r.method(), r.path())).toList();
    }

    /** The base URI, e.g. {@code http://127.0.0.1:8470}. */
    public URI uri() {
        InetSocketAddress a = server.getAddress();
        String host = a.getAddress().getHostAddress();
        return URI.create((config.tls().enabled() ? "https" : "http") + "://"
                + (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort());
    }

    /** The port actually bound (useful with port 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Stops listening, ends the event streams and waits up to a second for requests in flight. */
    @Override
    public void close() {
        engine.removeDecisionListener(decisionEvents);
        engine.alarms().ifPresent(b -> b.removeListener(alarmEvents));
        engine.modules().removeListener(runEvents);
        engine.removeAdviceListener(adviceEvents);
        engine.plant().removeListener(tagEvents);
        tagEvents.close();
        events.close();
        server.stop(1);
        executor.shutdownNow();
        status.close();
    }
}
