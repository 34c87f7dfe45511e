package org.dang.engine.plant;

import java.util.List;

/**
 * Where live plant data comes from: CSV replay of recorded history, the CDU simulator, and later
 * OPC UA. A source owns its thread; {@link #start} returns at once.
 */
public interface PlantDataSource extends AutoCloseable {

    /** Operator-readable name, e.g. "replay of sample-plant-data/cdu/history.csv.gz at 60x". */
    String name();

    /** The tags this source delivers. */
    List<TagDefinition> tags();

    /** Starts delivering scans to {@code listener}. */
    void start(PlantDataListener listener);

    /** Stops delivering and releases the thread and files. */
    @Override
    void close();
}
