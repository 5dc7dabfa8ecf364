package org.kontor.ticket.api;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Other features' events in a ticket's audits, in Zendesk's event shape (e.g. the Notification events of the
 * notification feature), added to the audits API for agents.
 */
public interface AuditEventSource {
    /** Events per audit id, in order. */
    Map<Long, List<Map<String, Object>>> eventsFor(long ticketId, Collection<Long> auditIds);
}
