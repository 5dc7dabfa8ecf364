package org.kontor.ticket.api;

import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.kontor.job.Job;
import org.kontor.job.JobItems;
import org.kontor.job.JobHandler;
import org.kontor.ticket.Channel;
import org.kontor.ticket.TicketService;
import org.kontor.user.Actor;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the Tickets API's bulk calls: each item through the same use case as its single call (so every rule,
 * trigger and notification applies), in its own transaction, reported as {@link JobItems} says.
 */
@Component
class BulkTicketJobs implements JobHandler {
    static final String CREATE_MANY = "create_many_tickets";
    static final String UPDATE_MANY = "update_many_tickets";
    static final String DESTROY_MANY = "destroy_many_tickets";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final TicketService tickets;
    private final TicketUpdates updates;

    BulkTicketJobs(TicketService tickets, TicketUpdates updates) {
        this.tickets = tickets;
        this.updates = updates;
    }

    /** The payload of a creation job for these ticket objects. */
    static String createPayload(JsonNode tickets) {
        var payload = JSON.createObjectNode();
        var list = payload.putArray("tickets");
        if (tickets.isArray()) {
            tickets.forEach(list::add);
        } else {
            list.add(tickets);
        }
        return payload.toString();
    }

    @Override
    public Set<String> kinds() {
        return Set.of(CREATE_MANY, UPDATE_MANY, DESTROY_MANY);
    }

    /** Payloads: {@code {"tickets": [...]}}, {@code {"items": [{"id", "ticket"}]}}, {@code {"ids": [...]}}. */
    @Override
    public void run(Job job, Actor actor, int from, Consumer<Map<String, Object>> result) {
        JsonNode payload = JSON.readTree(job.getPayload());
        switch (job.getKind()) {
            case CREATE_MANY -> {
                JsonNode items = payload.get("tickets");
                for (int i = from; i < items.size(); i++) {
                    JsonNode ticket = items.get(i);
                    result.accept(JobItems.run(i, null, "create", "Created", () -> create(ticket, actor)));
                }
            }
            case UPDATE_MANY -> {
                JsonNode items = payload.get("items");
                for (int i = from; i < items.size(); i++) {
                    long id = items.get(i).get("id").asLong();
                    JsonNode ticket = items.get(i).get("ticket");
                    result.accept(JobItems.run(i, id, "update", "Updated", () -> updates.apply(id, ticket, actor).ticket().getId()));
                }
            }
            case DESTROY_MANY -> {
                JsonNode ids = payload.get("ids");
                for (int i = from; i < ids.size(); i++) {
                    long id = ids.get(i).asLong();
                    result.accept(JobItems.run(i, id, "delete", "Deleted", () -> {
                        tickets.delete(id, actor);
                        return id;
                    }));
                }
            }
            default -> throw new IllegalArgumentException("Not a bulk ticket job: " + job.getKind());
        }
    }

    private long create(JsonNode ticket, Actor actor) {
        var input = TicketInputReader.newTicket(ticket, Channel.API);
        try {
            return tickets.create(input, actor).ticket().getId();
        } catch (DataIntegrityViolationException e) {
            // Another request created the same new requester (or CC) at the same moment; the retry finds that user.
            return tickets.create(input, actor).ticket().getId();
        }
    }
}
