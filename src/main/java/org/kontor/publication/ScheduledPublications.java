package org.kontor.publication;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Instant;
import java.util.Optional;
import org.kontor.common.AfterCommit;
import org.kontor.common.Forbidden;
import org.kontor.common.InvalidInput;
import org.kontor.common.RuleViolation;
import org.kontor.ticket.Channel;
import org.kontor.ticket.Ticket;
import org.kontor.ticket.TicketInput.CommentInput;
import org.kontor.ticket.TicketInput.TicketChanges;
import org.kontor.ticket.TicketEvents;
import org.kontor.ticket.TicketService;
import org.kontor.ticket.TicketStatus;
import org.kontor.user.Actor;
import org.kontor.user.User;
import org.kontor.user.UserService;
import org.kontor.visibility.AccessPolicy;
import org.kontor.visibility.VisibleTickets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * K1: schedule, change and cancel the publication of a private ticket, and post it when it is due. The row in
 * {@code scheduled_publications} is the truth; a db-scheduler one-time task (persisted in {@code scheduled_tasks},
 * so it survives restarts, and picked by exactly one node) fires it. Posting and deleting the row commit
 * together, so a repeated execution finds nothing to post.
 */
@Service
public class ScheduledPublications {
    static final String TASK = "publish-scheduled-reply";
    private static final Logger log = LoggerFactory.getLogger(ScheduledPublications.class);

    private final ScheduledPublicationRepository publications;
    private final VisibleTickets visible;
    private final AccessPolicy policy;
    private final TicketService tickets;
    private final UserService users;
    private final ObjectProvider<SchedulerClient> scheduler;

    ScheduledPublications(ScheduledPublicationRepository publications, VisibleTickets visible, AccessPolicy policy,
                          TicketService tickets, UserService users, ObjectProvider<SchedulerClient> scheduler) {
        this.publications = publications;
        this.visible = visible;
        this.policy = policy;
        this.tickets = tickets;
        this.users = users;
        this.scheduler = scheduler;
    }

    @Configuration
    static class TaskConfig {
        @Bean
        OneTimeTask<Void> publishScheduledReplyTask(ObjectProvider<ScheduledPublications> service) {
            return Tasks.oneTime(TASK).execute((instance, context) -> service.getObject().publish(Long.parseLong(instance.getId())));
        }
    }

    @Transactional(readOnly = true)
    public Optional<ScheduledPublication> pending(long ticketId, Actor actor) {
        requireAgent(actor);
        return publications.findByTicketId(ticketId);
    }

    /** Schedules (or, when one is pending, changes) the public reply to post on a private ticket at {@code at}. */
    @Transactional
    public ScheduledPublication schedule(long ticketId, String body, Instant at, Actor actor) {
        requireAgent(actor);
        Ticket ticket = visible.ticket(policy.viewerFor(actor), ticketId);
        if (ticket.isPublic()) {
            throw new RuleViolation("K1", "publish_at", "Only a private ticket can have its publication scheduled; this one is public");
        }
        if (body == null || body.isBlank()) {
            throw InvalidInput.of("body", "err.publication.blank", "Comment: the public reply to publish cannot be blank");
        }
        Instant now = Instant.now();
        if (at == null || !at.isAfter(now)) {
            throw InvalidInput.of("publish_at", "err.publishAt.past", "Publish at: must be in the future");
        }
        Optional<ScheduledPublication> existing = publications.findByTicketId(ticketId);
        if (existing.isPresent()) {
            ScheduledPublication p = existing.get();
            p.change(actor.id(), body, at, now);
            if (!scheduler.getObject().reschedule(id(p), at)) {
                scheduler.getObject().scheduleIfNotExists(new TaskInstance<Void>(TASK, String.valueOf(p.getId())), at);
            }
            return p;
        }
        ScheduledPublication p = publications.saveAndFlush(new ScheduledPublication(ticketId, actor.id(), body, at, now));
        // In this transaction when the scheduler shares it; otherwise a task whose row rolled back posts nothing.
        scheduler.getObject().scheduleIfNotExists(new TaskInstance<Void>(TASK, String.valueOf(p.getId())), at);
        return p;
    }

    @Transactional
    public void cancel(long ticketId, Actor actor) {
        requireAgent(actor);
        cancel(ticketId);
    }

    /** A ticket removed for good loses its pending publication. */
    @EventListener
    void on(TicketEvents.TicketPurged purge) {
        cancel(purge.ticketId());
    }

    private void cancel(long ticketId) {
        publications.findByTicketId(ticketId).ifPresent(p -> {
            publications.delete(p);
            AfterCommit.run(() -> {
                try {
                    scheduler.getObject().cancel(id(p));
                } catch (RuntimeException e) {
                    // Already picked or gone: publish() finds no row and posts nothing.
                    log.debug("Scheduled publication {} had no pending task to cancel", p.getId());
                }
            });
        });
    }

    /** Posts the reply as its author wrote it: a public reply, so R15 makes the ticket public. Runs once per row. */
    @Transactional
    public void publish(long publicationId) {
        Optional<ScheduledPublication> found = publications.findById(publicationId);
        if (found.isEmpty()) {
            return;
        }
        ScheduledPublication p = found.get();
        publications.delete(p);
        Optional<User> author = users.find(p.getAuthorId()).filter(User::isAgent).filter(User::canSignIn);
        if (author.isEmpty()) {
            log.warn("Scheduled publication {} of ticket {} dropped: its author is no longer an active agent",
                    p.getId(), p.getTicketId());
            return;
        }
        Actor actor = Actor.of(author.get());
        boolean open = visible.findTicket(policy.viewerFor(actor), p.getTicketId())
                .filter(t -> t.getStatus() != TicketStatus.CLOSED).isPresent();
        if (!open) {
            log.warn("Scheduled publication {} dropped: ticket {} is closed or deleted", p.getId(), p.getTicketId());
            return;
        }
        tickets.update(p.getTicketId(), new TicketChanges(null, new CommentInput(p.getBody(), null, true, null), null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, false, null,
                Channel.WEB), actor);
    }

    private static TaskInstanceId id(ScheduledPublication p) {
        return TaskInstanceId.of(TASK, String.valueOf(p.getId()));
    }

    private static void requireAgent(Actor actor) {
        if (!actor.isAgent()) {
            throw new Forbidden("Only agents schedule publications");
        }
    }
}
