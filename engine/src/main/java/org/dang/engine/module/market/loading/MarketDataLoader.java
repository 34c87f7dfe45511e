package org.dang.engine.module.market.loading;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.dang.engine.csv.CsvFormatException;
import org.dang.engine.module.market.loading.EiaCsvReader.Column;

/**
 * Loads the bundled EIA data set ({@code sample-plant-data/oil-market}, see its README.txt): WTI and
 * Brent daily spot prices from the data package (to 2026), product spot prices and NYMEX futures
 * from the converted EIA workbooks (to 2021 and 2022), weekly stocks (1982 to 2022), gasoline
 * product supplied and refinery utilisation (to 2026).
 */
public final class MarketDataLoader {

    /** One file of the data set and the series it holds. */
    private record Source(String path, List<Column> columns) {
    }

    private static final List<Source> SOURCES = List.of(
            new Source("original/datasets_oil-prices/wti-daily.csv", List.of(new Column(SeriesId.WTI, List.of("Price")))),
            new Source("original/datasets_oil-prices/brent-daily.csv",
                    List.of(new Column(SeriesId.BRENT, List.of("Price")))),
            new Source("derived/eia_spot_daily_Data2.csv",
                    List.of(Column.of(SeriesId.GASOLINE_NYH), Column.of(SeriesId.GASOLINE_USGC))),
            new Source("derived/eia_spot_daily_Data4.csv", List.of(Column.of(SeriesId.HEATING_OIL_NYH))),
            new Source("derived/eia_spot_daily_Data5.csv",
                    List.of(Column.of(SeriesId.ULSD_NYH), Column.of(SeriesId.ULSD_USGC))),
            new Source("derived/eia_nymex_futures_daily_Data1.csv", List.of(Column.of(SeriesId.CRUDE_FUTURE_1))),
            new Source("derived/eia_nymex_futures_daily_Data3.csv", List.of(Column.of(SeriesId.RBOB_FUTURE_1))),
            new Source("derived/eia_nymex_futures_daily_Data4.csv", List.of(Column.of(SeriesId.HEATING_OIL_FUTURE_1))),
            new Source("derived/eia_weekly_stocks_us_Data1.csv", List.of(Column.of(SeriesId.CRUDE_STOCKS),
                    Column.of(SeriesId.GASOLINE_STOCKS), Column.of(SeriesId.DISTILLATE_STOCKS))),
            new Source("derived/eia_weekly_gasoline_product_supplied_WGFUPUS2.csv",
                    List.of(new Column(SeriesId.GASOLINE_SUPPLIED,
                            List.of("Weekly U.S. Product Supplied of Finished Motor Gasoline")))),
            new Source("derived/eia_weekly_refinery_utilization_Data1.csv",
                    List.of(new Column(SeriesId.REFINERY_UTILISATION,
                            List.of("Weekly U.S. Percent Utilization of Refinery Operable Capacity")))));

    private MarketDataLoader() {
    }

    /** The data set's folder under the installation: {@code <dang.home>/sample-plant-data/oil-market}. */
    public static Path defaultDirectory() {
        return Path.of(System.getProperty("dang.home", ".")).resolve("sample-plant-data").resolve("oil-market");
    }

    /** Loads every series from the data set in {@code dir}; a missing or malformed file is an error naming it. */
    public static MarketData load(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new CsvFormatException(dir, 0, 0, "market data folder not found (expected the oil-market data set"
                    + " with original/ and derived/)");
        }
        Map<SeriesId, MarketSeries> all = new EnumMap<>(SeriesId.class);
        for (Source s : SOURCES) {
            Path file = dir.resolve(s.path());
            if (!Files.isRegularFile(file)) {
                throw new CsvFormatException(file, 0, 0, "file missing from the market data set");
            }
            all.putAll(EiaCsvReader.read(file, s.columns()));
        }
        return new MarketData(all);
    }
}
