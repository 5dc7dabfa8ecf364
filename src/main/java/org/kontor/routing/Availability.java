package org.kontor.routing;

import java.time.Instant;

/** An agent's availability for routing: status, capacity (open tickets at once), current load, last assignment. */
public record Availability(long agentId, AgentStatus status, int capacity, int openTickets, Instant lastAssignedAt) {
}
