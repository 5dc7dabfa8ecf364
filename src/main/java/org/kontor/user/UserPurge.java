package org.kontor.user;

/**
 * A deleted user's personal data is being removed for good (permanent deletion). Published inside that transaction,
 * so that the features keeping copies of it (addresses mail went to, received mail) drop them in the same transaction.
 */
public record UserPurge(long userId) {
}
