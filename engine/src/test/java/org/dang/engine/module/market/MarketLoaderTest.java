package org.dang.engine.module.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dang.engine.module.market.analysis.CrackSpread;
import org.dang.engine.module.market.loading.EiaCsvReader;
import org.dang.engine.module.market.loading.EiaCsvReader.Column;
import org.dang.engine.module.market.loading.MarketData;
import org.dang.engine.csv.CsvFormatException;
import org.dang.engine.module.market.loading.MarketDataLoader;
import org.dang.engine.module.market.loading.MarketSeries;
import org.dang.engine.module.market.loading.Observations;
import org.dang.engine.module.market.loading.SeriesId;

/** The EIA loader on the bundled files and on small hand-made files with what real downloads contain. */
class MarketLoaderTest {

    static final Path DATA = Path.of("../sample-plant-data/oil-market");

    @TempDir
    Path dir;

    @Test
    void bundledDataSetLoadsWithItsKnownShape() throws IOException {
        MarketData d = MarketDataLoader.load(DATA);
        Observations wti = d.daily(SeriesId.WTI);
        assertEquals(10226, wti.size());
        assertEquals(LocalDate.of(1986, 1, 2), wti.date(0));
        int negative = wti.at(LocalDate.of(2020, 4, 20).toEpochDay());
        assertEquals(-36.98, wti.value(negative), 1e-9, "the negative settlement is a real value and is kept");
        Observations crude = d.weekly(SeriesId.CRUDE_STOCKS);
        assertEquals(2058, crude.size());
        assertEquals(LocalDate.of(1982, 8, 20), crude.date(0));
        assertEquals(LocalDate.of(2022, 3, 4), crude.date(crude.size() - 1));
        assertEquals(411562, crude.value(crude.size() - 1), 1e-9);
        // The stocks workbook has missing weeks in 1982-83 (e.g. 1982-08-27 to 1982-09-24).
        assertEquals(6, d.series().get(SeriesId.CRUDE_STOCKS).notes().gaps());
        assertEquals(0, d.series().get(SeriesId.GASOLINE_SUPPLIED).notes().gaps());
        assertEquals(LocalDate.of(1990, 1, 5), d.weekly(SeriesId.GASOLINE_STOCKS).date(0), "blank cells are no data");
        assertEquals(LocalDate.of(2026, 2, 20), d.weekly(SeriesId.REFINERY_UTILISATION)
                .date(d.weekly(SeriesId.REFINERY_UTILISATION).size() - 1));
        assertThrows(IllegalArgumentException.class, () -> d.weekly(SeriesId.WTI), "WTI is daily");
    }

    @Test
    void crackSpreadMatchesTheDataSetsOwnDerivedColumn() throws IOException {
        MarketData d = MarketDataLoader.load(DATA);
        Observations ours = CrackSpread.threeTwoOne(d.daily(SeriesId.GASOLINE_NYH), d.daily(SeriesId.HEATING_OIL_NYH),
                d.daily(SeriesId.WTI));
        Map<SeriesId, MarketSeries> theirs = EiaCsvReader.read(DATA.resolve("derived/crack_spread_321_daily_DERIVED.csv"),
                List.of(new Column(SeriesId.WTI, List.of("crack321_spot_NYH_gas_HO_vs_WTI"))));
        Observations derived = theirs.get(SeriesId.WTI).observations();
        assertEquals(derived.size(), ours.size(), "same days");
        double worst = 0;
        for (int i = 0; i < ours.size(); i++) {
            assertEquals(derived.day(i), ours.day(i));
            worst = Math.max(worst, Math.abs(derived.value(i) - ours.value(i)));
        }
        assertTrue(worst < 0.001, "differs only by the derived file's rounding: " + worst);
        assertEquals(31.0, CrackSpread.threeTwoOne(2.0, 2.5, 60.0), 1e-12, "(2*2.0*42 + 2.5*42)/3 - 60");
    }

    @Test
    void eiaDownloadLayoutWithPreambleUsDatesNewestFirst() throws IOException {
        Path f = write("download.csv", "\uFEFFWeekly U.S. Product Supplied of Finished Motor Gasoline\r\n"
                + "https://www.eia.gov/dnav/pet/hist/LeafHandler.ashx?n=PET&s=WGFUPUS2&f=W\r\n"
                + "09:58:16 GMT-0800 (Pacific Standard Time)\r\n"
                + "Data source: U.S. Energy Information Administration\r\n"
                + "Week of,Weekly U.S. Product Supplied of Finished Motor Gasoline Thousand Barrels per Day\r\n"
                + "02/20/2026,8733\r\n02/13/2026,8749\r\n02/6/2026,8300");
        Observations o = read(f, SeriesId.GASOLINE_SUPPLIED).observations();
        assertEquals(3, o.size());
        assertEquals(LocalDate.of(2026, 2, 6), o.date(0), "sorted ascending");
        assertEquals(8733, o.value(2), 1e-9);
    }

    @Test
    void headerVariantsFindTheirColumn() throws IOException {
        Path pkg = write("wti.csv", "Date,Price\n2020-04-17,18.27\n2020-04-20,-36.98\n");
        assertEquals(-36.98, read(pkg, SeriesId.WTI).observations().value(1), 1e-9);
        Path quoted = write("quoted.csv", "\"DATE\",\"rbrte\",\"RWTC\"\n\"2020-04-20\",\"9.12\",\"-36.98\"\n");
        assertEquals(-36.98, read(quoted, SeriesId.WTI).observations().value(0), 1e-9, "found by key, any case");
        Path wrong = write("wrong.csv", "date,A,B\n2020-04-20,1,2\n");
        CsvFormatException e = assertThrows(CsvFormatException.class, () -> read(wrong, SeriesId.WTI));
        assertEquals(1, e.line());
        assertTrue(e.getMessage().contains("no column for RWTC"), e.getMessage());
    }

    @Test
    void duplicatedDatesKeepOneAndConflictsKeepTheLastRow() throws IOException {
        Path f = write("dup.csv", "date,WCESTUS1\n2020-01-03,100\n2020-01-10,110\n2020-01-10,110\n2020-01-17,120\n"
                + "2020-01-17,125\n");
        MarketSeries s = read(f, SeriesId.CRUDE_STOCKS);
        assertEquals(3, s.observations().size());
        assertEquals(125, s.observations().value(2), 1e-9, "the later row of a conflicting pair wins");
        assertEquals(1, s.notes().duplicateDates());
        assertEquals(1, s.notes().conflictingDates());
    }

    @Test
    void missingWeeksAreCountedNotInvented() throws IOException {
        Path f = write("gaps.csv", "date,WCESTUS1\n2020-01-03,100\n2020-01-10,\n2020-01-17,NA\n2020-01-24,120\n"
                + "2020-02-21,130\n");
        MarketSeries s = read(f, SeriesId.CRUDE_STOCKS);
        assertEquals(3, s.observations().size());
        assertEquals(2, s.notes().blanks());
        assertEquals(2 + 3, s.notes().gaps(), "two blank weeks plus three absent ones");
    }

    @Test
    void malformedRowsNameFileLineAndColumn() throws IOException {
        Path text = write("text.csv", "date,RWTC,RBRTE\n2020-04-17,18.27,28.08\n2020-04-20,abc,9.12\n");
        CsvFormatException e = assertThrows(CsvFormatException.class, () -> read(text, SeriesId.WTI));
        assertEquals(3, e.line());
        assertEquals(2, e.column());
        assertTrue(e.getMessage().startsWith(text + ":3:2: 'abc' is not a number"), e.getMessage());

        Path nan = write("nan.csv", "date,RWTC\n2020-04-17,NaN\n");
        assertTrue(assertThrows(CsvFormatException.class, () -> read(nan, SeriesId.WTI)).getMessage()
                .contains(":2:2: 'NaN' is not a finite number"));

        Path shortRow = write("short.csv", "date,RBRTE,RWTC\n2020-04-17,28.08,18.27\n2020-04-20,9.12\n");
        CsvFormatException s = assertThrows(CsvFormatException.class, () -> read(shortRow, SeriesId.WTI));
        assertEquals(3, s.line());
        assertTrue(s.getMessage().contains("no value for RWTC"), s.getMessage());

        Path badDate = write("date.csv", "date,RWTC\n2020-04-17,18.27\n2020-13-45,1\n");
        CsvFormatException b = assertThrows(CsvFormatException.class, () -> read(badDate, SeriesId.WTI));
        assertEquals(3, b.line());
        assertEquals(1, b.column());

        Path extra = write("extra.csv", "date,RWTC\n2020-04-17,18.27,5\n");
        assertEquals(3, assertThrows(CsvFormatException.class, () -> read(extra, SeriesId.WTI)).column());

        Path noHeader = write("nohead.csv", "2020-04-17,18.27\n");
        assertTrue(assertThrows(CsvFormatException.class, () -> read(noHeader, SeriesId.WTI)).getMessage()
                .contains("no header line"));
        Path empty = write("empty.csv", "date,RWTC\n");
        assertTrue(assertThrows(CsvFormatException.class, () -> read(empty, SeriesId.WTI)).getMessage()
                .contains("no data row"));
    }

    @Test
    void aMissingFileInTheDataSetIsNamed() throws IOException {
        Files.createDirectories(dir.resolve("set"));
        CsvFormatException e = assertThrows(CsvFormatException.class, () -> MarketDataLoader.load(dir.resolve("set")));
        assertTrue(e.getMessage().contains("wti-daily.csv") && e.getMessage().contains("missing"), e.getMessage());
        assertTrue(assertThrows(CsvFormatException.class, () -> MarketDataLoader.load(dir.resolve("nowhere")))
                .getMessage().contains("market data folder not found"));
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static MarketSeries read(Path f, SeriesId id) throws IOException {
        return EiaCsvReader.read(f, List.of(Column.of(id))).get(id);
    }
}
