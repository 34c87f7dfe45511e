package org.dang.engine.server;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.dang.engine.Engine;
import org.dang.engine.alarm.AlarmSnapshot;
import org.dang.engine.config.LlmConfig;
import org.dang.engine.coordinator.ModuleLoad;
import org.dang.engine.coordinator.ModuleRunEvent;
import org.dang.engine.coordinator.ModuleRunListener;
import org.dang.engine.module.ModuleName;
import org.dang.engine.plant.PlantDataSource;
import org.dang.engine.store.StoredDecision;

/**
 * What {@code GET /status} reports, assembled only from samples taken on background threads and from
 * the last module-run events: answering never waits on a module lane, the store or the alarm board.
 */
final class StatusBoard implements AutoCloseable {

    /** How often each part is read. */
    static final long SAMPLE_MILLIS = 1000;
    /** A sample older than this means the part stopped answering. */
    static final Duration STALE_AFTER = Duration.ofSeconds(5);

    private final Engine engine;
    private final ModuleRequests requests;
    private final EventHub events;
    private final InstantSource clock;
    private final Instant started;
    private final HealthSampler<Map<ModuleName, ModuleLoad>> modules;
    private final HealthSampler<Map<String, Object>> store;
    private final HealthSampler<Map<String, Object>> plant;
    private final Map<ModuleName, ModuleRunEvent> lastEnd = new ConcurrentHashMap<>();
    private final ModuleRunListener runs = e -> {
        if (e instanceof ModuleRunEvent.Succeeded || e instanceof ModuleRunEvent.Failed
                || e instanceof ModuleRunEvent.Cancelled) {
            lastEnd.put(e.module(), e);
        }
    };

    StatusBoard(Engine engine, ModuleRequests requests, EventHub events, InstantSource clock) {
        this.engine = engine;
        this.requests = requests;
        this.events = events;
        this.clock = clock;
        this.started = clock.instant();
        engine.modules().addListener(runs);
        this.modules = new HealthSampler<>("modules", this::readModules, SAMPLE_MILLIS, clock).start();
        this.store = new HealthSampler<>("store", this::readStore, SAMPLE_MILLIS, clock).start();
        this.plant = new HealthSampler<>("plant", this::readPlant, SAMPLE_MILLIS, clock).start();
    }

    private Map<ModuleName, ModuleLoad> readModules() {
        Map<ModuleName, ModuleLoad> loads = new EnumMap<>(ModuleName.class);
        for (ModuleName m : ModuleName.values()) {
            loads.put(m, engine.modules().load(m));
        }
        return loads;
    }

    private Map<String, Object> readStore() {
        // A real read through H2 (it waits for the writer), not just a counter; the newest row by seq, since
        // counting read every decision each second (4 % of the CPU under /orchestrate load, docs/benchmarks.md).
        Optional<StoredDecision> latest = engine.store().newest();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("path", engine.store().path().toString());
        m.put("decisions", latest.map(StoredDecision::seq).orElse(0L));
        m.put("latest_decision", latest.map(d -> d.decision().time()).orElse(null));
        m.put("durable", engine.store().durableCommits());
        return m;
    }

    private Map<String, Object> readPlant() {
        Map<String, Object> m = new LinkedHashMap<>();
        PlantDataSource source = engine.plant().source();
        m.put("source", source == null ? null : source.name());
        m.put("tags", source == null ? 0 : source.tags().size());
        m.put("scans", engine.plant().scanCount());
        m.put("problems", engine.plant().problemCount());
        AlarmSnapshot alarms = engine.alarms().map(b -> b.snapshot()).orElse(null);
        if (alarms != null) {
            m.put("alarms_unacknowledged", alarms.unacknowledged());
            m.put("alarms_shelved", alarms.shelved());
            m.put("alarm_flood", alarms.flood());
        }
        return m;
    }

    /** The status document. */
    Map<String, Object> snapshot() {
        Instant now = clock.instant();
        List<String> problems = new ArrayList<>();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("status", "OK");
        doc.put("time", now);
        Map<String, Object> engineDoc = new LinkedHashMap<>();
        engineDoc.put("state", "RUNNING");
        engineDoc.put("started", started);
        engineDoc.put("uptime_s", Duration.between(started, now).toSeconds());
        engineDoc.put("event_clients", events.subscribers());
        doc.put("engine", engineDoc);
        doc.put("data_source", part("data_source", plant.last(), now, problems, v -> {
            Map<String, Object> m = new LinkedHashMap<>(v);
            m.put("state", v.get("source") == null ? "NONE" : "ATTACHED");
            return m;
        }));
        doc.put("modules", modulesPart(modules.last(), now, problems));
        doc.put("llm", llmPart());
        doc.put("store", part("store", store.last(), now, problems, v -> {
            Map<String, Object> m = new LinkedHashMap<>(v);
            m.put("state", "OK");
            return m;
        }));
        if (!problems.isEmpty()) {
            doc.put("status", "DEGRADED");
        }
        doc.put("problems", problems);
        return doc;
    }

    private <T> Map<String, Object> part(String name, Sample<T> s, Instant now, List<String> problems,
                                         Function<T, Map<String, Object>> render) {
        Map<String, Object> m = new LinkedHashMap<>();
        Duration age = Duration.between(s.at(), now);
        if (s.error() != null) {
            problems.add(name + ": " + s.error());
            m.put("state", "ERROR");
            m.put("detail", s.error());
        } else {
            m.putAll(render.apply(s.value()));
        }
        if (age.compareTo(STALE_AFTER) > 0) {
            problems.add(name + ": not answered for " + age.toSeconds() + " s");
            m.put("state", "STALE");
        }
        m.put("sampled_at", s.at());
        return m;
    }

    private List<Map<String, Object>> modulesPart(Sample<Map<ModuleName, ModuleLoad>> s, Instant now,
                                                  List<String> problems) {
        Set<ModuleName> installed = engine.installedModules();
        boolean stale = Duration.between(s.at(), now).compareTo(STALE_AFTER) > 0;
        if (stale) {
            problems.add("modules: load not answered for " + Duration.between(s.at(), now).toSeconds() + " s");
        }
        List<Map<String, Object>> list = new ArrayList<>();
        for (ModuleName name : ModuleName.values()) {
            Map<String, Object> m = new LinkedHashMap<>();
            boolean enabled = engine.config().modules().of(name).enabled();
            m.put("module", name.key());
            m.put("installed", installed.contains(name));
            m.put("enabled", enabled);
            m.put("invocable", installed.contains(name) && enabled && requests.entry(name).isPresent());
            ModuleLoad load = s.value() == null ? null : s.value().get(name);
            if (load != null) {
                m.put("queue_depth", load.queueDepth());
                m.put("queue_capacity", load.queueCapacity());
                m.put("running", load.running());
                m.put("workers", load.workers());
                m.put("waiting_retry", load.waitingRetry());
                m.put("last_success", load.lastSuccess().orElse(null));
            }
            ModuleRunEvent end = lastEnd.get(name);
            m.put("last_run", end == null ? null : lastRun(end));
            m.put("state", stale ? "STALE" : !installed.contains(name) ? "NOT_INSTALLED" : !enabled ? "DISABLED"
                    : end instanceof ModuleRunEvent.Failed ? "LAST_RUN_FAILED" : "READY");
            m.put("sampled_at", s.at());
            list.add(m);
        }
        return list;
    }

    private static Map<String, Object> lastRun(ModuleRunEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("run_id", e.runId());
        m.put("time", e.time());
        switch (e) {
            case ModuleRunEvent.Succeeded s -> {
                m.put("status", "COMPLETED");
                m.put("detail", s.result().summary());
            }
            case ModuleRunEvent.Failed f -> {
                m.put("status", "FAILED");
                m.put("detail", f.cause());
            }
            case ModuleRunEvent.Cancelled c -> {
                m.put("status", "CANCELLED");
                m.put("detail", c.reason());
            }
            default -> m.put("status", e.getClass().getSimpleName().toUpperCase(Locale.ROOT));
        }
        return m;
    }

    /** The configured LLM backends; the LLM layer is not in this build, so none is reachable yet. */
    private Map<String, Object> llmPart() {
        LlmConfig llm = engine.config().orchestrator().llm();
        List<Map<String, Object>> backends = new ArrayList<>();
        llm.sagemakerEndpoint().ifPresent(e -> backends.add(Map.of("kind", "sagemaker", "target", e,
                "state", "UNAVAILABLE", "detail", "no LLM backend is part of this build; the rules decide")));
        llm.hfModelPath().ifPresent(p -> backends.add(Map.of("kind", "local", "target", p,
                "state", "UNAVAILABLE", "detail", "no LLM backend is part of this build; the rules decide")));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("state", backends.isEmpty() ? "NONE_CONFIGURED" : "UNAVAILABLE");
        m.put("model", llm.model());
        m.put("backends", backends);
        return m;
    }

    @Override
    public void close() {
        engine.modules().removeListener(runs);
        modules.close();
        store.close();
        plant.close();
    }
}
