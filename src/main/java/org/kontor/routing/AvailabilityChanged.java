package org.kontor.routing;

/** Past-tense event: an agent's status or capacity changed; routing reacts after commit. */
public record AvailabilityChanged(long agentId, AgentStatus from, AgentStatus to, boolean capacityRaised, long actorId) {
}
