package org.kontor.ticket;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import org.kontor.common.EntityIds;
import org.kontor.user.Actor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Writes tickets for the use cases ({@link TicketService}, {@link EmailTickets}), inside their transaction.
 */
@Component
class TicketWriter {
    private final EntityManager entityManager;
    private final EntityIds ids;
    private final ApplicationEventPublisher events;

    TicketWriter(EntityManager entityManager, EntityIds ids, ApplicationEventPublisher events) {
        this.entityManager = entityManager;
        this.ids = ids;
        this.events = events;
    }

    /** A new ticket with its creation audit and first comment. */
    record Created(Ticket ticket, Audit audit, Comment comment) {
    }

    /**
     * Persists a new ticket, its creation audit (V3) and first comment. They are built with ids drawn up front and
     * persisted once complete, so each is one INSERT with its final state; rows go in the order of their foreign
     * keys, and the audit's events, added after the comment, follow it at flush.
     */
    Created create(Ticket ticket, Actor actor, long authorId, CommentBody body, Boolean requestedPublic, Channel via,
                   Instant now, VoiceCall call) {
        ticket.assignId(ids.next(Ticket.class));
        Audit audit = ticket.beginAudit(actor, via, now);
        audit.assignId(ids.next(Audit.class));
        Comment comment = ticket.addComment(audit, actor, authorId, body, requestedPublic, via, now, call);
        comment.assignId(ids.next(Comment.class));
        entityManager.persist(ticket);
        entityManager.persist(audit);
        entityManager.persist(comment);
        ticket.recordCreation(audit, actor);
        recorded(ticket, audit, comment);
        return new Created(ticket, audit, comment);
    }

    /** A comment on a ticket of this transaction, recorded in the change's audit (V3); R12 decides its visibility. */
    Comment comment(Ticket ticket, Audit audit, Actor actor, long authorId, CommentBody body, Boolean requestedPublic,
                    Channel via, Instant now, VoiceCall call) {
        Comment comment = ticket.addComment(audit, actor, authorId, body, requestedPublic, via, now, call);
        entityManager.persist(comment);
        recorded(ticket, audit, comment);
        return comment;
    }

    private static void recorded(Ticket ticket, Audit audit, Comment comment) {
        audit.commented(comment);
        ticket.commentRecorded(comment);
    }

    /**
     * The end of a change to a ticket of this transaction: its domain events go out (listeners index it, count it,
     * notify). The ticket itself is managed, so its changes are written at commit.
     */
    Ticket saved(Ticket ticket) {
        if (!entityManager.contains(ticket)) {
            throw new IllegalStateException("Ticket " + ticket.getId() + " is not part of this transaction");
        }
        ticket.publishEvents(events);
        return ticket;
    }
}
