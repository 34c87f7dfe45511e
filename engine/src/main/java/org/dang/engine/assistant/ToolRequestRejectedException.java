package org.dang.engine.assistant;

/** The model's tool request cannot be used; names the JSON field at fault and what is wrong with it. */
public final class ToolRequestRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    /** A rejection of {@code field} (a JSON path such as {@code $.parameters.horizon}, or {@code $}). */
    public ToolRequestRejectedException(String field, String detail) {
        super(detail);
        this.field = field;
    }

    /** The JSON path at fault. */
    public String field() {
        return field;
    }
}
