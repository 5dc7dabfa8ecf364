package org.kontor.notification;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import org.kontor.ticket.Comment;
import org.kontor.ticket.Ticket;
import org.kontor.ticket.TicketEvents;
import org.kontor.ticket.TicketUpdate;
import org.kontor.user.Actor;
import org.kontor.user.User;
import org.kontor.user.UserPurge;
import org.kontor.user.UserService;
import org.kontor.visibility.AccessPolicy;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes notification emails into the outbox, in the transaction of the ticket change: a rolled-back change mails
 * nothing. Delivery starts after the commit. End users are written only when the access policy lets them see the
 * ticket (R11: never while it is private; R19, V2), and never for a change that added only an internal note (V1).
 */
@Component
public class NotificationOutbox {
    private final NotificationRepository notifications;
    private final UserService users;
    private final AccessPolicy policy;
    private final NotificationDelivery delivery;

    NotificationOutbox(NotificationRepository notifications, UserService users, AccessPolicy policy, NotificationDelivery delivery) {
        this.notifications = notifications;
        this.users = users;
        this.policy = policy;
        this.delivery = delivery;
    }

    /** A ticket removed for good: its mail log goes, and the developer mailbox's copies of that mail. */
    @EventListener
    void on(TicketEvents.TicketPurged purge) {
        notifications.deleteDevMailboxCopies(purge.ticketId());
        notifications.deleteOfTicket(purge.ticketId());
    }

    /** A user's personal data goes for good: the outbox keeps that mail went to them, not their address. */
    @EventListener
    void on(UserPurge purge) {
        notifications.forgetRecipientEmail(purge.userId());
    }

    public void enqueue(TicketUpdate update, Long triggerId, String triggerTitle, int actionIndex, Collection<Long> recipientIds,
                        String subject, String body) {
        if (recipientIds.isEmpty()) {
            return;
        }
        Ticket ticket = update.ticket();
        boolean onlyInternalNote = !update.comments().isEmpty() && update.comments().stream().noneMatch(Comment::isPublic);
        Long lastComment = update.comments().stream().map(Comment::getId).max(Comparator.naturalOrder()).orElse(null);
        Instant now = Instant.now();
        boolean wrote = false;
        for (User user : users.findAll(recipientIds)) {
            if (!user.receivesMail()) {
                continue;
            }
            if (!user.isAgent() && (onlyInternalNote || !policy.canSee(policy.viewerFor(Actor.of(user)), ticket))) {
                continue;
            }
            notifications.save(new Notification(ticket.getId(), update.auditId(), triggerId, triggerTitle, actionIndex,
                    user.getId(), update.actor().id(), subject, body, lastComment, user.getEmail(), now));
            wrote = true;
        }
        if (wrote) {
            deliverAfterCommit();
        }
    }

    private void deliverAfterCommit() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            delivery.nudge();
            return;
        }
        for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
            if (s instanceof Nudge) {
                return;
            }
        }
        TransactionSynchronizationManager.registerSynchronization(new Nudge());
    }

    private final class Nudge implements TransactionSynchronization {
        @Override
        public void afterCommit() {
            delivery.nudge();
        }
    }
}
