package org.dang.engine.module;

/**
 * A typed request to a module. Implementations are records, so equal requests are equal values
 * (the coordinator's result cache relies on {@code equals}/{@code hashCode}).
 */
public interface ModuleRequest {
    /** The module this request is for. */
    ModuleName module();
}
