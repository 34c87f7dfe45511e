package org.dang.engine.advisor;

import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import org.dang.engine.json.Json;

/**
 * Finds which situation an advisor prompt is about: the {@code situation.id} of the JSON data block
 * between the {@code <plant-data>} delimiters ({@link PlantSummary}). Values inside the block cannot
 * spell the delimiters (they are escaped), so the first closing delimiter ends the block.
 */
final class PromptSituation {

    private static final String OPEN = "<plant-data>";
    private static final String CLOSE = "</plant-data>";

    private PromptSituation() {
    }

    /** The situation id, or empty when the prompt has no readable data block. */
    static Optional<String> idOf(String prompt) {
        int open = prompt.indexOf(OPEN);
        int close = open < 0 ? -1 : prompt.indexOf(CLOSE, open + OPEN.length());
        if (close < 0) {
            return Optional.empty();
        }
        try {
            JsonNode id = Json.mapper().readTree(prompt.substring(open + OPEN.length(), close)).path("situation").path("id");
            return id.isTextual() && !id.asText().isBlank() ? Optional.of(id.asText()) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
