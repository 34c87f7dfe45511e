package org.dang.app.console;

import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import org.dang.app.activity.ActivityView;
import org.dang.app.activity.ActivityViewModel;
import org.dang.app.advisor.AdvisorMediator;
import org.dang.app.advisor.AdvisorPanel;
import org.dang.app.advisor.AdvisorViewModel;
import org.dang.app.alarm.ActiveAlarms;
import org.dang.app.alarm.AlarmBanner;
import org.dang.app.alarm.AlarmView;
import org.dang.app.alarm.AlarmViewModel;
import org.dang.app.chat.ChatMediator;
import org.dang.app.chat.ChatView;
import org.dang.app.chat.ChatViewModel;
import org.dang.app.history.DecisionHistoryView;
import org.dang.app.history.DecisionHistoryViewModel;
import org.dang.app.market.MarketMediator;
import org.dang.app.market.MarketView;
import org.dang.app.market.MarketViewModel;
import org.dang.app.optimize.OptimisationMediator;
import org.dang.app.optimize.OptimisationView;
import org.dang.app.optimize.OptimisationViewModel;
import org.dang.app.overview.OverviewView;
import org.dang.app.overview.OverviewViewModel;
import org.dang.app.overview.TileSpec;
import org.dang.app.settings.SettingsView;
import org.dang.app.settings.SettingsViewModel;
import org.dang.app.trend.ForecastMediator;
import org.dang.app.trend.TrendView;
import org.dang.app.trend.TrendViewModel;
import org.dang.engine.Engine;
import org.dang.engine.access.User;
import org.dang.engine.client.ConnectionState;
import org.dang.engine.client.AdvisorQuestions;
import org.dang.engine.client.EmbeddedConnection;
import org.dang.engine.client.EngineConnection;
import org.dang.engine.client.Subscription;
import org.dang.engine.config.ConfigLoader;
import org.dang.engine.decision.AlertPriority;
import org.dang.engine.plant.TagDefinition;

/**
 * The console's main window: header with the engine connection and the signed-in user, and one tab per
 * view. It works on an {@link EngineConnection}: the embedded engine or a remote one behind dang serve;
 * views are built the same way on both (chat, forecasts, market analysis and settings go through the
 * connection's interfaces); only the decision log's chain check needs the engine's insides and says so.
 */
public final class ConsoleWindow implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ConsoleWindow.class.getName());

    private final EngineConnection connection;
    private final ExecutorService background = Executors.newSingleThreadExecutor(daemon("console-background"));
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon("console-throttle"));
    private final List<Subscription> subscriptions = new ArrayList<>();
    private final FxWatchdog watchdog = new FxWatchdog(Duration.ofMillis(100), Duration.ofMillis(50));
    private final TrendView trends;
    private final TabPane tabs;
    private final Scene scene;

    /** Builds the window, light theme, settings saved to the user's default config file; call on the FX thread. */
    public ConsoleWindow(Engine engine, User user) {
        this(engine, user, ConfigLoader.defaultLocation(), Theme.LIGHT);
    }

    /**
     * Builds the window's scene over the embedded {@code engine} for {@code user} in {@code theme}; settings
     * go to {@code settingsFile}. Call on the FX thread.
     */
    public ConsoleWindow(Engine engine, User user, Path settingsFile, Theme theme) {
        this(new EmbeddedConnection(engine, user, settingsFile), theme);
    }

    /**
     * Builds the window's scene over {@code connection} (embedded or remote) for its user in {@code theme}.
     * Settings are read and saved through {@link EngineConnection#settings()} (an embedded connection carries
     * its settings file). Call on the FX thread. Closing the window closes the connection.
     */
    public ConsoleWindow(EngineConnection connection, Theme theme) {
        this.connection = connection;
        User user = connection.user();
        Optional<Engine> local = connection.embedded();

        DecisionHistoryViewModel history = new DecisionHistoryViewModel(connection.decisions(), background);
        UpdateThrottle historyThrottle = new UpdateThrottle(history::refresh, timer, Duration.ofMillis(200));
        subscriptions.add(connection.decisions().watch(historyThrottle::request));

        List<TagDefinition> tagDefinitions = connection.tags().definitions();
        TrendViewModel trendModel = new TrendViewModel(connection.tags(), tagDefinitions, background);
        UpdateThrottle trendThrottle = new UpdateThrottle(trendModel::refresh, timer, Duration.ofSeconds(1));
        subscriptions.add(connection.tags().watch(trendThrottle::request));
        // Forecasts and the market analysis run on the engine, embedded or remote, through connection.runs().
        this.trends = new TrendView(trendModel, new ForecastMediator(connection.runs(), user));

        Supplier<Map<String, AlertPriority>> activeAlarms = () -> connection.alarms()
                .map(a -> ActiveAlarms.byTag(a.snapshot())).orElse(Map.of());
        OverviewViewModel overviewModel = new OverviewViewModel(TileSpec.cduOverview(), connection.tags(),
                tagDefinitions, activeAlarms, connection.tags()::anomalies,
                Map.of("crack_spread", connection.tags()::crackSpreadAt), background);
        UpdateThrottle overviewThrottle = new UpdateThrottle(overviewModel::refresh, timer, Duration.ofMillis(500));
        subscriptions.add(connection.tags().watch(overviewThrottle::request));
        OverviewView overview = new OverviewView(overviewModel, this::showTrend, theme);
        overviewModel.refresh();

        ActivityViewModel activity = new ActivityViewModel(connection.activity(), user, background);
        UpdateThrottle activityThrottle = new UpdateThrottle(activity::refresh, timer, Duration.ofMillis(250));
        subscriptions.add(connection.activity().watch(activityThrottle::request));
        activity.refresh();
        // Approvals need a plant that takes setpoint moves (the live simulator): then the engine has a proposal desk.
        OptimisationViewModel optimisation = new OptimisationViewModel(connection.proposals(), user, background);
        subscriptions.add(connection.proposals().watch(new OptimisationMediator(optimisation, timer,
                Duration.ofMillis(250))));
        if (connection.proposals().available()) {
            // A proposal still open on the engine (from another console, or before this one started) shows at once.
            background.execute(() -> connection.proposals().open().stream().findFirst().ifPresent(optimisation::show));
        }

        Label title = new Label("DAN_G Console");
        title.getStyleClass().add("title");
        Label unit = new Label("Crude distillation unit");
        unit.getStyleClass().add("muted");
        Label chain = new Label(local.isPresent() ? "verifying decision log ..."
                : "decision log kept on the engine host");
        chain.setId("chain-status");
        chain.getStyleClass().add("muted");
        Label engineLabel = new Label();
        engineLabel.setId("engine-connection");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label who = new Label(user.name() + " (" + user.role().name().toLowerCase(Locale.ROOT) + ")");
        who.setId("signed-in-user");
        HBox header = new HBox(12, title, unit, spacer, engineLabel, chain, who);
        header.getStyleClass().add("header");
        header.setPadding(new Insets(8, 12, 8, 12));
        Label stale = new Label();
        stale.setId("stale-marker");
        stale.getStyleClass().add("alarm-text");
        stale.setVisible(false);
        stale.setManaged(false);
        ConnectionHeader connectionHeader = new ConnectionHeader(engineLabel, stale);
        AtomicReference<ConnectionState> latestState = new AtomicReference<>();
        UpdateThrottle stateThrottle = new UpdateThrottle(() -> {
            ConnectionState st = latestState.get();
            Platform.runLater(() -> connectionHeader.show(st));
        }, timer, Duration.ofMillis(250));
        subscriptions.add(connection.watchState(st -> {
            latestState.set(st);
            stateThrottle.request();
        }));
        // Read after subscribing: a remote stream that connects while the window is built is not missed.
        latestState.compareAndSet(null, connection.state());
        connectionHeader.show(latestState.get());

        Node alarmsView;
        Node banner;
        if (connection.alarms().isPresent()) {
            AlarmViewModel alarmModel = new AlarmViewModel(connection.alarms().get(), user, background);
            UpdateThrottle alarmThrottle = new UpdateThrottle(alarmModel::refresh, timer, Duration.ofMillis(250));
            // A flood of events becomes one redraw; the tiles' alarm colours follow alarms too.
            subscriptions.add(connection.alarms().get().watch(() -> {
                alarmThrottle.request();
                overviewThrottle.request();
            }));
            alarmModel.refresh();
            alarmsView = new AlarmView(alarmModel, this::showTrend);
            banner = new AlarmBanner(alarmModel);
        } else {
            alarmsView = new Label("No plant data source is attached, so there are no alarms to show.");
            banner = new Label("no plant data");
        }
        HBox alarmRow = new HBox(12, banner, stale);
        alarmRow.getStyleClass().add("alarm-row");
        alarmRow.setPadding(new Insets(4, 12, 4, 12));

        // The advisor panel works the same embedded or remote; the connection asks as its own user (the one shown).
        AdvisorQuestions desk = connection.advisor();
        AdvisorViewModel advisor = new AdvisorViewModel(desk::pending, desk::unavailable,
                (asker, text) -> desk.ask(text), user, background, InstantSource.system());
        AdvisorMediator advisorMediator = new AdvisorMediator(advisor, timer, Duration.ofMillis(200));
        Subscription advisorWatch = desk.watch(advisorMediator::changed);
        subscriptions.add(() -> {
            advisorWatch.close();
            advisorMediator.close();
        });
        Node decisionsView = new BorderPane(new DecisionHistoryView(history), new AdvisorPanel(advisor), null, null,
                null);
        advisor.refresh();

        // The chat works the same embedded or remote: the engine asks its model as the connection's user.
        ChatViewModel chat = new ChatViewModel(connection.chat(), connection.proposals(), user, background);
        subscriptions.add(connection.proposals().watch(new ChatMediator(chat, timer)));
        Node chatView = new ChatView(chat);
        MarketViewModel market = new MarketViewModel(connection.runs(), user, background);
        subscriptions.add(connection.runs().watchMarket(new MarketMediator(market, timer, Duration.ofMillis(250))));
        Node marketView = new MarketView(market);
        // The same settings form on both engines; on a remote one it also says which engine and who is signed in.
        SettingsView settingsForm = new SettingsView(new SettingsViewModel(connection.settings(), local.map(e -> {
            var source = e.plant().source();
            return (source == null ? "none attached" : source.name())
                    + "   (chosen at start: dang console --source, --history, --speed)";
        }).orElse("attached on the engine host (dang serve --source, --history, --speed)"), background));
        ScrollPane settingsView = new ScrollPane(local.isPresent() ? settingsForm
                : remoteSettings(connection, settingsForm));
        settingsView.setFitToWidth(true);
        tabs = new TabPane(tab("tab-overview", "Overview", overview), tab("tab-alarms", "Alarms", alarmsView),
                tab("tab-trends", "Trends", trends), tab("tab-chat", "Chat", chatView),
                tab("tab-activity", "Activity", new ActivityView(activity)),
                tab("tab-market", "Market", marketView),
                tab("tab-optimisation", "Optimisation", new OptimisationView(optimisation)),
                tab("tab-decisions", "Decisions", decisionsView),
                tab("tab-settings", "Settings", settingsView));

        BorderPane root = new BorderPane(tabs);
        root.setTop(new VBox(header, alarmRow));
        scene = new Scene(root, 1440, 900);
        scene.getStylesheets().setAll(theme.stylesheets());

        history.refresh();
        local.ifPresent(engine -> background.execute(() -> {
            var v = engine.store().verify();
            String text = v.intact()
                    ? "Decision log verified: " + v.rows() + " decisions, chain intact"
                    : "DECISION LOG BROKEN at row " + v.brokenSeq().orElseThrow() + ": " + v.problem();
            Platform.runLater(() -> {
                chain.setText(text);
                chain.getStyleClass().setAll(v.intact() ? "muted" : "alarm-text");
            });
        }));
    }

    /** The settings tab of a console on a remote engine: which engine and who, above the engine's settings form. */
    private static Node remoteSettings(EngineConnection connection, SettingsView form) {
        Label engine = new Label("Engine: " + connection.state().engine() + " (remote, over its API; this console"
                + " opened no local store and no local engine)");
        engine.setId("settings-engine");
        Label who = new Label("Signed in as " + connection.user().name() + ", role "
                + connection.user().role().name().toLowerCase(Locale.ROOT) + ", from this console's bearer token");
        who.setId("settings-user");
        Label where = new Label("The form below changes the engine's own configuration file on its host. This"
                + " console's connection is console.engine_url, console.token_file and console.truststore in its"
                + " config file, or dang console --engine.");
        where.setWrapText(true);
        where.getStyleClass().add("muted");
        VBox facts = new VBox(4, engine, who, where);
        facts.setPadding(new Insets(16, 16, 0, 16));
        return new VBox(facts, form);
    }

    private static Tab tab(String id, String title, Node content) {
        Tab t = new Tab(title, content);
        t.setId(id);
        t.setClosable(false);
        return t;
    }

    /** Opens the trend of {@code tag} (from an alarm or a tile). */
    public void showTrend(String tag) {
        trends.show(tag);
        tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> "tab-trends".equals(t.getId()))
                .findFirst().orElseThrow());
    }

    /** Shows the window on {@code stage}. */
    public void show(Stage stage) {
        stage.setTitle("DAN_G Console");
        stage.setScene(scene);
        stage.show();
    }

    /** The scene (for tests and screenshots). */
    public Scene scene() {
        return scene;
    }

    @Override
    public void close() {
        for (Subscription sub : subscriptions) {
            sub.close();
        }
        subscriptions.clear();
        connection.close();
        watchdog.close();
        timer.shutdownNow();
        background.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            // A remote engine that is down makes refreshes fail: the views keep their data, the header says why.
            t.setUncaughtExceptionHandler((th, e) -> LOG.log(System.Logger.Level.WARNING, name + ": " + e.getMessage()));
            return t;
        };
    }
}
