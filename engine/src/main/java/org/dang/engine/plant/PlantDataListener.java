package org.dang.engine.plant;

/** Receives a data source's scans and problems, on the source's thread, in time order. */
public interface PlantDataListener {

    /** One scan of all tags. */
    void scan(PlantScan scan);

    /** A problem with the incoming data (the scan it belongs to still arrives, with quality flags). */
    void problem(DataProblem problem);

    /** The source has no more data (a replay reached its end without looping, or stopped). */
    default void ended() {
    }
}
