package org.dang.engine.client.remote;

import com.fasterxml.jackson.databind.JsonNode;

import org.dang.engine.module.ModuleName;
import org.dang.engine.module.ModuleRequest;

/**
 * A module request as a remote engine describes it: the module and the request's JSON. Only for showing;
 * a console never submits it (the engine builds its own requests from {@code /invoke} bodies).
 *
 * @param module the module
 * @param json   the request's fields as the engine wrote them
 */
public record RemoteRequest(ModuleName module, JsonNode json) implements ModuleRequest {
}
