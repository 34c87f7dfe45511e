package org.dang.engine.llm;

/**
 * Which backend and model answer, and where.
 *
 * @param backend  backend kind: openai, sagemaker, local, or fallback for a chain of them
 * @param model    model id or name as the backend knows it
 * @param location URL, endpoint name or folder
 */
public record ModelInfo(String backend, String model, String location) {

    /** For status lines: {@code backend model (location)}. */
    public String describe() {
        return backend + " " + model + (location.isEmpty() ? "" : " (" + location + ")");
    }
}
