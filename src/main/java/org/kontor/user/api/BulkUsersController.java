package org.kontor.user.api;

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

/** Zendesk's bulk user calls: queued jobs ({@link BulkUserJobs}), at most 100 users per call. */
@RestController
class BulkUsersController {
    private final BulkCalls bulk;

    BulkUsersController(BulkCalls bulk) {
        this.bulk = bulk;
    }

    @PostMapping("/api/v2/users/create_many")
    Map<String, Object> createMany(@AuthenticationPrincipal KontorUser me, @RequestBody JsonNode body) {
        return bulk.queueRecords(me.actor(), BulkUserJobs.CREATE_MANY, body, "users");
    }

    /** Each user matched by email (or external id) is updated, the others created. */
    @PostMapping("/api/v2/users/create_or_update_many")
    Map<String, Object> createOrUpdateMany(@AuthenticationPrincipal KontorUser me, @RequestBody JsonNode body) {
        return bulk.queueRecords(me.actor(), BulkUserJobs.CREATE_OR_UPDATE_MANY, body, "users");
    }

    /** {@code ?ids=1,2} with one {@code {"user": {...}}} for all, or {@code {"users": [{"id": 1, ...}]}}. */
    @PutMapping("/api/v2/users/update_many")
    Map<String, Object> updateMany(@AuthenticationPrincipal KontorUser me, @RequestParam(required = false) String ids,
                                   @RequestBody JsonNode body) {
        return bulk.queueUpdates(me.actor(), BulkUserJobs.UPDATE_MANY, body, ids, "user", "users");
    }

    @DeleteMapping("/api/v2/users/destroy_many")
    Map<String, Object> destroyMany(@AuthenticationPrincipal KontorUser me, @RequestParam(required = false) String ids) {
        return bulk.queueDeletes(me.actor(), BulkUserJobs.DESTROY_MANY, ids);
    }
}
