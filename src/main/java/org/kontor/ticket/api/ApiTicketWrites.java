package org.kontor.ticket.api;

import java.util.List;
import org.kontor.common.InvalidInput;
import org.kontor.ticket.Channel;
import org.kontor.ticket.TicketInput;
import org.kontor.ticket.TicketService;
import org.kontor.user.Actor;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * A ticket creation or update as the Tickets API makes it, shared by the single calls and the bulk jobs: a creation
 * that met a concurrent one is retried, an update is dispatched to the part it names.
 */
@Component
class ApiTicketWrites {
    private final TicketService tickets;
    private final List<TicketUpdatePart> updateParts;

    ApiTicketWrites(TicketService tickets, List<TicketUpdatePart> updateParts) {
        this.tickets = tickets;
        this.updateParts = updateParts;
    }

    /** Creates the ticket in a transaction of its own (not inside a caller's, which a failed first try spoils). */
    TicketService.Change create(TicketInput.NewTicket input, Actor actor) {
        try {
            return tickets.create(input, actor);
        } catch (DataIntegrityViolationException e) {
            // Two requests created the same new requester (or CC) at once; the retry finds that user.
            return tickets.create(input, actor);
        }
    }

    /** One update from its API JSON ({@code PUT /tickets/{id}} and each item of {@code update_many}). */
    TicketService.Change update(long id, JsonNode ticket, Actor actor) {
        for (TicketUpdatePart part : updateParts) {
            if (ticket.has(part.field())) {
                boolean alone = ticket.propertyNames().stream()
                        .allMatch(name -> name.equals(part.field()) || part.companions().contains(name));
                if (!alone) {
                    throw new InvalidInput(part.field(), part.field() + ": send it alone; other ticket fields go in a separate update");
                }
                return part.apply(id, ticket, actor);
            }
        }
        return tickets.update(id, TicketInputReader.changes(ticket, Channel.API), actor);
    }
}
