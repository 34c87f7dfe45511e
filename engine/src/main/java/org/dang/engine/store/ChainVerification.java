package org.dang.engine.store;

import java.util.Optional;

/**
 * Result of checking the decision hash chain.
 *
 * @param rows        rows checked
 * @param headHash    hash of the last good row
 * @param brokenSeq   first row whose hash or link does not verify, if any
 * @param problem     what is wrong with it
 */
public record ChainVerification(long rows, String headHash, Optional<Long> brokenSeq, String problem) {

    /** True when every row verified. */
    public boolean intact() {
        return brokenSeq.isEmpty();
    }
}
