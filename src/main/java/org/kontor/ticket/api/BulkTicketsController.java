package org.kontor.ticket.api;

import java.util.Map;
import org.kontor.job.api.BulkCalls;
import org.kontor.security.KontorUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Zendesk's bulk ticket calls: they answer at once with a queued {@code job_status} and run in the background
 * ({@link BulkTicketJobs}); the client polls {@code /api/v2/job_statuses/{id}}. At most 100 tickets per call.
 */
@RestController
class BulkTicketsController {
    private final BulkCalls bulk;

    BulkTicketsController(BulkCalls bulk) {
        this.bulk = bulk;
    }

    @PostMapping("/api/v2/tickets/create_many")
    Map<String, Object> createMany(@AuthenticationPrincipal KontorUser me, @RequestBody JsonNode body) {
        return bulk.queueRecords(me.actor(), BulkTicketJobs.CREATE_MANY, body, "tickets");
    }

    /** Both of Zendesk's forms: {@code ?ids=1,2} with one {@code {"ticket": {...}}}, or {@code {"tickets": [{"id", …}]}}. */
    @PutMapping("/api/v2/tickets/update_many")
    Map<String, Object> updateMany(@AuthenticationPrincipal KontorUser me, @RequestParam(required = false) String ids,
                                   @RequestBody JsonNode body) {
        return bulk.queueUpdates(me.actor(), BulkTicketJobs.UPDATE_MANY, body, ids, "ticket", "tickets");
    }

    @DeleteMapping("/api/v2/tickets/destroy_many")
    Map<String, Object> destroyMany(@AuthenticationPrincipal KontorUser me, @RequestParam(required = false) String ids) {
        return bulk.queueDeletes(me.actor(), BulkTicketJobs.DESTROY_MANY, ids);
    }
}
