package org.kontor.ticket;

import java.util.List;
import org.kontor.common.InvalidInput;
import org.kontor.user.Actor;
import org.kontor.user.AgentDemoted;
import org.kontor.user.UserDeletion;
import org.springframework.context.event.EventListener;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;

/**
 * The tickets of a user who is deleted, or of an agent who becomes an end user, settled in that change's transaction.
 * As in Zendesk, a user who still waits for an answer (the requester of an unsolved ticket) cannot be deleted; solved
 * counts as settled here where Zendesk waits for closed (solved tickets close by themselves, SolvedTicketClosing). A
 * departing agent's unsolved tickets become unassigned in their group, an audited change by the admin who made it, so
 * that they go back to the group's queue; solved and closed tickets keep their assignee for the record.
 */
@Component
class DepartingUserTickets {
    private static final List<TicketStatus> UNSOLVED =
            List.of(TicketStatus.NEW, TicketStatus.OPEN, TicketStatus.PENDING, TicketStatus.HOLD);

    private final TicketRepository tickets;
    private final TicketService service;

    DepartingUserTickets(TicketRepository tickets, TicketService service) {
        this.tickets = tickets;
        this.service = service;
    }

    @EventListener
    void on(UserDeletion deletion) {
        long waiting = tickets.count(unsolvedWhere("requesterId", deletion.userId()));
        if (waiting > 0) {
            throw InvalidInput.of("id", "err.user.requesterOfUnsolved",
                    "The user is the requester of " + waiting + " tickets that are not solved; solve them first", waiting);
        }
        if (deletion.agent()) {
            unassignUnsolved(deletion.userId(), deletion.actor());
        }
    }

    @EventListener
    void on(AgentDemoted demotion) {
        unassignUnsolved(demotion.userId(), demotion.actor());
    }

    private void unassignUnsolved(long agentId, Actor actor) {
        for (Ticket ticket : tickets.findAll(unsolvedWhere("assigneeId", agentId))) {
            service.update(ticket.getId(), TicketInput.TicketChanges.assignee(null, Channel.SYSTEM), actor);
        }
    }

    private static Specification<Ticket> unsolvedWhere(String person, long userId) {
        return (root, q, cb) -> cb.and(cb.equal(root.get(person), userId), cb.isNull(root.get("deletedAt")),
                root.get("status").in(UNSOLVED));
    }

}
