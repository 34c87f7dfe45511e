package org.dang.engine.coordinator;

import org.dang.engine.module.ModuleName;

/** Work for a module that is not registered, is disabled in the configuration, or whose coordinator closed. */
public class ModuleUnavailableException extends ModuleRejectedException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public ModuleUnavailableException(ModuleName module, String message) {
        super(module, message);
    }
}
