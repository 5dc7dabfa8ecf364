package org.kontor.ticket.api;

import java.util.List;
import org.kontor.common.InvalidInput;
import org.kontor.ticket.Channel;
import org.kontor.ticket.TicketService;
import org.kontor.user.Actor;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** One ticket update from its API JSON ({@code PUT /tickets/{id}} and each item of {@code update_many}). */
@Component
class TicketUpdates {
    private final TicketService tickets;
    private final List<TicketUpdatePart> updateParts;

    TicketUpdates(TicketService tickets, List<TicketUpdatePart> updateParts) {
        this.tickets = tickets;
        this.updateParts = updateParts;
    }

    TicketService.Change apply(long id, JsonNode ticket, Actor actor) {
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
