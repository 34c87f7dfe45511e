package org.dang.engine.plant.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The bundled sample month: two crude switches, furnace fouling over weeks, a charge pump
 * degradation episode ended by one maintenance window, preheat fouling, a feed pulse and a feed
 * step, and three sensor faults of each kind (several on the decision engine's required tags).
 */
public final class SampleMonth {

    private SampleMonth() {
    }

    /** The schedule with day 0 at {@code start}. */
    public static EventSchedule schedule(Instant start) {
        At at = new At(start);
        List<CduEvent> e = new ArrayList<>();
        e.add(new FurnaceFouling(at.t(2, 0, 0), at.t(27, 0, 0), 0.42, "coke build-up in the radiant tubes"));
        e.add(new SensorFault(at.t(3, 10, 0), at.t(3, 13, 0), CduTag.TOP_PRESSURE, FaultMode.FLATLINE, 0.0,
                "PT-1101 failed low"));
        e.add(new SensorFault(at.t(4, 2, 0), at.t(4, 6, 0), CduTag.TUBE_METAL_TEMP, FaultMode.SPIKE, 40,
                "TI-1215 thermocouple loose in its well"));
        e.add(new SensorFault(at.t(5, 14, 0), at.t(5, 14, 45), CduTag.TOP_TEMP, FaultMode.DROPOUT, 0,
                "TI-1102 input card fault"));
        e.add(new CrudeSwitch(at.t(6, 8, 0), at.t(6, 12, 0), "heavy_sour", "switch to tank T-203"));
        e.add(new SensorFault(at.t(7, 9, 0), at.t(7, 10, 30), CduTag.COIL_OUTLET_TEMP, FaultMode.STUCK, 0,
                "TI-1210 historian value frozen"));
        e.add(new SensorFault(at.t(8, 0, 0), at.t(9, 0, 0), CduTag.COIL_OUTLET_TEMP, FaultMode.DRIFT, 6,
                "TI-1210 thermocouple drift"));
        e.add(new PumpDegradation(at.t(9, 0, 0), at.t(11, 0, 0), 0.45, "P-101 bearing wear"));
        e.add(new Maintenance(at.t(11, 6, 0), at.t(11, 14, 0), Equipment.FEED_PUMP, 0.85,
                "P-101 taken out, P-101B in service"));
        e.add(new SensorFault(at.t(12, 8, 0), at.t(12, 11, 0), CduTag.COLUMN_DP, FaultMode.SPIKE, 6,
                "PDT-1105 impulse line plugging"));
        e.add(new SensorFault(at.t(13, 6, 0), at.t(13, 12, 0), CduTag.KERO_FLASH, FaultMode.FLATLINE, 50,
                "flash analyser left in calibration hold"));
        e.add(new FeedUpset(at.t(14, 10, 0), at.t(14, 10, 45), FeedUpset.Shape.PULSE, -15_000,
                "charge pump suction upset"));
        e.add(new PreheatDegradation(at.t(15, 0, 0), at.t(25, 0, 0), 0.12, "E-104 shell-side fouling"));
        e.add(new SensorFault(at.t(16, 3, 0), at.t(16, 5, 0), CduTag.TUBE_METAL_TEMP, FaultMode.STUCK, 0,
                "TI-1215 transmitter frozen"));
        e.add(new SensorFault(at.t(17, 6, 0), at.t(17, 18, 0), CduTag.TOP_TEMP, FaultMode.DRIFT, -5,
                "TI-1102 drifting low"));
        e.add(new SensorFault(at.t(18, 8, 0), at.t(18, 12, 0), CduTag.DIESEL_T95, FaultMode.DROPOUT, 0,
                "distillation analyser down"));
        e.add(new FeedUpset(at.t(19, 6, 0), at.t(19, 8, 0), FeedUpset.Shape.STEP, -8_000,
                "tank farm restriction: charge cut"));
        e.add(new SensorFault(at.t(20, 13, 0), at.t(20, 15, 0), CduTag.FUEL_GAS_FLOW, FaultMode.SPIKE, 1.0,
                "FT-1220 electrical noise"));
        e.add(new SensorFault(at.t(21, 0, 0), at.t(21, 8, 0), CduTag.FEED_PUMP_VIBRATION, FaultMode.FLATLINE, 0.0,
                "vibration probe cable cut"));
        e.add(new CrudeSwitch(at.t(22, 14, 0), at.t(22, 18, 0), "light_sweet", "switch to tank T-201"));
        e.add(new SensorFault(at.t(23, 10, 0), at.t(23, 16, 0), CduTag.FURNACE_INLET_TEMP, FaultMode.STUCK, 0,
                "TI-1201 frozen"));
        e.add(new SensorFault(at.t(24, 0, 0), at.t(26, 0, 0), CduTag.FEED_RATE, FaultMode.DRIFT, 4_000,
                "FT-1001 orifice meter drift"));
        e.add(new SensorFault(at.t(27, 12, 0), at.t(27, 12, 20), CduTag.FEED_RATE, FaultMode.DROPOUT, 0,
                "FT-1001 signal lost"));
        return new EventSchedule(e);
    }

    private record At(Instant start) {
        Instant t(int day, int hour, int minute) {
            return start.plus(Duration.ofDays(day).plusHours(hour).plusMinutes(minute));
        }
    }
}
