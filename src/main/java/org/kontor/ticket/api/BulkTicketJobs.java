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
    private final ApiTicketWrites writes;

    BulkTicketJobs(TicketService tickets, ApiTicketWrites writes) {
        this.tickets = tickets;
        this.writes = writes;
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
                    result.accept(JobItems.run(i, null, "create", "Created",
                            () -> writes.create(TicketInputReader.newTicket(ticket, Channel.API), actor).ticket().getId()));
                }
            }
            case UPDATE_MANY -> {
                JsonNode items = payload.get("items");
                for (int i = from; i < items.size(); i++) {
                    long id = items.get(i).get("id").asLong();
                    JsonNode ticket = items.get(i).get("ticket");
                    result.accept(JobItems.run(i, id, "update", "Updated", () -> writes.update(id, ticket, actor).ticket().getId()));
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
}
