package org.dang.engine.plant.sim;

/**
 * Steady-state model of the atmospheric crude unit: desalter, preheat train, furnace, column and
 * yields by ideal TBP cut points, energy and margin. A pure function of its inputs; every number is
 * listed, with its source or "assumption", in docs/simulator.md.
 */
final class CduModel {

    static final double M3_PER_BBL = 0.158987;
    static final double WATER_KG_M3 = 999.0;
    static final double DESIGN_FEED = 100_000;
    static final double MIN_FEED = 1_000;

    static final double CRUDE_TANK_TEMP = 30;
    static final double COLD_TRAIN_HOT_TEMP = 210;
    static final double COLD_TRAIN_EFFECTIVENESS = 0.55;
    static final double HOT_TRAIN_HOT_TEMP = 335;
    static final double HOT_TRAIN_HOT_PER_COT = 0.5;
    static final double HOT_TRAIN_EFFECTIVENESS = 0.72;
    static final double EFFECTIVENESS_FLOW_EXPONENT = -0.2;

    static final double DESALTER_BEST_TEMP = 135;
    static final double DESALTER_BEST_EFFICIENCY = 0.95;
    static final double DESALTER_TEMP_PENALTY = 0.0004;
    static final double DESALTER_OVERLOAD_PENALTY = 0.10;

    static final double CRUDE_CP = 2.6;
    static final double LATENT_HEAT = 250;
    static final double OVERFLASH = 0.03;
    static final double FUEL_GAS_LHV = 47;
    static final double FIRED_DUTY_MAX = 290;
    static final double ABSORBED_DUTY_REF = 200;
    static final double STACK_CLEAN = 165;
    static final double STACK_PER_FOULING = 140;
    static final double STACK_PER_LOAD = 30;
    static final double STACK_PER_AMBIENT = 0.3;
    static final double EFFICIENCY_CLEAN = 0.905;
    static final double STACK_DEGC_PER_EFFICIENCY = 2200;
    static final double TMT_FILM_RISE = 150;
    static final double TMT_COKE_RISE = 230;
    static final double TRANSFER_LINE_DROP = 8;

    static final double TOP_PRESSURE_BASE = 1.5;
    static final double TOP_PRESSURE_PER_LOAD = 0.15;
    static final double TOP_PRESSURE_PER_AMBIENT = 0.008;
    static final double CONDENSER_LIMIT_LOAD = 1.20;
    static final double CONDENSER_LIMIT_PER_AMBIENT = -0.01;
    static final double TOP_PRESSURE_OVERLOAD = 10.0;
    static final double LPG_CUT = 25;
    static final double AR_CUT_BASE = 352;
    static final double AR_CUT_PER_COT = 1.0;
    static final double AR_CUT_PER_LN_STEAM = 10;
    static final double CUT_PER_BAR = -25;
    static final double AR_CUT_PER_DIESEL_DRAW = 0.4;
    static final double TOP_TEMP_BASE = 120;
    static final double TOP_TEMP_PER_LN_REFLUX = -25;
    static final double TOP_TEMP_PER_COT = 0.15;
    static final double TOP_TEMP_PER_BAR = 12;
    static final double TOP_TEMP_PER_LOAD = 5;
    static final double NK_CUT_BASE = 170;
    static final double NK_CUT_PER_TOP_TEMP = 1.2;
    static final double KD_CUT_BASE = 235;
    static final double KD_CUT_PER_DRAW = 1.3;
    static final double MIN_CUT_GAP = 15;
    static final double REFLUX_VAPOUR_WEIGHT = 0.4;
    static final double STEAM_VAPOUR_WEIGHT = 0.015;
    static final double VAPOUR_REF = 0.725;
    static final double DP_AT_DESIGN = 22;
    static final double FLOOD_AT_DESIGN = 0.70;
    static final double BOTTOMS_BELOW_FLASH_ZONE = 10;
    static final double BOTTOMS_PER_STEAM = 1.2;
    static final double KERO_FLASH_BASE = 45;
    static final double KERO_FLASH_PER_NK_CUT = 0.55;
    static final double KERO_FLASH_PER_KD_CUT = 0.05;
    static final double T95_BELOW_AR_CUT = 2;
    static final double T95_PER_DIESEL_DRAW = 0.3;

    static final double PUMP_CAPACITY_CLEAN = 120_000;
    static final double PUMP_CAPACITY_LOSS = 0.45;
    static final double VIBRATION_CLEAN = 1.8;
    static final double VIBRATION_PER_WEAR = 11;
    static final double STEAM_ENERGY = 2.8;
    static final double API_PER_TBP_SHIFT = 0.08;

    /** Everything that depends on the coil outlet temperature actually reached. */
    private record Operation(double cot, double desalterTemp, double furnaceInlet, double topPressure, double topTemp,
                             double nkCut, double kdCut, double arCut, ProductYields yields, double vapourLoad,
                             double absorbed, double stackTemp, double efficiency, double fired) {
    }

    /**
     * The steady state for these inputs.
     *
     * @param mix        crude in the charge line
     * @param tbpShift   slow crude-quality wander, degC added to every TBP lookup (positive = lighter)
     * @param sp         setpoints
     * @param feedDemand charge asked of the pump (setpoint plus upsets), bbl/d
     * @param eq         equipment condition
     * @param ambient    air temperature, degC
     * @param prices     prices for the margin
     */
    SteadyState evaluate(CrudeMix mix, double tbpShift, Setpoints sp, double feedDemand, EquipmentCondition eq,
                         double ambient, Prices prices) {
        double pumpCapacity = PUMP_CAPACITY_CLEAN * (1 - PUMP_CAPACITY_LOSS * eq.pumpWear());
        double feed = Math.max(MIN_FEED, Math.min(feedDemand, pumpCapacity));
        double sg = Crude.specificGravity(mix.api());
        double massTph = feed / 24 * M3_PER_BBL * WATER_KG_M3 * sg / 1000;

        Operation op = operate(sp.coilOutletTemp(), mix, tbpShift, sp, feed, massTph, eq, ambient);
        double required = op.fired();
        if (required > FIRED_DUTY_MAX) {
            op = firingLimited(mix, tbpShift, sp, feed, massTph, eq, ambient);
        }

        double flowRatio = feed / DESIGN_FEED;
        double salt = mix.saltPtb() * (1 - desalterEfficiency(op.desalterTemp(), flowRatio));
        double flux = op.absorbed() / ABSORBED_DUTY_REF;
        double tmt = op.cot() + TMT_FILM_RISE * flux + TMT_COKE_RISE * eq.furnaceFouling() * flux;
        double flashZone = op.cot() - TRANSFER_LINE_DROP;
        ProductYields y = op.yields();
        double feedM3h = feed / 24 * M3_PER_BBL;
        double steamEnergy = STEAM_ENERGY * sp.strippingSteam();
        double bblPerHour = feed / 24;
        double crudeCost = prices.brent() + mix.differential();
        double productValue = y.lpg() * prices.lpg() + y.naphtha() * prices.naphtha() + y.kerosene() * prices.kerosene()
                + y.diesel() * prices.diesel() + y.residue() * (prices.residue() + mix.residuePremium());
        double energyCost = (op.fired() * prices.fuelGas() + sp.strippingSteam() * prices.steam()) / bblPerHour;

        double[] t = new double[CduTag.values().length];
        t[CduTag.FEED_RATE.ordinal()] = feed;
        t[CduTag.CRUDE_API.ordinal()] = mix.api() + API_PER_TBP_SHIFT * tbpShift;
        t[CduTag.DESALTER_TEMP.ordinal()] = op.desalterTemp();
        t[CduTag.DESALTER_SALT_OUT.ordinal()] = salt;
        t[CduTag.FURNACE_INLET_TEMP.ordinal()] = op.furnaceInlet();
        t[CduTag.COIL_OUTLET_TEMP.ordinal()] = op.cot();
        t[CduTag.TUBE_METAL_TEMP.ordinal()] = tmt;
        t[CduTag.FUEL_GAS_FLOW.ordinal()] = op.fired() / FUEL_GAS_LHV;
        t[CduTag.FUEL_GAS_DUTY.ordinal()] = op.fired();
        t[CduTag.FURNACE_EFFICIENCY.ordinal()] = 100 * op.efficiency();
        t[CduTag.STACK_TEMP.ordinal()] = op.stackTemp();
        t[CduTag.FLASH_ZONE_TEMP.ordinal()] = flashZone;
        t[CduTag.TOP_PRESSURE.ordinal()] = op.topPressure();
        t[CduTag.TOP_TEMP.ordinal()] = op.topTemp();
        t[CduTag.KERO_DRAW_TEMP.ordinal()] = sp.keroDrawTemp();
        t[CduTag.DIESEL_DRAW_TEMP.ordinal()] = sp.dieselDrawTemp();
        t[CduTag.BOTTOMS_TEMP.ordinal()] = flashZone - BOTTOMS_BELOW_FLASH_ZONE
                - BOTTOMS_PER_STEAM * (sp.strippingSteam() - Setpoints.STRIPPING_STEAM.nominal());
        t[CduTag.REFLUX_FLOW.ordinal()] = sp.refluxRatio() * y.naphtha() * feedM3h;
        t[CduTag.STRIPPING_STEAM.ordinal()] = sp.strippingSteam();
        t[CduTag.COLUMN_DP.ordinal()] = DP_AT_DESIGN * op.vapourLoad() * op.vapourLoad();
        t[CduTag.LPG_YIELD.ordinal()] = 100 * y.lpg();
        t[CduTag.NAPHTHA_YIELD.ordinal()] = 100 * y.naphtha();
        t[CduTag.KERO_YIELD.ordinal()] = 100 * y.kerosene();
        t[CduTag.DIESEL_YIELD.ordinal()] = 100 * y.diesel();
        t[CduTag.RESIDUE_YIELD.ordinal()] = 100 * y.residue();
        t[CduTag.KERO_FLASH.ordinal()] = KERO_FLASH_BASE + KERO_FLASH_PER_NK_CUT * (op.nkCut() - NK_CUT_BASE)
                + KERO_FLASH_PER_KD_CUT * (op.kdCut() - KD_CUT_BASE);
        t[CduTag.DIESEL_T95.ordinal()] = op.arCut() - T95_BELOW_AR_CUT
                + T95_PER_DIESEL_DRAW * (sp.dieselDrawTemp() - Setpoints.DIESEL_DRAW_TEMP.nominal());
        t[CduTag.FEED_PUMP_VIBRATION.ordinal()] = VIBRATION_CLEAN + VIBRATION_PER_WEAR * eq.pumpWear();
        t[CduTag.ENERGY_PER_BBL.ordinal()] = (op.fired() + steamEnergy) * 1000 / bblPerHour;
        t[CduTag.MARGIN.ordinal()] = productValue - crudeCost - energyCost;
        return new SteadyState(t, y, FLOOD_AT_DESIGN * op.vapourLoad(), pumpCapacity, feedDemand, required,
                FIRED_DUTY_MAX);
    }

    /** The COT the burners can reach at full firing: bisection, fired duty rises with COT. */
    private Operation firingLimited(CrudeMix mix, double shift, Setpoints sp, double feed, double massTph,
                                    EquipmentCondition eq, double ambient) {
        double lo = 250;
        double hi = sp.coilOutletTemp();
        Operation op = operate(lo, mix, shift, sp, feed, massTph, eq, ambient);
        for (int i = 0; i < 40; i++) {
            double mid = (lo + hi) / 2;
            Operation m = operate(mid, mix, shift, sp, feed, massTph, eq, ambient);
            if (m.fired() > FIRED_DUTY_MAX) {
                hi = mid;
            } else {
                lo = mid;
                op = m;
            }
        }
        return op;
    }

    private Operation operate(double cot, CrudeMix mix, double shift, Setpoints sp, double feed, double massTph,
                              EquipmentCondition eq, double ambient) {
        double flowRatio = feed / DESIGN_FEED;
        double flowFactor = Math.pow(flowRatio, EFFECTIVENESS_FLOW_EXPONENT);
        double desalter = CRUDE_TANK_TEMP
                + Math.min(0.95, COLD_TRAIN_EFFECTIVENESS * flowFactor) * (COLD_TRAIN_HOT_TEMP - CRUDE_TANK_TEMP);
        double hotSide = HOT_TRAIN_HOT_TEMP + HOT_TRAIN_HOT_PER_COT * (cot - Setpoints.COIL_OUTLET_TEMP.nominal());
        double hotEff = Math.min(0.95, HOT_TRAIN_EFFECTIVENESS * (1 - eq.preheatLoss()) * flowFactor);
        double inlet = desalter + hotEff * (hotSide - desalter);

        // Two passes: the cut points depend on pressure, the pressure on the vapour the cuts send up.
        double pressure = TOP_PRESSURE_BASE + TOP_PRESSURE_PER_AMBIENT * (ambient - 20);
        Cuts cuts = cuts(cot, pressure, mix, shift, sp, flowRatio);
        pressure = topPressure(cuts.vapour, ambient);
        cuts = cuts(cot, pressure, mix, shift, sp, flowRatio);

        double vaporised = Math.min(1, cuts.yields.distillate() + OVERFLASH);
        double absorbed = massTph * (CRUDE_CP * (cot - inlet) + LATENT_HEAT * vaporised) / 1000;
        double stack = STACK_CLEAN + STACK_PER_FOULING * eq.furnaceFouling()
                + STACK_PER_LOAD * (absorbed / ABSORBED_DUTY_REF - 1) + STACK_PER_AMBIENT * (ambient - 20);
        double efficiency = EFFICIENCY_CLEAN - (stack - STACK_CLEAN) / STACK_DEGC_PER_EFFICIENCY;
        return new Operation(cot, desalter, inlet, pressure, cuts.topTemp, cuts.nk, cuts.kd, cuts.ar, cuts.yields,
                cuts.vapour, absorbed, stack, efficiency, absorbed / efficiency);
    }

    private record Cuts(double topTemp, double nk, double kd, double ar, ProductYields yields, double vapour) {
    }

    private static Cuts cuts(double cot, double pressure, CrudeMix mix, double shift, Setpoints sp, double flowRatio) {
        double dp = pressure - TOP_PRESSURE_BASE;
        double ar = AR_CUT_BASE + AR_CUT_PER_COT * (cot - Setpoints.COIL_OUTLET_TEMP.nominal())
                + AR_CUT_PER_LN_STEAM * Math.log(sp.strippingSteam() / Setpoints.STRIPPING_STEAM.nominal())
                + CUT_PER_BAR * dp
                + AR_CUT_PER_DIESEL_DRAW * (sp.dieselDrawTemp() - Setpoints.DIESEL_DRAW_TEMP.nominal());
        double topTemp = TOP_TEMP_BASE
                + TOP_TEMP_PER_LN_REFLUX * Math.log(sp.refluxRatio() / Setpoints.REFLUX_RATIO.nominal())
                + TOP_TEMP_PER_COT * (cot - Setpoints.COIL_OUTLET_TEMP.nominal()) + TOP_TEMP_PER_BAR * dp
                + TOP_TEMP_PER_LOAD * (flowRatio - 1);
        double nk = NK_CUT_BASE + NK_CUT_PER_TOP_TEMP * (topTemp - TOP_TEMP_BASE) + CUT_PER_BAR * dp;
        double kd = KD_CUT_BASE + KD_CUT_PER_DRAW * (sp.keroDrawTemp() - Setpoints.KERO_DRAW_TEMP.nominal());
        // Keep the products in boiling order whatever the setpoints say.
        kd = Math.min(kd, ar - MIN_CUT_GAP);
        nk = Math.max(LPG_CUT + MIN_CUT_GAP, Math.min(nk, kd - MIN_CUT_GAP));
        double xLpg = mix.percentBelow(LPG_CUT + shift) / 100;
        double xNk = mix.percentBelow(nk + shift) / 100;
        double xKd = mix.percentBelow(kd + shift) / 100;
        double xAr = mix.percentBelow(ar + shift) / 100;
        ProductYields y = new ProductYields(xLpg, xNk - xLpg, xKd - xNk, xAr - xKd, 1 - xAr);
        double vapour = flowRatio * (Math.min(1, xAr + OVERFLASH) + REFLUX_VAPOUR_WEIGHT * sp.refluxRatio() * y.naphtha()
                + STEAM_VAPOUR_WEIGHT * sp.strippingSteam()) / VAPOUR_REF;
        return new Cuts(topTemp, nk, kd, ar, y, vapour);
    }

    /**
     * Top pressure: the pressure controller holds 1.5 barg; it creeps up with vapour load and hot air
     * on the air coolers, and climbs steeply once the overhead condensers run out of capacity.
     */
    static double topPressure(double vapourLoad, double ambient) {
        double condenserLimit = CONDENSER_LIMIT_LOAD + CONDENSER_LIMIT_PER_AMBIENT * (ambient - 20);
        double overload = Math.max(0, vapourLoad - condenserLimit);
        return TOP_PRESSURE_BASE + TOP_PRESSURE_PER_LOAD * (vapourLoad - 1) + TOP_PRESSURE_PER_AMBIENT * (ambient - 20)
                + TOP_PRESSURE_OVERLOAD * overload * overload;
    }

    /** Fraction of the salt the desalter removes: best near 135 degC, worse when overloaded. */
    static double desalterEfficiency(double temp, double flowRatio) {
        double e = DESALTER_BEST_EFFICIENCY - DESALTER_TEMP_PENALTY * Math.pow(temp - DESALTER_BEST_TEMP, 2)
                - DESALTER_OVERLOAD_PENALTY * Math.max(0, flowRatio - 1);
        return Math.max(0.5, Math.min(0.99, e));
    }
}
