package org.dang.engine.module.market.loading;

/**
 * The EIA series the market analysis reads, with their EIA source keys, units and cadence. Prices
 * of products are in dollars per gallon as EIA publishes them; stocks in thousand barrels.
 */
public enum SeriesId {
    WTI("RWTC", "WTI Cushing spot price", "$/bbl", Cadence.DAILY),
    BRENT("RBRTE", "Brent spot price", "$/bbl", Cadence.DAILY),
    GASOLINE_NYH("EER_EPMRU_PF4_Y35NY_DPG", "NY Harbor conventional regular gasoline spot price", "$/gal",
            Cadence.DAILY),
    GASOLINE_USGC("EER_EPMRU_PF4_RGC_DPG", "US Gulf Coast conventional regular gasoline spot price", "$/gal",
            Cadence.DAILY),
    HEATING_OIL_NYH("EER_EPD2F_PF4_Y35NY_DPG", "NY Harbor No. 2 heating oil spot price", "$/gal", Cadence.DAILY),
    ULSD_NYH("EER_EPD2DXL0_PF4_Y35NY_DPG", "NY Harbor ultra-low sulfur diesel spot price", "$/gal", Cadence.DAILY),
    ULSD_USGC("EER_EPD2DXL0_PF4_RGC_DPG", "US Gulf Coast ultra-low sulfur diesel spot price", "$/gal", Cadence.DAILY),
    CRUDE_FUTURE_1("RCLC1", "NYMEX WTI crude oil future, front month", "$/bbl", Cadence.DAILY),
    RBOB_FUTURE_1("EER_EPMRR_PE1_Y35NY_DPG", "NYMEX RBOB gasoline future, front month", "$/gal", Cadence.DAILY),
    HEATING_OIL_FUTURE_1("EER_EPD2F_PE1_Y35NY_DPG", "NYMEX No. 2 heating oil future, front month", "$/gal",
            Cadence.DAILY),
    CRUDE_STOCKS("WCESTUS1", "US commercial crude oil stocks (excluding SPR)", "kb", Cadence.WEEKLY),
    GASOLINE_STOCKS("WGTSTUS1", "US total motor gasoline stocks", "kb", Cadence.WEEKLY),
    DISTILLATE_STOCKS("WDISTUS1", "US distillate fuel oil stocks", "kb", Cadence.WEEKLY),
    GASOLINE_SUPPLIED("WGFUPUS2", "US finished motor gasoline product supplied", "kb/d", Cadence.WEEKLY),
    REFINERY_UTILISATION("WPULEUS3", "US refinery utilisation of operable capacity", "%", Cadence.WEEKLY);

    private final String eiaKey;
    private final String description;
    private final String unit;
    private final Cadence cadence;

    SeriesId(String eiaKey, String description, String unit, Cadence cadence) {
        this.eiaKey = eiaKey;
        this.description = description;
        this.unit = unit;
        this.cadence = cadence;
    }

    /** EIA's series key, the column name in the converted files. */
    public String eiaKey() {
        return eiaKey;
    }

    /** What the series measures, in words. */
    public String description() {
        return description;
    }

    /** Unit of the values. */
    public String unit() {
        return unit;
    }

    /** Daily or weekly. */
    public Cadence cadence() {
        return cadence;
    }
}
