package org.dang.engine.monitor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Facts about the Tennessee Eastman benchmark files (sample-plant-data/tennessee-eastman/README.txt). */
public final class TennesseeEastman {

    /** Tags per observation: XMEAS(1..41), then XMV(1..11). */
    public static final int TAGS = 52;
    /** Faults that PCA-type monitoring is known not to detect; left out of mean detection rates. */
    public static final Set<Integer> UNDETECTABLE_FAULTS = Set.of(3, 9, 15);

    private static final Pattern FAULT = Pattern.compile("^d(\\d{2})(?:_te)?\\.dat$");
    private static final List<String> NAMES = names();

    private TennesseeEastman() {
    }

    /** Tag names in column order: XMEAS(1)..XMEAS(41), XMV(1)..XMV(11). */
    public static List<String> tagNames() {
        return NAMES;
    }

    /** Reads a TEP file (500 x 52 d00.dat layout transposed, or 480/960 x 52). */
    public static DataTable read(Path file) {
        return DataTableReader.read(file, TAGS);
    }

    /** Fault number of a file named dNN.dat or dNN_te.dat (0 = normal operation); empty for other names. */
    public static OptionalInt faultNumber(Path file) {
        Path name = file.getFileName();
        Matcher m = FAULT.matcher(name == null ? "" : name.toString());
        return m.matches() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
    }

    private static List<String> names() {
        List<String> n = new ArrayList<>();
        for (int i = 1; i <= 41; i++) {
            n.add("XMEAS(" + i + ")");
        }
        for (int i = 1; i <= 11; i++) {
            n.add("XMV(" + i + ")");
        }
        return Collections.unmodifiableList(n);
    }
}
