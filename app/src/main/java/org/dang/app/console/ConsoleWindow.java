package org.dang.app.console;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
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
import org.dang.app.alarm.ActiveAlarms;
import org.dang.app.alarm.AlarmBanner;
import org.dang.app.alarm.AlarmView;
import org.dang.app.alarm.AlarmViewModel;
import org.dang.app.chat.ChatMediator;
import org.dang.app.chat.ChatView;
import org.dang.app.chat.ChatViewModel;
import org.dang.app.advisor.AdvisorMediator;
import org.dang.app.advisor.AdvisorPanel;
import org.dang.app.advisor.AdvisorViewModel;
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
import org.dang.engine.DecisionListener;
import org.dang.engine.Engine;
import org.dang.engine.access.User;
import org.dang.engine.config.ConfigLoader;
import org.dang.engine.alarm.AlarmBoard;
import org.dang.engine.alarm.AlarmListener;
import org.dang.engine.coordinator.ModuleRunListener;

/** The console's main window: header with store status, and one tab per view. */
public final class ConsoleWindow implements AutoCloseable {

    private final Engine engine;
    private final ExecutorService background = Executors.newSingleThreadExecutor(daemon("console-background"));
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon("console-throttle"));
    private final DecisionListener historyMediator;
    private final AdvisorMediator advisorMediator;
    private final PlantViewMediator trendMediator;
    private final PlantViewMediator overviewMediator;
    private final ModuleRunListener activityMediator;
    private final ModuleRunListener optimisationMediator;
    private final AlarmListener alarmMediator;
    private final ModuleRunListener marketMediator;
    private final FxWatchdog watchdog = new FxWatchdog(Duration.ofMillis(100), Duration.ofMillis(50));
    private final TrendView trends;
    private final TabPane tabs;
    private final Scene scene;

    /** Builds the window, light theme, settings saved to the user's default config file; call on the FX thread. */
    public ConsoleWindow(Engine engine, User user) {
        this(engine, user, ConfigLoader.defaultLocation(), Theme.LIGHT);
    }

    /**
     * Builds the window's scene over {@code engine} for {@code user} in {@code theme}; settings go to
     * {@code settingsFile}. Call on the FX thread.
     */
    public ConsoleWindow(Engine engine, User user, Path settingsFile, Theme theme) {
        this.engine = engine;
        DecisionHistoryViewModel history = new DecisionHistoryViewModel(engine.store(), background);
        UpdateThrottle historyThrottle = new UpdateThrottle(history::refresh, timer, Duration.ofMillis(200));
        this.historyMediator = recorded -> historyThrottle.request();
        engine.addDecisionListener(historyMediator);
        AdvisorViewModel advisor = new AdvisorViewModel(engine::pendingAdvice, engine::advisorUnavailable,
                engine::consultAdvisor, user, background, java.time.InstantSource.system());
        this.advisorMediator = new AdvisorMediator(advisor, timer, Duration.ofMillis(200));
        engine.addAdviceListener(advisorMediator);
        var source = engine.plant().source();
        TrendViewModel trendModel = new TrendViewModel(engine.plant().tags(),
                source == null ? List.of() : source.tags(), background);
        this.trendMediator = new PlantViewMediator(new UpdateThrottle(trendModel::refresh, timer, Duration.ofSeconds(1)));
        engine.plant().addListener(trendMediator);
        this.trends = new TrendView(trendModel, new ForecastMediator(engine.modules(), engine.actions(), user));
        OverviewViewModel overviewModel = new OverviewViewModel(TileSpec.cduOverview(), engine.plant().tags(),
                source == null ? List.of() : source.tags(), () -> engine.alarms().map(ActiveAlarms::byTag)
                        .orElse(Map.of()), engine::anomalies, Map.of("crack_spread", engine::crackSpreadAt), background);
        this.overviewMediator = new PlantViewMediator(
                new UpdateThrottle(overviewModel::refresh, timer, Duration.ofMillis(500)));
        engine.plant().addListener(overviewMediator);
        OverviewView overview = new OverviewView(overviewModel, this::showTrend, theme);
        overviewModel.refresh();
        ActivityViewModel activity = new ActivityViewModel(engine.modules(), engine.store(), engine.actions(), user,
                background);
        UpdateThrottle activityThrottle = new UpdateThrottle(activity::refresh, timer, Duration.ofMillis(250));
        this.activityMediator = event -> activityThrottle.request();
        engine.modules().addListener(activityMediator);
        activity.refresh();
        // Approvals need a plant that takes setpoint moves (the live simulator): then the engine has a proposal desk.
        OptimisationViewModel optimisation = new OptimisationViewModel(engine.modules(), engine.proposals(), user,
                background);
        this.optimisationMediator = new OptimisationMediator(optimisation, timer, Duration.ofMillis(250));
        engine.modules().addListener(optimisationMediator);

        MarketViewModel market = new MarketViewModel(engine.modules(), engine.actions(), user, background);
        this.marketMediator = new MarketMediator(market, timer, Duration.ofMillis(250));
        engine.modules().addListener(marketMediator);

        Label title = new Label("DAN_G Console");
        title.getStyleClass().add("title");
        Label unit = new Label("Crude distillation unit");
        unit.getStyleClass().add("muted");
        Label chain = new Label("verifying decision log ...");
        chain.setId("chain-status");
        chain.getStyleClass().add("muted");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label who = new Label(user.name() + " (" + user.role().name().toLowerCase(Locale.ROOT) + ")");
        who.setId("signed-in-user");
        HBox header = new HBox(12, title, unit, spacer, chain, who);
        header.getStyleClass().add("header");
        header.setPadding(new Insets(8, 12, 8, 12));

        Node alarmsView;
        Node banner;
        if (engine.alarms().isPresent()) {
            AlarmBoard board = engine.alarms().get();
            AlarmViewModel alarmModel = new AlarmViewModel(board, user, background);
            UpdateThrottle alarmThrottle = new UpdateThrottle(alarmModel::refresh, timer, Duration.ofMillis(250));
            alarmMediator = event -> alarmThrottle.request(); // a flood of events becomes one redraw
            board.addListener(alarmMediator);
            alarmModel.refresh();
            alarmsView = new AlarmView(alarmModel, this::showTrend);
            banner = new AlarmBanner(alarmModel);
        } else {
            alarmMediator = null;
            alarmsView = new Label("No plant data source is attached, so there are no alarms to show.");
            banner = new Label("no plant data");
        }
        HBox alarmRow = new HBox(banner);
        alarmRow.getStyleClass().add("alarm-row");
        alarmRow.setPadding(new Insets(4, 12, 4, 12));
        // Backends are built in the background (SDK clients take a moment); with none configured the pane says so.
        ChatViewModel chat = new ChatViewModel(CompletableFuture.supplyAsync(engine::llm, background),
                engine.config().orchestrator().llm(), user, engine.actions());
        new ChatMediator(chat, timer);
        tabs = new TabPane(tab("tab-overview", "Overview", overview), tab("tab-alarms", "Alarms", alarmsView),
                tab("tab-trends", "Trends", trends), tab("tab-chat", "Chat", new ChatView(chat)),
                tab("tab-activity", "Activity", new ActivityView(activity)),
                tab("tab-market", "Market", new MarketView(market)),
                tab("tab-optimisation", "Optimisation", new OptimisationView(optimisation)),
                tab("tab-decisions", "Decisions", new BorderPane(new DecisionHistoryView(history),
                        new AdvisorPanel(advisor), null, null, null)),
                tab("tab-settings", "Settings", new SettingsView(new SettingsViewModel(engine.config(), settingsFile,
                        source == null ? "none attached" : source.name(), user, engine.actions(), background))));

        BorderPane root = new BorderPane(tabs);
        root.setTop(new VBox(header, alarmRow));
        scene = new Scene(root, 1440, 900);
        scene.getStylesheets().setAll(theme.stylesheets());

        history.refresh();
        advisor.refresh();
        background.execute(() -> {
            var v = engine.store().verify();
            String text = v.intact()
                    ? "Decision log verified: " + v.rows() + " decisions, chain intact"
                    : "DECISION LOG BROKEN at row " + v.brokenSeq().orElseThrow() + ": " + v.problem();
            Platform.runLater(() -> {
                chain.setText(text);
                chain.getStyleClass().setAll(v.intact() ? "muted" : "alarm-text");
            });
        });
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
        engine.removeDecisionListener(historyMediator);
        engine.removeAdviceListener(advisorMediator);
        advisorMediator.close();
        engine.plant().removeListener(trendMediator);
        engine.plant().removeListener(overviewMediator);
        engine.modules().removeListener(activityMediator);
        engine.modules().removeListener(marketMediator);
        engine.modules().removeListener(optimisationMediator);
        if (alarmMediator != null) {
            engine.alarms().ifPresent(b -> b.removeListener(alarmMediator));
        }
        watchdog.close();
        timer.shutdownNow();
        background.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
