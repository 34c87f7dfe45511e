package org.dang.app.trend;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Writes the pens on screen as CSV: one row per tag and sample, with its quality. */
final class TrendExport {

    private TrendExport() {
    }

    static void csv(List<TrendData> pens, Writer out) throws IOException {
        out.write("tag,unit,time,value,quality\r\n");
        for (TrendData p : pens) {
            for (int i = 0; i < p.size(); i++) {
                long millis = Math.round(p.seconds()[i] * 1000);
                out.write(p.tag() + "," + p.unit() + "," + Instant.ofEpochMilli(millis) + ","
                        + (Double.isNaN(p.values()[i]) ? "" : String.format(Locale.ROOT, "%.6g", p.values()[i])) + ","
                        + (p.badQuality()[i] ? "BAD" : "GOOD") + "\r\n");
            }
        }
        out.flush();
    }
}
