package org.dang.engine.module.optimize;

/** A proposal that was already approved or rejected is acted on again. */
public final class ProposalClosedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /** With the message naming the proposal and who closed it. */
    public ProposalClosedException(String message) {
        super(message);
    }
}
