package org.kontor.user;

/**
 * An agent or admin becomes an end user. Published inside the change's transaction, before the role changes, so that
 * the features holding their agent work settle it there (their tickets, group memberships), as for a deleted agent.
 */
public record AgentDemoted(long userId, Actor actor) {
}
