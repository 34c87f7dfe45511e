package org.dang.engine.plant.sim;

/**
 * Prices the margin is computed from; an input that may change while the unit runs.
 *
 * @param brent     marker crude, USD/bbl (each crude adds its differential)
 * @param lpg       USD/bbl
 * @param naphtha   USD/bbl
 * @param kerosene  USD/bbl
 * @param diesel    USD/bbl
 * @param residue   atmospheric residue (high-sulfur fuel oil value), USD/bbl
 * @param fuelGas   USD/GJ (LHV)
 * @param steam     stripping steam, USD/t
 */
public record Prices(double brent, double lpg, double naphtha, double kerosene, double diesel, double residue,
                     double fuelGas, double steam) {

    /**
     * 2019 averages of EIA daily spot prices (Brent; Mont Belvieu propane for LPG; US Gulf Coast
     * conventional gasoline less 8 USD/bbl for naphtha; Gulf Coast jet for kerosene; Gulf Coast ULSD
     * for diesel) and assumed residue (85 % of Brent), fuel gas and steam prices.
     */
    public static Prices eia2019() {
        double brent = 64.30;
        return new Prices(brent, 0.5417 * 42, 1.7010 * 42 - 8.0, 1.8787 * 42, 1.8840 * 42, 0.85 * brent, 3.0, 10.0);
    }

    /** The same prices with another Brent price and products moved by the same amount. */
    public Prices withBrentMove(double usdPerBbl) {
        return new Prices(brent + usdPerBbl, lpg + usdPerBbl, naphtha + usdPerBbl, kerosene + usdPerBbl,
                diesel + usdPerBbl, residue + usdPerBbl, fuelGas, steam);
    }

    /** The same prices with another diesel price. */
    public Prices withDiesel(double usdPerBbl) {
        return new Prices(brent, lpg, naphtha, kerosene, usdPerBbl, residue, fuelGas, steam);
    }

    /** The same prices with another fuel gas price. */
    public Prices withFuelGas(double usdPerGj) {
        return new Prices(brent, lpg, naphtha, kerosene, diesel, residue, usdPerGj, steam);
    }
}
