package org.dang.app.overview;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One tile of the overview: which tag, its title, and how it is drawn (GAUGE for values with an
 * operating window, SPARK_LINE for values whose recent course matters).
 */
public record TileSpec(String tag, String title, Skin skin, int decimals) {

    /** Tile skins the overview uses. */
    public enum Skin { GAUGE, SPARK_LINE }

    /** The CDU overview layout shipped with the console. */
    public static List<TileSpec> cduOverview() {
        try (InputStream in = Objects.requireNonNull(TileSpec.class.getResourceAsStream("cdu-overview.csv"),
                "cdu-overview.csv")) {
            return parse(in);
        } catch (IOException e) {
            throw new IllegalStateException("the shipped overview layout cannot be read: " + e.getMessage(), e);
        }
    }

    static List<TileSpec> parse(InputStream in) throws IOException {
        List<TileSpec> out = new ArrayList<>();
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int n = 0;
        while ((line = r.readLine()) != null) {
            n++;
            if (n == 1 || line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] c = line.split(",", -1);
            if (c.length != 4) {
                throw new IOException("line " + n + ": expected tag,title,skin,decimals");
            }
            out.add(new TileSpec(c[0].strip(), c[1].strip(), Skin.valueOf(c[2].strip().toUpperCase(Locale.ROOT)),
                    Integer.parseInt(c[3].strip())));
        }
        return out;
    }
}
