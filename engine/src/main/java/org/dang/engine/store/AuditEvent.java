package org.dang.engine.store;

import java.time.Instant;

/**
 * Who did what, when, from where, and with what result.
 *
 * @param time   when
 * @param actor  user name
 * @param role   viewer, operator or engineer
 * @param action e.g. acknowledge_alarm, approve_setpoint, change_config
 * @param target what it was done to
 * @param origin where from (console host, remote address)
 * @param result e.g. OK, DENIED, FAILED
 * @param detail free text
 */
public record AuditEvent(Instant time, String actor, String role, String action, String target, String origin,
                         String result, String detail) {
}
