package org.dang.engine;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import org.dang.engine.config.DangConfig;
import org.dang.engine.access.Action;
import org.dang.engine.access.AuditedActions;
import org.dang.engine.access.User;
import org.dang.engine.advisor.AdviceDesk;
import org.dang.engine.advisor.AdviceListener;
import org.dang.engine.advisor.AdviceListeners;
import org.dang.engine.advisor.Ambiguity;
import org.dang.engine.advisor.DecisionAdvisor;
import org.dang.engine.advisor.PendingAdvice;
import org.dang.engine.advisor.UrgentDecisions;
import org.dang.engine.alarm.AlarmBoard;
import org.dang.engine.alarm.AlarmBoardConfig;
import org.dang.engine.alarm.AlarmDefinition;
import org.dang.engine.alarm.AlarmDefinitions;
import org.dang.engine.alarm.StoreAlarmJournal;
import org.dang.engine.coordinator.ModuleCoordinator;
import org.dang.engine.coordinator.ModuleRejectedException;
import org.dang.engine.coordinator.ModuleRun;
import org.dang.engine.coordinator.ModuleTimeoutException;
import org.dang.engine.decision.AlertPriority;
import org.dang.engine.decision.Decision;
import org.dang.engine.decision.DecisionAction;
import org.dang.engine.decision.DecisionEngine;
import org.dang.engine.json.Json;
import org.dang.engine.llm.ChatModel;
import org.dang.engine.llm.backend.ChatModelFactory;
import org.dang.engine.llm.backend.LlmSetup;
import org.dang.engine.module.ModuleName;
import org.dang.engine.module.ModuleRequest;
import org.dang.engine.module.ModuleResult;
import org.dang.engine.module.PlantModule;
import org.dang.engine.module.WorkPriority;
import org.dang.engine.module.optimize.ProposalDesk;
import org.dang.engine.monitor.quality.QualityConfig;
import org.dang.engine.monitor.quality.TagQualityMonitor;
import org.dang.engine.plant.DataProblem;
import org.dang.engine.plant.PlantDataListener;
import org.dang.engine.plant.PlantDataSource;
import org.dang.engine.plant.PlantFeed;
import org.dang.engine.plant.PlantScan;
import org.dang.engine.plant.TagDefinition;
import org.dang.engine.plant.TagStore;
import org.dang.engine.situation.MarketQuote;
import org.dang.engine.situation.MarketSignal;
import org.dang.engine.situation.Situation;
import org.dang.engine.store.DecisionOutcome;
import org.dang.engine.store.DecisionStore;
import org.dang.engine.store.ModuleRunRecord;
import org.dang.engine.store.OutcomeStatus;
import org.dang.engine.store.OutcomeWriter;
import org.dang.engine.store.StoredDecision;
import org.dang.engine.watch.AnomalyStatus;
import org.dang.engine.watch.DecisionCycle;

/**
 * The embedded engine as the console, the CLI and later the server use it: rules, decision store,
 * module coordinator and listeners behind one object. Situations flow in one direction: decide,
 * record, notify, then dispatch INVOKE decisions to the installed modules, whose outcomes are
 * recorded against the decision.
 */
public final class Engine implements AutoCloseable {

    private static final Logger LOG = System.getLogger(Engine.class.getName());
    /** The unit the alarm board watches. */
    private static final String UNIT = "CDU";
    /** Alarm delays, in data time: an alarm rises at once and clears after a minute back in range. */
    private static final Duration ALARM_ON_DELAY = Duration.ZERO;
    private static final Duration ALARM_OFF_DELAY = Duration.ofMinutes(1);
    /** A tag must be bad this long before its quality alarm rises (one stale or spiky scan is not news). */
    private static final Duration QUALITY_ALARM_DELAY = Duration.ofMinutes(2);
    /** The engine decides on the live unit every 15 minutes of plant time. */
    private static final Duration DECISION_CYCLE = Duration.ofMinutes(15);
    /** Normal operation for anomaly detection is learnt from the first two days of good minute data. */
    private static final int LEARN_SCANS = 2 * 24 * 60;
    /** Samples kept per tag: 91 days at one per minute, enough for 100,000-point trends. */
    private static final int TAG_HISTORY = 131_072;

    private final DangConfig config;
    private final DecisionEngine rules;
    private final DecisionStore store;
    private final ModuleCoordinator coordinator;
    private final PlantFeed plant = new PlantFeed(new TagStore(TAG_HISTORY));
    private final AuditedActions actions;
    private final OutcomeWriter outcomes;
    private volatile AlarmBoard alarms;
    private volatile StoreAlarmJournal alarmJournal;
    private volatile DecisionCycle cycle;
    private final InstantSource clock;
    /** Written under this object's lock by {@link #llm()}; read without it to see whether it is built yet. */
    private volatile LlmSetup llm;
    private final AtomicBoolean llmLoading = new AtomicBoolean();
    private final List<DecisionListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<ModuleName, Function<Map<String, Object>, ? extends ModuleRequest>> requestFactories =
            new ConcurrentHashMap<>();
    private volatile MarketSignal market = MarketSignal.NONE;
    private volatile ProposalDesk proposals;
    private final AdviceListeners adviceListeners = new AdviceListeners();
    /** The advisor's desk once built; {@link #NO_DESK} when there is no model or the advisor is off. */
    private volatile Optional<AdviceDesk> desk;
    private static final Optional<AdviceDesk> NO_DESK = Optional.empty();
    private final Object deskLock = new Object();

    private Engine(DangConfig config, DecisionStore store, InstantSource clock) {
        this.config = config;
        this.store = store;
        this.clock = clock;
        this.rules = new DecisionEngine(config, clock);
        this.coordinator = new ModuleCoordinator(config.modules(), config.decisionEngine(), clock);
        this.actions = new AuditedActions(store, clock);
        this.outcomes = new OutcomeWriter(store);
    }

    /** Opens the engine and its decision store at {@code config.store().path()}. */
    public static Engine open(DangConfig config) {
        return new Engine(config, DecisionStore.open(config.store().path()), InstantSource.system());
    }

    /**
     * Installs a module: the coordinator runs it, and INVOKE decisions for it are turned into its
     * typed request by {@code fromParameters} (which throws IllegalArgumentException naming a bad
     * parameter).
     */
    public <Q extends ModuleRequest> void install(PlantModule<Q, ?> module,
                                                  Function<Map<String, Object>, Q> fromParameters) {
        coordinator.register(module);
        requestFactories.put(module.name(), fromParameters);
    }

    /**
     * Gives the live situations their market part: each decision cycle asks {@code signal} for the
     * market indicators as of the plant time (rule 4 of the decision contract).
     */
    public void watchMarket(MarketSignal signal) {
        market = Objects.requireNonNull(signal, "market signal");
    }

    /**
     * Gives the engine the proposal desk of a unit that takes setpoint moves: it keeps every optimisation
     * proposal from now on, and the console and the API approve or reject them there.
     */
    public void attachProposals(ProposalDesk desk) {
        ProposalDesk old = proposals;
        if (old != null) {
            coordinator.removeListener(old);
        }
        proposals = Objects.requireNonNull(desk, "desk");
        coordinator.addListener(desk);
    }

    /** The proposal desk, when a unit that takes setpoint moves is attached (the simulator); empty otherwise. */
    public Optional<ProposalDesk> proposals() {
        return Optional.ofNullable(proposals);
    }

    /** The 3-2-1 crack spread published by {@code time}, from the watched market; empty without one. */
    public Optional<MarketQuote> crackSpreadAt(Instant time) {
        return market.crackSpreadAt(time);
    }

    /** The modules installed in this engine (whose INVOKE decisions and API requests can run). */
    public Set<ModuleName> installedModules() {
        return Set.copyOf(requestFactories.keySet());
    }

    /**
     * The typed request for {@code module} built from {@code parameters} by the {@code fromParameters} it was
     * installed with, exactly as an INVOKE decision's request is built (the API's {@code /invoke} uses it).
     *
     * @throws IllegalArgumentException naming the bad parameter
     * @throws IllegalStateException    when the module is not installed
     */
    public ModuleRequest requestFor(ModuleName module, Map<String, Object> parameters) {
        var factory = requestFactories.get(module);
        if (factory == null) {
            throw new IllegalStateException("module " + module.key() + " is not installed in this engine");
        }
        return factory.apply(parameters);
    }

    /**
     * Decides on a situation, records the decisions durably, tells the listeners, and dispatches the
     * work. When the rules find it ambiguous and a model is configured, only the urgent decisions (alerts,
     * SAFETY work) are recorded now; the rest waits for the model's advice on an advisor thread (see
     * {@link #decideWithAdvice}), so this returns only what was recorded now.
     */
    public List<StoredDecision> decide(Situation situation) {
        return decideWithAdvice(situation).recorded();
    }

    /**
     * As {@link #decide}, also saying what waits for the model. Never waits for the model: without one,
     * or when the rules are clear, everything is recorded and dispatched before this returns.
     */
    public Decided decideWithAdvice(Situation situation) {
        List<Decision> decisions = rules.decide(situation);
        Optional<AdviceDesk> d = desk(false);
        if (d.isPresent()) {
            Ambiguity a = d.get().advisor().assess(situation, decisions);
            if (a.ambiguous()) {
                return hold(d.get(), situation, decisions, a, "", PendingAdvice.RULES);
            }
        }
        List<StoredDecision> recorded = store.record(situation, decisions);
        deliver(recorded, Map.of(), false);
        return new Decided(recorded, Optional.empty());
    }

    /** Records the urgent decisions now and holds the rest for the model; the rules alone when the desk is full. */
    private Decided hold(AdviceDesk d, Situation situation, List<Decision> decisions, Ambiguity a, String operatorText,
                         String askedBy) {
        List<Decision> urgent = UrgentDecisions.urgent(decisions);
        List<StoredDecision> now = urgent.isEmpty() ? List.of() : store.record(situation, urgent);
        Optional<PendingAdvice> pending = d.hold(situation, decisions, a, now, operatorText, askedBy);
        if (pending.isPresent()) {
            deliver(now, Map.of(), false);
            return new Decided(now, pending);
        }
        String note = "; advisor not asked: " + d.refusal().orElse("it took no question") + " (asked because "
                + String.join("; ", a.reasons()) + ")";
        List<Decision> rest = decisions.stream().filter(x -> !UrgentDecisions.cannotWait(x))
                .map(x -> new Decision(x.id(), x.time(), x.situationId(), x.triggers(), x.action(), x.module(),
                        x.priority(), x.parameters(), x.rationale() + note, x.reasoning(), x.confidence(), x.source(),
                        x.latency())).toList();
        List<StoredDecision> all = new ArrayList<>(now);
        if (!rest.isEmpty()) {
            all.addAll(store.record(situation, rest));
        }
        deliver(all, Map.of(), false);
        return new Decided(List.copyOf(all), Optional.empty());
    }

    /** Tells the listeners about recorded decisions and dispatches their work (see {@link AdviceDesk.Delivery}). */
    private void deliver(List<StoredDecision> recorded, Map<UUID, String> withheld, boolean shuttingDown) {
        if (recorded.isEmpty()) {
            return;
        }
        for (DecisionListener l : listeners) {
            try {
                l.recorded(recorded);
            } catch (RuntimeException e) {
                // A broken listener (a view) must not stop the engine or the other listeners.
                LOG.log(Level.WARNING, "decision listener failed: " + e, e);
            }
        }
        for (StoredDecision r : recorded) {
            Decision d = r.decision();
            if (d.action() != DecisionAction.INVOKE) {
                continue;
            }
            if (withheld.containsKey(d.id())) {
                outcome(d, OutcomeStatus.SUPERSEDED, withheld.get(d.id()));
            } else if (shuttingDown) {
                outcome(d, OutcomeStatus.CANCELLED, "the engine shut down before this work was dispatched");
            } else {
                dispatch(r);
            }
        }
    }

    /**
     * Asks the decision advisor about the live unit now, for {@code user} (operator or engineer), with
     * the operator's question; audited as {@code ask_advisor}. Returns at once with the pending question;
     * the answer comes to the advice and decision listeners.
     *
     * @throws org.dang.engine.access.AccessDeniedException for a viewer (audited as DENIED)
     * @throws IllegalStateException    when no model is configured, the advisor is off or full, or no plant
     *                                  data is attached (audited as FAILED)
     * @throws IllegalArgumentException for an empty question (audited as FAILED)
     */
    public PendingAdvice consultAdvisor(User user, String question) {
        String text = question == null ? "" : question.strip();
        PendingAdvice[] out = new PendingAdvice[1];
        actions.perform(user, Action.ASK_ADVISOR, "advisor", () -> {
            if (text.isEmpty()) {
                throw new IllegalArgumentException("write a question for the advisor");
            }
            AdviceDesk d = desk(true).orElseThrow(() -> new IllegalStateException(advisorUnavailable().orElse(
                    "the advisor is not available")));
            d.refusal().ifPresent(r -> {
                throw new IllegalStateException("the advisor takes no question now: " + r);
            });
            DecisionCycle c = cycle;
            Situation situation = (c == null ? Optional.<Situation>empty() : c.current("-asked"))
                    .orElseThrow(() -> new IllegalStateException(
                            "no live plant data yet: the advisor is asked about the live unit"));
            List<Decision> decisions = rules.decide(situation);
            Decided decided = hold(d, situation, decisions, d.advisor().operatorRequest(situation, decisions), text,
                    user.name());
            out[0] = decided.pending().orElseThrow(() -> new IllegalStateException(
                    "the advisor took no question: " + d.refusal().orElse("it is full") + "; the rules decided alone"));
            return "question " + out[0].id() + " about " + situation.id() + ": \""
                    + (text.length() > 300 ? text.substring(0, 300) + "..." : text) + "\"";
        });
        return out[0];
    }

    /** The questions waiting for the model, oldest first; empty without a model. */
    public List<PendingAdvice> pendingAdvice() {
        Optional<AdviceDesk> d = desk;
        return d == null ? List.of() : d.map(AdviceDesk::pending).orElse(List.of());
    }

    /**
     * Why the advisor cannot be asked (no model configured or buildable, {@code advisor.enabled: false});
     * empty when it can. May build the model on first use: call it off the UI thread.
     */
    public Optional<String> advisorUnavailable() {
        if (!config.advisor().enabled()) {
            return Optional.of("The decision advisor is off (advisor.enabled: false); the rules decide alone.");
        }
        LlmSetup setup = llm();
        return setup.model().isPresent() ? Optional.empty() : Optional.of(setup.explain());
    }

    /** Registers a listener for the advisor's questions. */
    public void addAdviceListener(AdviceListener l) {
        adviceListeners.add(l);
    }

    /** Removes a listener. */
    public void removeAdviceListener(AdviceListener l) {
        adviceListeners.remove(l);
    }

    /**
     * The advisor's desk, built on first use when the advisor is on and a model is configured. Building
     * a model can take minutes (local weights), so with {@code mayWait} false (the deciding thread) a
     * model not built yet is started on a background thread and the rules decide alone meanwhile.
     */
    private Optional<AdviceDesk> desk(boolean mayWait) {
        Optional<AdviceDesk> d = desk;
        if (d != null) {
            return d;
        }
        if (config.advisor().enabled() && !mayWait && llm == null) {
            loadModelInBackground();
            return NO_DESK;
        }
        LlmSetup setup = config.advisor().enabled() ? llm() : null;
        synchronized (deskLock) {
            if (desk == null) {
                desk = setup == null ? NO_DESK : setup.model().map(m -> new AdviceDesk(
                        new DecisionAdvisor(rules, m, config.advisor().deadline(), clock), store,
                        config.advisor().maxPending(), clock, this::deliver, adviceListeners));
            }
            return desk;
        }
    }

    /** Builds the configured model on the {@code llm-setup} thread, once, unless it is built already. */
    private void loadModelInBackground() {
        if (llm == null && llmLoading.compareAndSet(false, true)) {
            Thread.ofPlatform().daemon().name("llm-setup").start(() -> {
                try {
                    llm();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "the language model could not be set up: " + e, e);
                }
            });
        }
    }

    /** Submits an INVOKE decision to its module; the outcome is recorded when the run ends. */
    private void dispatch(StoredDecision stored) {
        Decision d = stored.decision();
        var factory = requestFactories.get(d.module());
        if (factory == null) {
            outcome(d, OutcomeStatus.REJECTED, d.module().key() + " module is not installed in this build");
            return;
        }
        ModuleRequest request;
        try {
            request = factory.apply(d.parameters());
        } catch (IllegalArgumentException e) {
            outcome(d, OutcomeStatus.REJECTED, "parameters not accepted by " + d.module().key() + ": " + e.getMessage());
            return;
        }
        Instant queued = clock.instant();
        ModuleRun<ModuleResult> run = coordinator.submit(request, (WorkPriority) d.priority());
        run.result().whenComplete((result, failure) -> {
            Throwable cause = failure instanceof CompletionException c && c.getCause() != null ? c.getCause() : failure;
            OutcomeStatus status = cause == null ? OutcomeStatus.COMPLETED
                    : cause instanceof ModuleTimeoutException ? OutcomeStatus.TIMED_OUT
                    : cause instanceof CancellationException ? OutcomeStatus.CANCELLED
                    : cause instanceof ModuleRejectedException ? OutcomeStatus.REJECTED
                    : OutcomeStatus.FAILED;
            String detail = cause == null ? result.summary() : String.valueOf(cause.getMessage());
            Instant done = clock.instant();
            try {
                store.recordModuleRun(new ModuleRunRecord("run-" + run.runId() + "-" + d.id(), d.module().key(),
                        run.priority().name(), Json.write(request), status.name(), queued, done,
                        Duration.between(queued, done), 1, run.fromCache(), detail));
            } finally {
                outcome(d, status, detail);
            }
        });
    }

    private void outcome(Decision d, OutcomeStatus status, String detail) {
        outcomes.record(new DecisionOutcome(d.id(), clock.instant(), status, detail));
    }

    /** Role-checked, audited actions (acknowledge, shelve, cancel, approve, settings). */
    public AuditedActions actions() {
        return actions;
    }

    /**
     * Starts live plant data from {@code source}: every scan gets data-quality flags (stale, missing,
     * flat-line, out of range, spike), goes into the tag store, through the unit's ISA-18.2 alarm
     * board (definitions from the source's tag limits plus a quality alarm per tag), and into the
     * decision cycle, which decides on the live unit every 15 minutes of plant time.
     */
    public synchronized void attach(PlantDataSource source) {
        if (alarms != null) {
            throw new IllegalStateException("a plant data source is already attached");
        }
        List<AlarmDefinition> definitions = new ArrayList<>();
        for (TagDefinition t : source.tags()) {
            definitions.addAll(AlarmDefinitions.fromLimits(t, ALARM_ON_DELAY, ALARM_OFF_DELAY));
            definitions.add(AlarmDefinitions.quality(t, AlertPriority.LOW, QUALITY_ALARM_DELAY, ALARM_OFF_DELAY));
        }
        alarmJournal = new StoreAlarmJournal(store);
        AlarmBoard board = new AlarmBoard(UNIT, definitions, AlarmBoardConfig.defaults(), alarmJournal, clock);
        alarms = board;
        TagQualityMonitor quality = new TagQualityMonitor(source.tags(), QualityConfig.defaults());
        plant.addListener(new PlantDataListener() {
            @Override
            public void scan(PlantScan scan) {
                board.scan(scan);
            }

            @Override
            public void problem(DataProblem problem) {
                // Data problems are kept by the feed; alarms follow the quality flags instead.
            }
        });
        if (config.advisor().enabled()) {
            loadModelInBackground(); // ready, as far as it can be, before the first cycle needs the advisor
        }
        cycle = new DecisionCycle(config, plant.tags(), source.tags(), DECISION_CYCLE, LEARN_SCANS,
                coordinator::load, this::decide, time -> market.at(time));
        plant.addListener(cycle);
        board.addListener(cycle);
        plant.attach(source, scan -> quality.accept(scan).map(q -> List.of(q.scan())).orElse(List.of()),
                () -> quality.flush().map(q -> List.of(q.scan())).orElse(List.of()));
    }

    /** What the multivariate anomaly monitor says about the unit, once a plant data source is attached. */
    public Optional<AnomalyStatus> anomalies() {
        DecisionCycle c = cycle;
        return c == null ? Optional.empty() : Optional.of(c.anomalyStatus());
    }

    /** The unit's alarm board, once a plant data source is attached. */
    public Optional<AlarmBoard> alarms() {
        return Optional.ofNullable(alarms);
    }

    /** The live plant data: read tags, listen to scans. */
    public PlantFeed plant() {
        return plant;
    }

    /** The module coordinator (activity views, direct operator requests). */
    public ModuleCoordinator modules() {
        return coordinator;
    }

    /** Registers a listener for recorded decisions. */
    public void addDecisionListener(DecisionListener l) {
        listeners.add(l);
    }

    /** Removes a listener. */
    public void removeDecisionListener(DecisionListener l) {
        listeners.remove(l);
    }

    /** The decision store (history queries, outcomes, audit). */
    public DecisionStore store() {
        return store;
    }

    /**
     * The language model the configuration names (a fallback ladder over its backends), built on first
     * use; {@link LlmSetup#model()} is empty when none is configured or none could be built, and the
     * rules then decide alone.
     */
    public synchronized LlmSetup llm() {
        if (llm == null) {
            llm = ChatModelFactory.standard().create(config.orchestrator().llm());
        }
        return llm;
    }

    /** The configuration the engine runs with. */
    public DangConfig config() {
        return config;
    }

    @Override
    public void close() {
        Optional<AdviceDesk> d;
        synchronized (deskLock) {
            d = desk;
            desk = NO_DESK; // no new questions from here on
        }
        if (d != null) {
            // Pending questions are cut short and their decisions recorded while the store is open.
            d.ifPresent(AdviceDesk::close);
        }
        synchronized (this) {
            if (llm != null) {
                llm.model().ifPresent(ChatModel::close);
            }
        }
        try {
            plant.close();
            coordinator.close();
            if (alarms != null) {
                alarms.close();
                alarmJournal.close(); // writes what is queued before the store closes
            }
            outcomes.close(); // after the coordinator, whose last runs may still report outcomes
        } finally {
            store.close();
        }
    }
}
