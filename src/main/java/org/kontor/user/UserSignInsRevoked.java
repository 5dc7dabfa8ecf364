package org.kontor.user;

/**
 * The user's existing sign-ins must end (their password changed), so that a session opened with the old password,
 * perhaps by someone who should no longer have it, does not outlive the change. Published inside the change's
 * transaction; the web security ends the sessions after the commit.
 */
public record UserSignInsRevoked(long userId) {
}
