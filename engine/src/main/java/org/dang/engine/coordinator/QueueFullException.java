package org.dang.engine.coordinator;

import org.dang.engine.module.ModuleName;

/** Work refused by a full module queue, or dropped from it to make room for higher-priority work. */
public class QueueFullException extends ModuleRejectedException {
    private static final long serialVersionUID = 1L;
    private final boolean displaced;

    /** Creates the exception; {@code displaced} is true when already-queued work was pushed out. */
    public QueueFullException(ModuleName module, String message, boolean displaced) {
        super(module, message);
        this.displaced = displaced;
    }

    /** True when the work had been queued and was displaced by higher-priority work. */
    public boolean displaced() {
        return displaced;
    }
}
