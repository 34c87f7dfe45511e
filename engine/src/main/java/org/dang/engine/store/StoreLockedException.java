package org.dang.engine.store;

/** The store file is already open in another process; opening it twice would corrupt it. */
public final class StoreLockedException extends StoreException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception for the store at {@code path}. */
    public StoreLockedException(String path, Throwable cause) {
        super("the decision store " + path + ".mv.db is already open in another DAN_G process (a console, a"
                + " server or a CLI verb); close that process or use another store with --store", cause);
    }
}
