package org.kontor.user.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kontor.support.Fixtures;
import org.kontor.support.IntegrationTest;
import org.kontor.user.User;

/** Zendesk's bulk user calls as jobs: create_many, create_or_update_many, update_many (both forms). */
class BulkUserJobsTest extends IntegrationTest {

    private JsonPath finished(User caller, String jobId) throws InterruptedException {
        return fixtures.finishedJob(caller, jobId);
    }

    private JsonPath user(User caller, long id) {
        return fixtures.as(caller).get("/api/v2/users/" + id + ".json").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void createManyCreatesEachUserWithTheSingleCallsRules() throws Exception {
        User agent = fixtures.agent("Bulk User Agent");
        String first = Fixtures.unique("bulk-one-") + "@example.test";
        String second = Fixtures.unique("bulk-two-") + "@example.test";
        String jobId = fixtures.as(agent).body(Map.of("users", List.of(
                        Map.of("name", "Bulk One", "email", first),
                        // Only admins create agents: refused for this item, the others go on.
                        Map.of("name", "Would Be Agent", "email", Fixtures.unique("agent-") + "@example.test", "role", "agent"),
                        Map.of("name", "Bulk Two", "email", second, "phone", "+49 30 1234567"))))
                .post("/api/v2/users/create_many.json").then().statusCode(200).extract().jsonPath().getString("job_status.id");

        JsonPath job = finished(agent, jobId);
        assertThat(job.getList("job_status.results.success", Boolean.class)).containsExactly(true, false, true);
        assertThat(job.getString("job_status.results[1].error")).isEqualTo("PermissionDenied");
        JsonPath one = user(agent, job.getLong("job_status.results[0].id"));
        assertThat(one.getString("user.email")).isEqualTo(first);
        assertThat(one.getString("user.role")).isEqualTo("end-user");
        assertThat(user(agent, job.getLong("job_status.results[2].id")).getString("user.phone")).isEqualTo("+49 30 1234567");
    }

    @Test
    void createOrUpdateManyUpdatesKnownEmailsAndCreatesTheOthers() throws Exception {
        User agent = fixtures.agent("Sync Agent");
        User known = fixtures.endUser("Known Customer");
        String fresh = Fixtures.unique("fresh-") + "@example.test";
        String jobId = fixtures.as(agent).body(Map.of("users", List.of(
                        Map.of("name", "Known, Renamed", "email", known.getEmail()),
                        Map.of("name", "Fresh Customer", "email", fresh))))
                .post("/api/v2/users/create_or_update_many.json").then().statusCode(200).extract().jsonPath()
                .getString("job_status.id");

        JsonPath job = finished(agent, jobId);
        assertThat(job.getList("job_status.results.status", String.class)).containsExactly("Updated", "Created");
        assertThat(job.getLong("job_status.results[0].id")).isEqualTo(known.getId());
        assertThat(user(agent, known.getId()).getString("user.name")).isEqualTo("Known, Renamed");
        assertThat(user(agent, job.getLong("job_status.results[1].id")).getString("user.email")).isEqualTo(fresh);
    }

    @Test
    void updateManyChangesEveryUserNamedAndReportsUnknownOnes() throws Exception {
        User agent = fixtures.agent("Update Agent");
        User a = fixtures.endUser("Update A");
        User b = fixtures.endUser("Update B");
        String same = fixtures.as(agent).queryParam("ids", a.getId() + ",987654321," + b.getId())
                .body(Map.of("user", Map.of("notes", "Migrated from the old desk")))
                .put("/api/v2/users/update_many.json").then().statusCode(200).extract().jsonPath().getString("job_status.id");
        JsonPath job = finished(agent, same);
        assertThat(job.getList("job_status.results.status", String.class)).containsExactly("Updated", "Failed", "Updated");
        assertThat(job.getString("job_status.results[1].error")).isEqualTo("RecordNotFound");
        assertThat(user(agent, a.getId()).getString("user.notes")).isEqualTo("Migrated from the old desk");
        assertThat(user(agent, b.getId()).getString("user.notes")).isEqualTo("Migrated from the old desk");

        String each = fixtures.as(agent).body(Map.of("users", List.of(Map.of("id", a.getId(), "name", "A, renamed"),
                        Map.of("id", b.getId(), "phone", "030 555"))))
                .put("/api/v2/users/update_many.json").then().statusCode(200).extract().jsonPath().getString("job_status.id");
        assertThat(finished(agent, each).getList("job_status.results.success", Boolean.class)).containsExactly(true, true);
        assertThat(user(agent, a.getId()).getString("user.name")).isEqualTo("A, renamed");
        assertThat(user(agent, b.getId()).getString("user.phone")).isEqualTo("030 555");
    }

    @Test
    void endUsersCannotQueueBulkCallsAndBadBodiesAreRefusedAtOnce() {
        User customer = fixtures.endUser("Not Allowed");
        User agent = fixtures.agent("Careful Agent");
        fixtures.as(customer).body(Map.of("users", List.of(Map.of("name", "X", "email", "x@example.test"))))
                .post("/api/v2/users/create_many.json").then().statusCode(403);
        fixtures.as(agent).body(Map.of("users", List.of())).post("/api/v2/users/create_many.json").then().statusCode(422);
        fixtures.as(agent).body(Map.of("users", List.of(Map.of("name", "No id"))))
                .put("/api/v2/users/update_many.json").then().statusCode(422);
    }
}
