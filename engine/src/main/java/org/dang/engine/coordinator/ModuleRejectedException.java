package org.dang.engine.coordinator;

import java.util.Objects;

import org.dang.engine.module.ModuleName;

/** A submission the coordinator did not run: the module is unavailable or its queue was full. */
public class ModuleRejectedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final ModuleName module;

    /** Creates a rejection of work for {@code module}. */
    public ModuleRejectedException(ModuleName module, String message) {
        super(message);
        this.module = Objects.requireNonNull(module, "module");
    }

    /** The module the work was for. */
    public ModuleName module() {
        return module;
    }
}
