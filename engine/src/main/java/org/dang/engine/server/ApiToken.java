package org.dang.engine.server;

import java.time.Instant;

import org.dang.engine.access.Role;

/**
 * One bearer token as the token file keeps it: only the SHA-256 of the token, never the token.
 *
 * @param hash    lower-case hex SHA-256 of the token's UTF-8 text
 * @param user    who the token speaks for
 * @param role    that user's role
 * @param created when the token was issued
 */
public record ApiToken(String hash, String user, Role role, Instant created) {
}
