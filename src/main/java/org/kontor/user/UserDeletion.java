package org.kontor.user;

/**
 * A user is about to be deleted by {@code actor}. Published inside the deletion's transaction before the user
 * changes, so that the features holding the user's work settle it in the same transaction (their tickets, group
 * memberships), or refuse the deletion by throwing.
 */
public record UserDeletion(long userId, boolean agent, Actor actor) {
}
