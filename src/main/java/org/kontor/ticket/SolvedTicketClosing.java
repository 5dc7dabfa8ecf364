package org.kontor.ticket;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.kontor.settings.AccountSettingsService;
import org.kontor.user.Actor;
import org.kontor.user.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Zendesk's default automation: a ticket solved more than {@code tickets.close_solved_after_days} (4) days ago is
 * closed, by Kontor's system user (-1, as Zendesk's) through the ordinary update, so triggers run and the audit shows
 * it; a reply to it by email then starts a follow-up ticket (R5). A db-scheduler task checks every
 * {@code kontor.tickets.close-solved-interval} (an hour), once across nodes.
 */
@Configuration
public class SolvedTicketClosing {
    private static final Logger log = LoggerFactory.getLogger(SolvedTicketClosing.class);
    /** The author of changes Kontor makes by itself (V23), as Zendesk's user -1. */
    static final Actor SYSTEM = new Actor(-1, Role.AGENT, null);
    private static final int BATCH = 200;

    private final TicketRepository tickets;
    private final TicketService service;
    private final AccountSettingsService settings;
    private final TransactionTemplate readOnly;

    SolvedTicketClosing(TicketRepository tickets, TicketService service, AccountSettingsService settings,
                        PlatformTransactionManager transactions) {
        this.tickets = tickets;
        this.service = service;
        this.settings = settings;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    @Bean
    RecurringTask<Void> solvedTicketClosingTask(@Value("${kontor.tickets.close-solved-interval:PT1H}") Duration interval) {
        return Tasks.recurring("solved-ticket-closing", FixedDelay.of(interval)).execute((instance, context) -> closeDue(Instant.now()));
    }

    /** Closes the tickets solved more than the setting's days before {@code now}; returns how many. */
    public int closeDue(Instant now) {
        int days = settings.closeSolvedAfterDays();
        if (days <= 0) {
            return 0;
        }
        Instant solvedBefore = now.minus(Duration.ofDays(days));
        int closed = 0;
        long after = Long.MIN_VALUE;
        List<Long> due;
        do {
            long from = after;
            due = readOnly.execute(s -> tickets.findAll(due(solvedBefore, from), PageRequest.of(0, BATCH, Sort.by("id")))
                    .map(Ticket::getId).getContent());
            for (long id : due) {
                try {
                    if (service.closeSolved(id, solvedBefore, SYSTEM)) {
                        closed++;
                    }
                } catch (RuntimeException e) {
                    log.warn("Solved ticket {} could not be closed; the next run tries again: {}", id, e.toString());
                }
                after = id;
            }
        } while (due.size() == BATCH);
        if (closed > 0) {
            log.info("Closed {} tickets solved before {}", closed, solvedBefore);
        }
        return closed;
    }

    private static Specification<Ticket> due(Instant solvedBefore, long afterId) {
        return (root, q, cb) -> cb.and(cb.equal(root.get("status"), TicketStatus.SOLVED),
                cb.lessThan(root.get("solvedAt"), solvedBefore), cb.isNull(root.get("deletedAt")),
                cb.greaterThan(root.get("id"), afterId));
    }
}
