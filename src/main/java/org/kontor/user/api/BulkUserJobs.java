package org.kontor.user.api;

import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.kontor.job.Job;
import org.kontor.job.JobHandler;
import org.kontor.job.JobItems;
import org.kontor.user.Actor;
import org.kontor.user.UserService;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Runs the Users API's bulk calls, each user through the single call's use case in its own transaction. */
@Component
class BulkUserJobs implements JobHandler {
    static final String CREATE_MANY = "create_many_users";
    static final String CREATE_OR_UPDATE_MANY = "create_or_update_many_users";
    static final String UPDATE_MANY = "update_many_users";
    static final String DESTROY_MANY = "destroy_many_users";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final UserService users;

    BulkUserJobs(UserService users) {
        this.users = users;
    }

    @Override
    public Set<String> kinds() {
        return Set.of(CREATE_MANY, CREATE_OR_UPDATE_MANY, UPDATE_MANY, DESTROY_MANY);
    }

    /**
     * Payloads: {@code {"users": [...]}} to create (or update), {@code {"items": [{"id", "user"}]}} to update,
     * {@code {"ids": [...]}} to delete.
     */
    @Override
    public void run(Job job, Actor actor, int from, Consumer<Map<String, Object>> result) {
        JsonNode payload = JSON.readTree(job.getPayload());
        switch (job.getKind()) {
            case CREATE_MANY -> {
                JsonNode items = payload.get("users");
                for (int i = from; i < items.size(); i++) {
                    JsonNode user = items.get(i);
                    result.accept(JobItems.run(i, null, "create", "Created",
                            () -> users.create(UsersController.draft(user), actor).getId()));
                }
            }
            case CREATE_OR_UPDATE_MANY -> {
                JsonNode items = payload.get("users");
                for (int i = from; i < items.size(); i++) {
                    JsonNode user = items.get(i);
                    boolean[] created = new boolean[1];
                    Map<String, Object> r = JobItems.run(i, null, "create_or_update", "Created", () -> {
                        UsersController.Upsert upsert = UsersController.createOrUpdate(users, UsersController.draft(user), actor);
                        created[0] = upsert.created();
                        return upsert.user().getId();
                    });
                    if (Boolean.TRUE.equals(r.get("success"))) {
                        r.put("action", created[0] ? "create" : "update");
                        r.put("status", created[0] ? "Created" : "Updated");
                    }
                    result.accept(r);
                }
            }
            case UPDATE_MANY -> {
                JsonNode items = payload.get("items");
                for (int i = from; i < items.size(); i++) {
                    long id = items.get(i).get("id").asLong();
                    JsonNode user = items.get(i).get("user");
                    result.accept(JobItems.run(i, id, "update", "Updated",
                            () -> users.update(id, UsersController.draft(user), actor).getId()));
                }
            }
            case DESTROY_MANY -> {
                JsonNode ids = payload.get("ids");
                for (int i = from; i < ids.size(); i++) {
                    long id = ids.get(i).asLong();
                    result.accept(JobItems.run(i, id, "delete", "Deleted", () -> users.delete(id, actor).getId()));
                }
            }
            default -> throw new IllegalArgumentException("Not a bulk user job: " + job.getKind());
        }
    }
}
