package org.kontor.ticket.api;

import java.util.Map;
import org.kontor.api.Json;
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
        JsonNode tickets = Json.bulkItems(body, "tickets", MAX_ITEMS);
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
        ArrayNode items = payload.putArray("items").addAll(Json.bulkUpdates(body, ids, "ticket", "tickets", MAX_ITEMS));
        return JobStatusJson.envelope(jobs.submit(me.actor(), BulkTicketJobs.UPDATE_MANY, items.size(), payload.toString()));
    }

    @DeleteMapping("/api/v2/tickets/destroy_many")
    Map<String, Object> destroyMany(@AuthenticationPrincipal KontorUser me, @RequestParam(required = false) String ids) {
        ObjectNode payload = JSON.createObjectNode();
        ArrayNode list = payload.putArray("ids").addAll(Json.bulkIds(ids, MAX_ITEMS));
        return JobStatusJson.envelope(jobs.submit(me.actor(), BulkTicketJobs.DESTROY_MANY, list.size(), payload.toString()));
    }
}
