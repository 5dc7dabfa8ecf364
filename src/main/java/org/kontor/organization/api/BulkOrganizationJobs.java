package org.kontor.organization.api;

import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.kontor.common.Forbidden;
import org.kontor.job.Job;
import org.kontor.job.JobHandler;
import org.kontor.job.JobItems;
import org.kontor.organization.OrganizationService;
import org.kontor.user.Actor;
import org.kontor.user.Role;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the Organizations API's bulk calls, each organization through the single call's use case in its own
 * transaction. Organizations are the admins' business: an item runs only while its submitter is still an admin.
 */
@Component
class BulkOrganizationJobs implements JobHandler {
    static final String CREATE_MANY = "create_many_organizations";
    static final String UPDATE_MANY = "update_many_organizations";
    static final String DESTROY_MANY = "destroy_many_organizations";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final OrganizationService organizations;

    BulkOrganizationJobs(OrganizationService organizations) {
        this.organizations = organizations;
    }

    @Override
    public Set<String> kinds() {
        return Set.of(CREATE_MANY, UPDATE_MANY, DESTROY_MANY);
    }

    /** Payloads: {@code {"organizations": [...]}}, {@code {"items": [{"id", "organization"}]}}, {@code {"ids": [...]}}. */
    @Override
    public void run(Job job, Actor actor, int from, Consumer<Map<String, Object>> result) {
        JsonNode payload = JSON.readTree(job.getPayload());
        switch (job.getKind()) {
            case CREATE_MANY -> {
                JsonNode items = payload.get("organizations");
                for (int i = from; i < items.size(); i++) {
                    JsonNode org = items.get(i);
                    result.accept(JobItems.run(i, null, "create", "Created", () -> {
                        requireAdmin(actor);
                        return organizations.create(OrganizationsController.draft(org)).getId();
                    }));
                }
            }
            case UPDATE_MANY -> {
                JsonNode items = payload.get("items");
                for (int i = from; i < items.size(); i++) {
                    long id = items.get(i).get("id").asLong();
                    JsonNode org = items.get(i).get("organization");
                    result.accept(JobItems.run(i, id, "update", "Updated", () -> {
                        requireAdmin(actor);
                        return organizations.update(id, OrganizationsController.draft(org)).getId();
                    }));
                }
            }
            case DESTROY_MANY -> {
                JsonNode ids = payload.get("ids");
                for (int i = from; i < ids.size(); i++) {
                    long id = ids.get(i).asLong();
                    result.accept(JobItems.run(i, id, "delete", "Deleted", () -> {
                        requireAdmin(actor);
                        organizations.delete(id);
                        return id;
                    }));
                }
            }
            default -> throw new IllegalArgumentException("Not a bulk organization job: " + job.getKind());
        }
    }

    private static void requireAdmin(Actor actor) {
        if (actor.role() != Role.ADMIN) {
            throw new Forbidden("Only admins change organizations");
        }
    }
}
