package org.kontor.macro;

import java.util.List;
import java.util.Set;
import org.kontor.ticket.Priority;
import org.kontor.ticket.TicketStatus;
import org.kontor.ticket.TicketType;

/**
 * What applying a macro to a ticket would do, nothing saved: the reply (placeholders filled in), whether it is public
 * (null: the composer's default), and the ticket's fields as they would be. {@code changed} names the fields the
 * macro sets (Zendesk's wire names), the others hold the ticket's current values.
 */
public record Proposal(long ticketId, String macroTitle, String comment, String commentHtml, Boolean commentPublic, Set<String> changed,
                       String subject, TicketStatus status, Priority priority, TicketType type, Long assigneeId, Long groupId,
                       List<String> tags) {
    public boolean changes(String field) {
        return changed.contains(field);
    }
}
