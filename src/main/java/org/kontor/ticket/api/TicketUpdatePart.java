package org.kontor.ticket.api;

import org.kontor.ticket.TicketService;
import org.kontor.user.Actor;
import tools.jackson.databind.JsonNode;

/**
 * A field of {@code PUT /api/v2/tickets/{id}} that another feature owns, such as Zendesk's {@code ticket.voice_comment}
 * (the voice feature): the Tickets API hands the update to it instead of applying ticket fields.
 */
public interface TicketUpdatePart {
    /** The field in {@code ticket} that selects this part. */
    String field();

    /** Other fields of {@code ticket} that may come with it (anything else is refused, not silently dropped). */
    default java.util.Set<String> companions() {
        return java.util.Set.of();
    }

    TicketService.Change apply(long ticketId, JsonNode ticket, Actor actor);
}
