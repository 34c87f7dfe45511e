package org.dang.engine.access;

import java.time.InstantSource;
import java.util.Locale;
import java.util.function.Supplier;

import org.dang.engine.store.AuditEvent;
import org.dang.engine.store.DecisionStore;

/**
 * The one way to take an action: checks the role, does it, and writes an audit event whatever
 * happens (OK, DENIED or FAILED, with the detail). Views and the API both go through here.
 */
public final class AuditedActions {

    private final DecisionStore store;
    private final InstantSource clock;

    /** Audits into {@code store}. */
    public AuditedActions(DecisionStore store, InstantSource clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Takes {@code action} on {@code target} for {@code user}; {@code work} returns a short result
     * description for the audit trail.
     *
     * @throws AccessDeniedException when the role does not allow it (audited as DENIED)
     */
    public String perform(User user, Action action, String target, Supplier<String> work) {
        if (!action.allowedFor(user.role())) {
            String reason = action.denialReason(user.role());
            audit(user, action, target, "DENIED", reason);
            throw new AccessDeniedException(reason);
        }
        String detail;
        try {
            detail = work.get();
        } catch (RuntimeException e) {
            audit(user, action, target, "FAILED", String.valueOf(e.getMessage()));
            throw e;
        }
        audit(user, action, target, "OK", detail);
        return detail;
    }

    private void audit(User user, Action action, String target, String result, String detail) {
        store.audit(new AuditEvent(clock.instant(), user.name(), user.role().name().toLowerCase(Locale.ROOT),
                action.auditName(), target, user.origin(), result, detail));
    }
}
