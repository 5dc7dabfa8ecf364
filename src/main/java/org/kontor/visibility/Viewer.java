package org.kontor.visibility;

/**
 * Who is looking, and with which eyes: agents see every ticket; an end user, or an agent using the end-user
 * view (Requests API, Help Center, "view as requester"), sees only what V1/V2 allow.
 */
public record Viewer(long userId, boolean agentView, Long organizationId, boolean organizationSharesTickets) {
}
