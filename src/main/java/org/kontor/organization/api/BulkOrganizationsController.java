package org.kontor.organization.api;

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

/** Zendesk's bulk organization calls (admins): queued jobs ({@link BulkOrganizationJobs}), at most 100 per call. */
@RestController
class BulkOrganizationsController {
    private final BulkCalls bulk;

    BulkOrganizationsController(BulkCalls bulk) {
        this.bulk = bulk;
    }

    @PostMapping("/api/v2/organizations/create_many")
    Map<String, Object> createMany(@AuthenticationPrincipal KontorUser me, @RequestBody JsonNode body) {
        return bulk.queueRecords(me.actor(), BulkOrganizationJobs.CREATE_MANY, body, "organizations");
    }

    @PutMapping("/api/v2/organizations/update_many")
    Map<String, Object> updateMany(@AuthenticationPrincipal KontorUser me, @RequestParam(required = false) String ids,
                                   @RequestBody JsonNode body) {
        return bulk.queueUpdates(me.actor(), BulkOrganizationJobs.UPDATE_MANY, body, ids, "organization", "organizations");
    }

    @DeleteMapping("/api/v2/organizations/destroy_many")
    Map<String, Object> destroyMany(@AuthenticationPrincipal KontorUser me, @RequestParam(required = false) String ids) {
        return bulk.queueDeletes(me.actor(), BulkOrganizationJobs.DESTROY_MANY, ids);
    }
}
