package org.kontor.ticket.api;

import java.util.List;
import java.util.Map;
import org.kontor.api.Json;
import org.kontor.common.BadRequest;
import org.kontor.common.InvalidInput;
import org.kontor.job.Jobs;
import org.kontor.job.api.JobStatusJson;
import org.kontor.security.KontorUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Zendesk's bulk ticket calls: they answer at once with a queued {@code job_status} and run in the background
 * ({@link BulkTicketJobs}); the client polls {@code /api/v2/job_statuses/{id}}. At most 100 tickets per call.
 */
@RestController
class BulkTicketsController {
    static final int MAX_ITEMS = 100;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Jobs jobs;

    BulkTicketsController(Jobs jobs) {
        this.jobs = jobs;
    }

    @PostMapping("/api/v2/tickets/create_many")
    Map<String, Object> createMany(@AuthenticationPrincipal KontorUser me, @RequestBody JsonNode body) {
        JsonNode tickets = items(body, "tickets");
        for (int i = 0; i < tickets.size(); i++) {
            if (!tickets.get(i).isObject()) {
                throw new InvalidInput("tickets", "tickets: item " + i + " is not a ticket object");
            }
        }
        return JobStatusJson.envelope(jobs.submit(me.actor(), BulkTicketJobs.CREATE_MANY, tickets.size(),
                BulkTicketJobs.createPayload(tickets)));
    }

    /**
     * Two forms, as in Zendesk: {@code ?ids=1,2} with one {@code {"ticket": {...}}} applied to each, or
     * {@code {"tickets": [{"id": 1, ...}, ...]}} with a change per ticket.
     */
    @PutMapping("/api/v2/tickets/update_many")
    Map<String, Object> updateMany(@AuthenticationPrincipal KontorUser me, @RequestParam(required = false) String ids,
                                   @RequestBody JsonNode body) {
        ObjectNode payload = JSON.createObjectNode();
        ArrayNode items = payload.putArray("items");
        if (ids != null) {
            List<Long> wanted = Json.idParam(ids, "ids", MAX_ITEMS);
            if (wanted.isEmpty()) {
                throw new BadRequest("Parameter ids must name at least one ticket");
            }
            JsonNode ticket = Json.root(body, "ticket");
            for (long id : wanted) {
                items.addObject().put("id", id).set("ticket", ticket);
            }
        } else {
            JsonNode tickets = items(body, "tickets");
            for (int i = 0; i < tickets.size(); i++) {
                JsonNode t = tickets.get(i);
                Long id = t.isObject() ? Json.id(t, "id") : null;
                if (id == null) {
                    throw new InvalidInput("tickets", "tickets: item " + i + " needs the id of the ticket to update");
                }
                ObjectNode change = ((ObjectNode) t).deepCopy();
                change.remove("id");
                items.addObject().put("id", id).set("ticket", change);
            }
        }
        return JobStatusJson.envelope(jobs.submit(me.actor(), BulkTicketJobs.UPDATE_MANY, items.size(), payload.toString()));
    }

    @DeleteMapping("/api/v2/tickets/destroy_many")
    Map<String, Object> destroyMany(@AuthenticationPrincipal KontorUser me, @RequestParam(required = false) String ids) {
        List<Long> wanted = Json.idParam(ids, "ids", MAX_ITEMS);
        if (wanted.isEmpty()) {
            throw new BadRequest("Parameter ids is required");
        }
        ObjectNode payload = JSON.createObjectNode();
        ArrayNode list = payload.putArray("ids");
        wanted.forEach(list::add);
        return JobStatusJson.envelope(jobs.submit(me.actor(), BulkTicketJobs.DESTROY_MANY, wanted.size(), payload.toString()));
    }

    private static JsonNode items(JsonNode body, String key) {
        if (body == null || !body.isObject()) {
            throw new BadRequest("The request body must be a JSON object with a \"" + key + "\" array");
        }
        JsonNode items = body.get(key);
        if (items == null || !items.isArray() || items.isEmpty()) {
            throw new InvalidInput(key, key + ": the body needs a non-empty \"" + key + "\" array");
        }
        if (items.size() > MAX_ITEMS) {
            throw new InvalidInput(key, key + ": at most " + MAX_ITEMS + " per call");
        }
        return items;
    }
}
