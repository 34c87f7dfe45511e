package org.dang.engine.access;

import java.util.Locale;
import java.util.Set;

/** Actions that change something, with the roles allowed to take them (DESIGN section 5). */
public enum Action {
    ACKNOWLEDGE_ALARM("acknowledge alarms", Set.of(Role.OPERATOR, Role.ENGINEER)),
    SHELVE_ALARM("shelve alarms", Set.of(Role.ENGINEER)),
    UNSHELVE_ALARM("unshelve alarms", Set.of(Role.ENGINEER)),
    APPROVE_SETPOINT("approve setpoint changes", Set.of(Role.OPERATOR, Role.ENGINEER)),
    REJECT_SETPOINT("reject setpoint changes", Set.of(Role.OPERATOR, Role.ENGINEER)),
    REQUEST_MODULE_RUN("request module runs", Set.of(Role.OPERATOR, Role.ENGINEER)),
    CANCEL_MODULE_RUN("cancel module runs", Set.of(Role.OPERATOR, Role.ENGINEER)),
    ASK_ASSISTANT("ask the assistant", Set.of(Role.OPERATOR, Role.ENGINEER)),
    ASK_ADVISOR("ask the decision advisor", Set.of(Role.OPERATOR, Role.ENGINEER)),
    CHANGE_SETTINGS("change settings", Set.of(Role.ENGINEER));

    private final String what;
    private final Set<Role> allowed;

    Action(String what, Set<Role> allowed) {
        this.what = what;
        this.allowed = allowed;
    }

    /** Whether {@code role} may take this action. */
    public boolean allowedFor(Role role) {
        return allowed.contains(role);
    }

    /** Why {@code role} may not take it, in words for a tooltip; empty when it may. */
    public String denialReason(Role role) {
        if (allowedFor(role)) {
            return "";
        }
        String who = allowed.stream().sorted().map(r -> r.name().toLowerCase(Locale.ROOT))
                .reduce((a, b) -> a + " or " + b).orElse("nobody");
        return "Only the " + who + " role may " + what + "; you are signed in as "
                + role.name().toLowerCase(Locale.ROOT) + ".";
    }

    /** The audit name, e.g. acknowledge_alarm. */
    public String auditName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
