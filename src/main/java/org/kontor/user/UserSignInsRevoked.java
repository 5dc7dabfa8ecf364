package org.kontor.user;

/**
 * The user's existing sign-ins must end (their password or role changed, they were suspended or deleted), so that a
 * session opened before, perhaps by someone who should no longer have it, does not outlive the change. Published
 * inside the change's transaction; the web security ends the sessions and forgets cached API sign-ins after the commit.
 */
public record UserSignInsRevoked(long userId) {
}
