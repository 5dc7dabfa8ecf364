package org.kontor.notification;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kontor.api.Envelope;
import org.kontor.ticket.api.AuditEventSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notification log of a ticket: one entry per email (recipient, trigger, when, delivered or failed), and the
 * Notification events Zendesk shows in a ticket's audits (agents only, like the audits themselves).
 */
@Service
public class NotificationLog implements AuditEventSource {
    private final NotificationRepository notifications;

    NotificationLog(NotificationRepository notifications) {
        this.notifications = notifications;
    }

    /** The caller has checked that the viewer is an agent who may see the ticket. */
    @Transactional(readOnly = true)
    public List<Notification> forTicket(long ticketId) {
        return notifications.findByTicketIdOrderByIdAsc(ticketId);
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, List<Map<String, Object>>> eventsFor(long ticketId, Collection<Long> auditIds) {
        Map<Long, List<Map<String, Object>>> result = new LinkedHashMap<>();
        Map<String, Map<String, Object>> byAction = new LinkedHashMap<>();
        for (Notification n : notifications.findByAuditIdInOrderByIdAsc(auditIds)) {
            if (n.getTicketId() != ticketId) {
                continue;
            }
            String key = n.getAuditId() + "/" + n.getTriggerId() + "/" + n.getActionIndex();
            Map<String, Object> event = byAction.get(key);
            if (event == null) {
                event = new LinkedHashMap<>();
                event.put("id", n.getId());
                event.put("type", "Notification");
                event.put("subject", n.getSubjectTemplate());
                event.put("body", n.getBodyTemplate());
                event.put("recipients", new ArrayList<Long>());
                Map<String, Object> from = new LinkedHashMap<>();
                from.put("id", n.getTriggerId());
                from.put("title", n.getTriggerTitle());
                from.put("deleted", false);
                Map<String, Object> source = new LinkedHashMap<>();
                source.put("from", from);
                source.put("to", Map.of());
                source.put("rel", "trigger");
                event.put("via", Map.of("channel", "rule", "source", source));
                byAction.put(key, event);
                result.computeIfAbsent(n.getAuditId(), k -> new ArrayList<>()).add(event);
            }
            @SuppressWarnings("unchecked")
            List<Long> recipients = (List<Long>) event.get("recipients");
            recipients.add(n.getRecipientId());
        }
        return result;
    }

    /** One log entry in the API's shape. */
    public static Map<String, Object> json(Notification n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", n.getId());
        m.put("ticket_id", n.getTicketId());
        m.put("audit_id", n.getAuditId());
        m.put("recipient_id", n.getRecipientId());
        m.put("recipient_email", n.getRecipientEmail());
        m.put("trigger", Map.of("id", n.getTriggerId() == null ? "" : n.getTriggerId(), "title", n.getTriggerTitle()));
        m.put("status", n.getStatus());
        m.put("attempts", n.getAttempts());
        m.put("message_id", n.getMessageId());
        m.put("last_error", n.getLastError());
        m.put("created_at", Envelope.time(n.getCreatedAt()));
        m.put("delivered_at", Envelope.time(n.getDeliveredAt()));
        m.put("next_attempt_at", Notification.PENDING.equals(n.getStatus()) ? Envelope.time(n.getNextAttemptAt()) : null);
        return m;
    }
}
