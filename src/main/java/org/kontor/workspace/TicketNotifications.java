package org.kontor.workspace;

import java.util.List;
import java.util.Map;
import org.kontor.notification.Notification;
import org.kontor.notification.NotificationLog;
import org.kontor.security.KontorUser;
import org.kontor.visibility.AccessPolicy;
import org.kontor.visibility.VisibleTickets;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The notification log in a ticket page's events (issue 4): who was emailed, by which trigger, when, and whether
 * it was delivered. Agents only: it names recipients and may concern internal notes, so the Help Center and
 * "View as requester" never include it ({@code templates/agent/fragments/notifications.html}).
 */
@Component("ticketNotifications")
public class TicketNotifications {
    private final NotificationLog log;
    private final VisibleTickets visible;
    private final AccessPolicy policy;
    private final Directory directory;

    TicketNotifications(NotificationLog log, VisibleTickets visible, AccessPolicy policy, Directory directory) {
        this.log = log;
        this.visible = visible;
        this.policy = policy;
        this.directory = directory;
    }

    public record Entry(String recipient, String email, String trigger, String when, String status, String error) {
    }

    /** Empty for anyone but an agent who may see the ticket. */
    public List<Entry> of(long ticketId) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof KontorUser me) || !me.actor().isAgent()) {
            return List.of();
        }
        visible.ticket(policy.viewerFor(me.actor()), ticketId);
        List<Notification> sent = log.forTicket(ticketId);
        Map<Long, String> names = directory.names(sent.stream().map(Notification::getRecipientId).toList());
        Formats fmt = new Formats();
        return sent.stream().map(n -> new Entry(names.getOrDefault(n.getRecipientId(), "#" + n.getRecipientId()),
                n.getRecipientEmail(), n.getTriggerTitle(),
                fmt.dateTime(n.getDeliveredAt() != null ? n.getDeliveredAt() : n.getCreatedAt()), n.getStatus(),
                Notification.FAILED.equals(n.getStatus()) || Notification.PENDING.equals(n.getStatus()) ? n.getLastError() : null))
                .toList();
    }
}
