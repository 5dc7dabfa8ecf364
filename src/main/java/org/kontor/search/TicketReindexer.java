package org.kontor.search;

import jakarta.persistence.EntityManager;
import org.hibernate.search.mapper.orm.Search;
import org.kontor.ticket.Ticket;
import org.kontor.ticket.TicketEvents;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Makes sure a ticket's document is rebuilt at the end of every transaction that changed its comments or its
 * visibility. Automatic indexing builds documents when the session flushes; a flush in the middle of a use case
 * (a query before the new comment is written) would otherwise leave the document without the comment. Requested
 * before commit, the rebuild happens in the commit's own flush, after every comment is written, and is searchable
 * when the transaction returns (read-sync).
 */
@Component
class TicketReindexer {
    private final EntityManager em;

    TicketReindexer(EntityManager em) {
        this.em = em;
    }

    private void reindex(long ticketId) {
        Search.session(em).indexingPlan().addOrUpdate(em.getReference(Ticket.class, ticketId));
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(TicketEvents.TicketCreated e) {
        reindex(e.ticketId());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(TicketEvents.CommentAdded e) {
        reindex(e.ticketId());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(TicketEvents.CommentMadePrivate e) {
        reindex(e.ticketId());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(TicketEvents.CommentRedacted e) {
        reindex(e.ticketId());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(TicketEvents.TicketMadePublic e) {
        reindex(e.ticketId());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(TicketEvents.TicketMadePrivate e) {
        reindex(e.ticketId());
    }
}
