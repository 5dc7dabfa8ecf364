package org.kontor.user.api;

import java.util.Map;
import org.kontor.api.Json;
import org.kontor.job.Jobs;
import org.kontor.job.api.JobStatusJson;
import org.kontor.security.KontorUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Zendesk's bulk user calls: queued jobs ({@link BulkUserJobs}), at most 100 users per call. */
@RestController
class BulkUsersController {
    static final int MAX_ITEMS = 100;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Jobs jobs;

    BulkUsersController(Jobs jobs) {
        this.jobs = jobs;
    }

    @PostMapping("/api/v2/users/create_many")
    Map<String, Object> createMany(@AuthenticationPrincipal KontorUser me, @RequestBody JsonNode body) {
        return queueUsers(me, BulkUserJobs.CREATE_MANY, body);
    }

    /** Each user matched by email (or external id) is updated, the others created. */
    @PostMapping("/api/v2/users/create_or_update_many")
    Map<String, Object> createOrUpdateMany(@AuthenticationPrincipal KontorUser me, @RequestBody JsonNode body) {
        return queueUsers(me, BulkUserJobs.CREATE_OR_UPDATE_MANY, body);
    }

    private Map<String, Object> queueUsers(KontorUser me, String kind, JsonNode body) {
        JsonNode users = Json.bulkItems(body, "users", MAX_ITEMS);
        ObjectNode payload = JSON.createObjectNode();
        payload.set("users", users);
        return JobStatusJson.envelope(jobs.submit(me.actor(), kind, users.size(), payload.toString()));
    }

    /** {@code ?ids=1,2} with one {@code {"user": {...}}} for all, or {@code {"users": [{"id": 1, ...}]}}. */
    @PutMapping("/api/v2/users/update_many")
    Map<String, Object> updateMany(@AuthenticationPrincipal KontorUser me, @RequestParam(required = false) String ids,
                                   @RequestBody JsonNode body) {
        ObjectNode payload = JSON.createObjectNode();
        ArrayNode items = payload.putArray("items").addAll(Json.bulkUpdates(body, ids, "user", "users", MAX_ITEMS));
        return JobStatusJson.envelope(jobs.submit(me.actor(), BulkUserJobs.UPDATE_MANY, items.size(), payload.toString()));
    }
}
