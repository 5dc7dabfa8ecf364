package org.kontor.notification.api;

import java.util.Map;
import org.kontor.api.Envelope;
import org.kontor.notification.NotificationLog;
import org.kontor.security.KontorUser;
import org.kontor.visibility.AccessPolicy;
import org.kontor.visibility.VisibleTickets;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Kontor's extension: a ticket's notification log for agents (who was emailed, by which trigger, delivered or not). */
@RestController
class TicketNotificationsController {
    private final NotificationLog log;
    private final VisibleTickets visible;
    private final AccessPolicy policy;

    TicketNotificationsController(NotificationLog log, VisibleTickets visible, AccessPolicy policy) {
        this.log = log;
        this.visible = visible;
        this.policy = policy;
    }

    @GetMapping("/api/v2/tickets/{id}/notifications")
    Map<String, Object> list(@AuthenticationPrincipal KontorUser me, @PathVariable long id) {
        // Agents only (the API's role rules); the ticket must exist and be visible to them.
        visible.ticket(policy.viewerFor(me.actor()), id);
        return Envelope.list("notifications", log.forTicket(id).stream().map(NotificationLog::json).toList());
    }
}
