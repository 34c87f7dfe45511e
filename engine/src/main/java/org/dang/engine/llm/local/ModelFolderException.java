package org.dang.engine.llm.local;

import java.io.IOException;

/** A model folder that cannot be used: a missing file, a bad config field, a tensor of the wrong shape. */
public final class ModelFolderException extends IOException {

    private static final long serialVersionUID = 1L;

    /** A problem described by {@code message}, which names the file, field or tensor at fault. */
    public ModelFolderException(String message) {
        super(message);
    }

    /** A problem with an underlying cause. */
    public ModelFolderException(String message, Throwable cause) {
        super(message, cause);
    }
}
