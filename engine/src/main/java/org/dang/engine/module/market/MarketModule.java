package org.dang.engine.module.market;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

import org.dang.engine.module.ModuleFailure;
import org.dang.engine.module.ModuleName;
import org.dang.engine.module.PlantModule;
import org.dang.engine.module.RunContext;
import org.dang.engine.module.market.analysis.PublicationCalendar;
import org.dang.engine.module.market.loading.MarketDataLoader;
import org.dang.engine.situation.MarketQuote;
import org.dang.engine.situation.MarketIndicators;
import org.dang.engine.situation.MarketSignal;
import org.dang.engine.situation.Quality;

/**
 * The analysis module: oil stock and demand market analysis over the EIA data set. As a
 * {@link PlantModule} it answers {@link MarketRequest}s with a {@link MarketReport}; as a
 * {@link MarketSignal} it gives each live situation its market part as of the plant time, so the
 * decision contract's rule 4 fires from the same analysis. The data set is loaded on first use and
 * kept; a data set that cannot be read is reported (file, line, column) by every run and makes the
 * market part BAD, so nothing is decided on it.
 */
public final class MarketModule implements PlantModule<MarketRequest, MarketReport>, MarketSignal {

    private static final Logger LOG = System.getLogger(MarketModule.class.getName());

    private final Path directory;
    private final MarketSettings settings;
    private MarketAnalysis analysis;
    private IOException loadFailure;
    /** The last indicators handed out, keyed by what was published: cycles between releases reuse them. */
    private volatile Cached cached = new Cached(Long.MIN_VALUE, Long.MIN_VALUE, null);
    /** The latest plant time a situation asked about; null before the first. */
    private volatile Instant situationTime;

    private record Cached(long day, long week, MarketIndicators indicators) {
    }

    /** The module over the data set in {@code directory}. */
    public MarketModule(Path directory, MarketSettings settings) {
        this.directory = directory;
        this.settings = settings;
    }

    /** The module over an analysis already prepared (tests, benchmarks). */
    public MarketModule(MarketAnalysis analysis) {
        this.directory = null;
        this.settings = analysis.settings();
        this.analysis = analysis;
    }

    @Override
    public ModuleName name() {
        return ModuleName.ANALYSIS;
    }

    @Override
    public Class<MarketRequest> requestType() {
        return MarketRequest.class;
    }

    @Override
    public MarketReport run(MarketRequest request, RunContext context) throws ModuleFailure {
        context.progress(0.0, "loading EIA market data");
        MarketAnalysis a;
        try {
            a = analysis();
        } catch (IOException e) {
            throw new ModuleFailure("market data could not be loaded: " + e.getMessage(), false, e);
        }
        context.checkCancelled();
        context.progress(0.5, "analysing the market as of " + request.asOf());
        MarketReport report = a.report(request.asOf());
        context.progress(1.0, report.findings().size() + " findings");
        return report;
    }

    @Override
    public Optional<MarketIndicators> at(Instant time) {
        situationTime = time;
        long day = PublicationCalendar.lastVisibleDay(time);
        long week = PublicationCalendar.lastVisibleWeekEnd(time);
        Cached c = cached;
        if (c.day() == day && c.week() == week) {
            return Optional.of(c.indicators());
        }
        MarketIndicators indicators;
        try {
            indicators = analysis().report(time, false).indicators();
        } catch (IOException e) {
            indicators = new MarketIndicators(0, 0, 0, 0, Quality.BAD);
        }
        cached = new Cached(day, week, indicators);
        return Optional.of(indicators);
    }

    @Override
    public Optional<MarketQuote> crackSpreadAt(Instant time) {
        try {
            return analysis().crackSpread(time);
        } catch (IOException e) {
            return Optional.empty(); // the load failure is logged once by analysis()
        }
    }

    /**
     * The time a request without an explicit date is analysed as of: the plant time of the latest
     * situation (so a decision on replayed 2020 data analyses 2020), else the wall clock.
     */
    public Instant defaultAsOf() {
        Instant t = situationTime;
        return t != null ? t : Instant.now();
    }

    /** The prepared analysis, loading the data set on first use. */
    public synchronized MarketAnalysis analysis() throws IOException {
        if (analysis == null) {
            if (loadFailure != null) {
                throw loadFailure;
            }
            try {
                analysis = new MarketAnalysis(MarketDataLoader.load(directory), settings);
            } catch (IOException e) {
                LOG.log(Level.ERROR, "market data set " + directory + " not usable: " + e.getMessage());
                loadFailure = e;
                throw e;
            }
        }
        return analysis;
    }
}
