package org.kontor.organization.api;

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

/** Zendesk's bulk organization calls (admins): queued jobs ({@link BulkOrganizationJobs}), at most 100 per call. */
@RestController
class BulkOrganizationsController {
    static final int MAX_ITEMS = 100;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Jobs jobs;

    BulkOrganizationsController(Jobs jobs) {
        this.jobs = jobs;
    }

    @PostMapping("/api/v2/organizations/create_many")
    Map<String, Object> createMany(@AuthenticationPrincipal KontorUser me, @RequestBody JsonNode body) {
        JsonNode organizations = Json.bulkItems(body, "organizations", MAX_ITEMS);
        ObjectNode payload = JSON.createObjectNode();
        payload.set("organizations", organizations);
        return JobStatusJson.envelope(jobs.submit(me.actor(), BulkOrganizationJobs.CREATE_MANY, organizations.size(),
                payload.toString()));
    }

    @PutMapping("/api/v2/organizations/update_many")
    Map<String, Object> updateMany(@AuthenticationPrincipal KontorUser me, @RequestParam(required = false) String ids,
                                   @RequestBody JsonNode body) {
        ObjectNode payload = JSON.createObjectNode();
        ArrayNode items = payload.putArray("items")
                .addAll(Json.bulkUpdates(body, ids, "organization", "organizations", MAX_ITEMS));
        return JobStatusJson.envelope(jobs.submit(me.actor(), BulkOrganizationJobs.UPDATE_MANY, items.size(), payload.toString()));
    }

    @DeleteMapping("/api/v2/organizations/destroy_many")
    Map<String, Object> destroyMany(@AuthenticationPrincipal KontorUser me, @RequestParam(required = false) String ids) {
        ObjectNode payload = JSON.createObjectNode();
        ArrayNode list = payload.putArray("ids").addAll(Json.bulkIds(ids, MAX_ITEMS));
        return JobStatusJson.envelope(jobs.submit(me.actor(), BulkOrganizationJobs.DESTROY_MANY, list.size(), payload.toString()));
    }
}
