package org.dang.engine.server;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.dang.engine.module.ModuleName;
import org.dang.engine.module.ModuleRequest;

/**
 * The one registry of what {@code POST /invoke/{module}} accepts: per module, the typed request record
 * its body is read into (strictly: unknown fields are errors) and a validator for rules a record's
 * types cannot say. A module that lands later plugs in with one {@link #register} line in
 * {@link #standard()}; the server then also needs the module installed in the engine.
 */
public final class ModuleRequests {

    /** Checks a parsed request; throws {@link IllegalArgumentException} whose message names the field. */
    @FunctionalInterface
    public interface Validator<Q> {
        /** Throws when {@code request} is not acceptable. */
        void validate(Q request);
    }

    /** A module's request type and validator. */
    public record Entry<Q extends ModuleRequest>(Class<Q> type, Validator<Q> validator) {
        /** Runs the validator on an already typed request. */
        void check(ModuleRequest request) {
            validator.validate(type.cast(request));
        }
    }

    private final Map<ModuleName, Entry<?>> entries = new EnumMap<>(ModuleName.class);

    /** The request types of the modules this build has. */
    public static ModuleRequests standard() {
        // One line per module as the modules land, e.g.
        // .register(ModuleName.FORECASTING, ForecastRequest.class, ForecastRequest::validate)
        return new ModuleRequests();
    }

    /** Registers {@code module}'s request type; returns this for chaining. */
    public <Q extends ModuleRequest> ModuleRequests register(ModuleName module, Class<Q> type, Validator<Q> validator) {
        entries.put(module, new Entry<>(type, validator));
        return this;
    }

    /** The entry of {@code module}, if registered. */
    public Optional<Entry<?>> entry(ModuleName module) {
        return Optional.ofNullable(entries.get(module));
    }

    /** Modules with a registered request type. */
    public Set<ModuleName> modules() {
        return Set.copyOf(entries.keySet());
    }
}
