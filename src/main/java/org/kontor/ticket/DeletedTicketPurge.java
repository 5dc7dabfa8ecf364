package org.kontor.ticket;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.kontor.common.NotFound;
import org.kontor.user.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Permanent deletion of deleted tickets (Zendesk's {@code DELETE /deleted_tickets/{id}}), and of every deleted ticket
 * {@code kontor.tickets.purge-deleted-after} (30 days, as Zendesk; 0 keeps them) after its deletion, checked hourly by
 * a db-scheduler task. Nothing of the ticket stays: each feature drops what it keeps ({@link TicketEvents.TicketPurged}),
 * then its events, comments, audits, tags, CCs, the ticket and its search document go.
 */
@Configuration
public class DeletedTicketPurge {
    private static final Logger log = LoggerFactory.getLogger(DeletedTicketPurge.class);
    private static final int BATCH = 100;

    private final TicketRepository tickets;
    private final EntityManager entityManager;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;

    DeletedTicketPurge(TicketRepository tickets, EntityManager entityManager, ApplicationEventPublisher events,
                       PlatformTransactionManager transactions) {
        this.tickets = tickets;
        this.entityManager = entityManager;
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
    }

    @Bean
    RecurringTask<Void> deletedTicketPurgeTask(@Value("${kontor.tickets.purge-deleted-after:P30D}") Duration after) {
        return Tasks.recurring("deleted-ticket-purge", FixedDelay.of(Duration.ofHours(1)))
                .execute((instance, context) -> purgeDue(after, Instant.now()));
    }

    /** Agents; a ticket that is not deleted (or no longer exists) is not found. In a transaction of its own. */
    public void purge(long ticketId, Actor actor) {
        TicketService.requireAgent(actor);
        tx.executeWithoutResult(s -> purge(tickets.findById(ticketId).filter(Ticket::isDeleted).orElseThrow(NotFound::new)));
    }

    /** Every ticket deleted more than {@code after} before {@code now}, each in its own transaction; returns how many. */
    public int purgeDue(Duration after, Instant now) {
        if (after.isZero() || after.isNegative()) {
            return 0;
        }
        Instant deletedBefore = now.minus(after);
        int purged = 0;
        List<Long> due;
        do {
            due = tickets.findAll((root, q, cb) -> cb.lessThan(root.get("deletedAt"), deletedBefore),
                    PageRequest.of(0, BATCH, Sort.by("id"))).map(Ticket::getId).getContent();
            for (long id : due) {
                Boolean done = tx.execute(s -> tickets.findById(id)
                        .filter(t -> t.isDeleted() && t.getDeletedAt().isBefore(deletedBefore)).map(t -> {
                            purge(t);
                            return true;
                        }).orElse(false));
                if (Boolean.TRUE.equals(done)) {
                    purged++;
                }
            }
        } while (due.size() == BATCH);
        if (purged > 0) {
            log.info("Permanently deleted {} tickets deleted before {}", purged, deletedBefore);
        }
        return purged;
    }

    private void purge(Ticket ticket) {
        long id = ticket.getId();
        events.publishEvent(new TicketEvents.TicketPurged(id));
        entityManager.flush();
        entityManager.createNativeQuery("DELETE FROM audit_events WHERE audit_id IN (SELECT id FROM audits WHERE ticket_id = ?1)")
                .setParameter(1, id).executeUpdate();
        entityManager.createNativeQuery("DELETE FROM comments WHERE ticket_id = ?1").setParameter(1, id).executeUpdate();
        entityManager.createNativeQuery("DELETE FROM audits WHERE ticket_id = ?1").setParameter(1, id).executeUpdate();
        // Through JPA, so that its tags and CCs go with it and the search index drops its document.
        entityManager.remove(ticket);
    }
}
