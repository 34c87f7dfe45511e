package org.dang.engine.advisor;

/** The model's answer cannot be used; carries the overrule that the record keeps. */
public final class AdviceRejectedException extends RuntimeException {

    private final transient Overrule overrule;

    AdviceRejectedException(OverruleReason reason, String detail) {
        super(reason + ": " + detail);
        this.overrule = new Overrule(reason, detail);
    }

    /** Why the answer cannot be used, and where. */
    public Overrule overrule() {
        return overrule;
    }
}
