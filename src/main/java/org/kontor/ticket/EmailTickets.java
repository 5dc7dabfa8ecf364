package org.kontor.ticket;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import org.kontor.user.Actor;
import org.kontor.user.User;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ticket use cases of the inbound email channel (issue 6). Privacy is never chosen here: a ticket from an
 * email starts public (R10), and an emailed comment never states a visibility, so {@link TicketPrivacy} makes it
 * follow the ticket — on a private ticket every emailed comment is an internal note (R12).
 */
@Service
public class EmailTickets {
    private final TicketRepository tickets;
    private final EntityManager entityManager;
    private final TicketWriter writer;

    EmailTickets(TicketRepository tickets, EntityManager entityManager, TicketWriter writer) {
        this.writer = writer;
        this.tickets = tickets;
        this.entityManager = entityManager;
    }

    /** What became of an emailed reply. */
    public enum ReplyOutcome {
        /** The comment was added ({@link Result#commentPublic()} says whether end users see it). */
        COMMENTED,
        /** No such ticket (or deleted): the message starts a ticket of its own. */
        NO_TICKET,
        /** The ticket is closed (R5): the message starts a follow-up ticket. */
        CLOSED,
        /** The sender is neither requester, CC nor agent of this public ticket: they never join its conversation. */
        NOT_A_PARTICIPANT
    }

    public record Result(ReplyOutcome outcome, Long ticketId, Long commentId, boolean commentPublic) {
    }

    /** R10: a new email opens a public ticket, requested by its sender, in the group of the address it was sent to. */
    @Transactional
    public Result open(String subject, CommentBody body, User requester, Set<Long> ccIds, Long groupId) {
        Actor actor = Actor.of(requester);
        Instant now = Instant.now();
        Set<Long> ccs = new LinkedHashSet<>(ccIds);
        Ticket ticket = new Ticket(new Ticket.NewTicketState(subject, null, null, null, requester.getId(), null, groupId,
                requester.getOrganizationId(), null, Channel.EMAIL, null, Set.of(), ccs), actor, true, false, now);
        Comment comment = writer.create(ticket, actor, requester.getId(), body, null, Channel.EMAIL, now, null).comment();
        writer.saved(ticket);
        return new Result(ReplyOutcome.COMMENTED, ticket.getId(), comment.getId(), comment.isPublic());
    }

    /**
     * An emailed reply on an existing ticket. Agents comment as themselves; the requester and CCs reply (which
     * reopens a pending or solved ticket) and may add CCs to a public ticket; an unknown sender's mail on a
     * private ticket is kept as their internal note (R12) without giving them any access, and on a public ticket
     * is refused here so that it opens a ticket of its own.
     */
    @Transactional
    public Result reply(long ticketId, CommentBody body, User sender, Set<Long> addCcIds) {
        Ticket ticket = tickets.findById(ticketId).filter(t -> !t.isDeleted()).orElse(null);
        if (ticket == null) {
            return new Result(ReplyOutcome.NO_TICKET, null, null, false);
        }
        if (ticket.getStatus() == TicketStatus.CLOSED) {
            return new Result(ReplyOutcome.CLOSED, ticket.getId(), null, false);
        }
        boolean agent = sender.isAgent() && sender.canSignIn();
        boolean participant = ticket.getRequesterId().equals(sender.getId()) || ticket.getCollaboratorIds().contains(sender.getId());
        if (!agent && !participant && ticket.isPublic()) {
            return new Result(ReplyOutcome.NOT_A_PARTICIPANT, ticket.getId(), null, false);
        }
        Actor actor = Actor.of(sender);
        Instant now = Instant.now();
        Audit audit = ticket.beginAudit(actor, Channel.EMAIL, now);
        entityManager.persist(audit);
        if (participant && !agent && ticket.isPublic() && !addCcIds.isEmpty()) {
            Set<Long> ccs = new LinkedHashSet<>(ticket.getCollaboratorIds());
            ccs.addAll(addCcIds);
            ccs.remove(ticket.getRequesterId());
            ticket.replaceCollaborators(ccs, audit, now);
        }
        Comment comment = writer.comment(ticket, audit, actor, sender.getId(), body, null, Channel.EMAIL, now, null);
        if (participant && !agent) {
            ticket.reopenOnRequesterReply(audit, now);
        }
        writer.saved(ticket);
        return new Result(ReplyOutcome.COMMENTED, ticket.getId(), comment.getId(), comment.isPublic());
    }
}
