package org.kontor.routing;

import java.time.Instant;
import java.util.Optional;
import java.util.Map;
import org.kontor.common.Forbidden;
import org.kontor.ticket.Channel;
import org.kontor.ticket.Ticket;
import org.kontor.ticket.TicketInput.TicketChanges;
import org.kontor.ticket.TicketService;
import org.kontor.user.Actor;
import org.kontor.user.UserService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * R13: a ticket in a group's queue without an assignee goes to the next available agent of that group — online,
 * under capacity, waiting longest since their last assignment (fair round-robin) — or is pulled by an agent
 * ("Get next ticket"). The same for private and public tickets: privacy plays no part in the decision.
 *
 * <p>Exactly once: each pass locks the group's online agents' availability rows and then the ticket row, and
 * re-reads the ticket under the lock; a second pass that raced the first finds it assigned and does nothing. The
 * assignment itself goes through {@link TicketService}, so it is audited like any other change (V3).
 */
@Service
public class Router {
    private final RoutingStore store;
    private final TicketService tickets;
    private final UserService users;
    private final Timing decisions = new Timing();
    private final Timing passes = new Timing();

    Router(RoutingStore store, TicketService tickets, UserService users) {
        this.store = store;
        this.tickets = tickets;
        this.users = users;
    }

    /** What a routing pass did. */
    public record Outcome(long ticketId, Long assigneeId, boolean assignedNow) {
    }

    /**
     * Routes one ticket if it is still queued. {@code actorId} is who put it in the queue (the audit's author);
     * null lets the chosen agent be the author (the periodic sweep).
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Outcome route(long ticketId, Long actorId) {
        long started = System.nanoTime();
        Optional<RoutingStore.TicketRow> peek = store.ticket(ticketId, false);
        if (peek.isEmpty() || !peek.get().queued()) {
            return new Outcome(ticketId, peek.map(RoutingStore.TicketRow::assigneeId).orElse(null), false);
        }
        long groupId = peek.get().groupId();
        store.lockOnlineMembers(groupId);
        long locked = System.nanoTime();
        RoutingStore.TicketRow row = store.ticket(ticketId, true).orElse(null);
        if (row == null || !row.queued() || row.groupId() != groupId) {
            // Another pass assigned it (or it moved) while we waited for the locks.
            return new Outcome(ticketId, row == null ? null : row.assigneeId(), false);
        }
        Long chosen = choose(groupId, null);
        decisions.record(System.nanoTime() - locked);
        if (chosen == null) {
            return new Outcome(ticketId, null, false);
        }
        assign(ticketId, chosen, actorId == null ? chosen : actorId);
        passes.record(System.nanoTime() - started);
        return new Outcome(ticketId, chosen, true);
    }

    /** "Get next ticket": the oldest queued ticket of the agent's groups, if the agent is under capacity. */
    @Transactional
    public Optional<Ticket> next(Actor agent) {
        if (!agent.isAgent()) {
            throw new Forbidden("Only agents take tickets from queues");
        }
        store.insertIfAbsent(agent.id(), AgentStatus.OFFLINE, RoutingStore.DEFAULT_CAPACITY, Instant.now());
        store.lockAgent(agent.id());
        Availability me = store.find(agent.id()).orElseThrow();
        if (me.openTickets() >= me.capacity()) {
            throw new org.kontor.common.InvalidInput("capacity", "Capacity: you already have " + me.openTickets()
                    + " open tickets, your capacity is " + me.capacity());
        }
        for (long ticketId : store.queued(store.groupsOf(agent.id()), 20)) {
            RoutingStore.TicketRow row = store.ticket(ticketId, true).orElse(null);
            if (row != null && row.queued()) {
                return Optional.of(assign(ticketId, agent.id(), agent.id()));
            }
        }
        return Optional.empty();
    }

    /**
     * An agent went offline and the admin option says so: their new and open tickets go to the next available agent
     * of the ticket's group, or back to the queue when nobody is available.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void reassign(long ticketId, long offlineAgent, long actorId) {
        RoutingStore.TicketRow peek = store.ticket(ticketId, false).orElse(null);
        if (peek == null || peek.groupId() == null || !java.util.Objects.equals(peek.assigneeId(), offlineAgent)) {
            return;
        }
        store.lockOnlineMembers(peek.groupId());
        RoutingStore.TicketRow row = store.ticket(ticketId, true).orElse(null);
        if (row == null || !java.util.Objects.equals(row.assigneeId(), offlineAgent) || row.deleted()) {
            return;
        }
        Long chosen = choose(row.groupId(), offlineAgent);
        if (chosen == null) {
            tickets.update(ticketId, assignment(null), Actor.of(users.get(actorId)));
        } else {
            assign(ticketId, chosen, actorId);
        }
    }

    private Long choose(long groupId, Long excluded) {
        for (RoutingStore.Candidate c : store.candidates(groupId, excluded)) {
            if (store.underCapacity(c.agentId(), c.capacity())) {
                return c.agentId();
            }
        }
        return null;
    }

    private Ticket assign(long ticketId, long agentId, long actorId) {
        Actor actor = Actor.of(users.get(actorId));
        if (!actor.isAgent()) {
            actor = Actor.of(users.get(agentId));
        }
        Ticket ticket = tickets.update(ticketId, assignment(agentId), actor).ticket();
        store.assigned(agentId, Instant.now());
        return ticket;
    }

    private static TicketChanges assignment(Long agentId) {
        return TicketChanges.assignee(agentId, Channel.RULE);
    }

    /**
     * Routing timings so far: {@code decision} is choosing the agent once the locks are held (re-reading the ticket,
     * the candidates and their load); {@code pass} is a whole pass that assigned a ticket, lock waits and the audited
     * ticket update included.
     */
    public Map<String, Timing.Stats> timings() {
        return Map.of("decision", decisions.stats(), "pass", passes.stats());
    }
}
