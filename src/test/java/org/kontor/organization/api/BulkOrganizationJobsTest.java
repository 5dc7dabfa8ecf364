package org.kontor.organization.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kontor.organization.Organization;
import org.kontor.support.Fixtures;
import org.kontor.support.IntegrationTest;
import org.kontor.user.User;

/** Zendesk's bulk organization calls as jobs (admins only): create_many, update_many, destroy_many. */
class BulkOrganizationJobsTest extends IntegrationTest {

    @Test
    void adminsCreateUpdateAndDeleteOrganizationsInBulk() throws Exception {
        User admin = fixtures.admin("Bulk Org Admin");
        String acme = Fixtures.unique("Acme ");
        String jobId = fixtures.as(admin).body(Map.of("organizations", List.of(
                        Map.of("name", acme, "domain_names", List.of(Fixtures.unique("acme-") + ".test")),
                        Map.of("details", "No name"))))
                .post("/api/v2/organizations/create_many.json").then().statusCode(200).extract().jsonPath().getString("job_status.id");
        JsonPath created = fixtures.finishedJob(admin, jobId);
        assertThat(created.getList("job_status.results.success", Boolean.class)).containsExactly(true, false);
        assertThat(created.getString("job_status.results[1].error")).isEqualTo("RecordInvalid");
        long acmeId = created.getLong("job_status.results[0].id");
        assertThat(fixtures.asAdmin().get("/api/v2/organizations/" + acmeId + ".json").jsonPath().getString("organization.name"))
                .isEqualTo(acme);

        Organization other = fixtures.organization("Other", false);
        String updated = fixtures.as(admin).queryParam("ids", acmeId + "," + other.getId())
                .body(Map.of("organization", Map.of("notes", "Key account")))
                .put("/api/v2/organizations/update_many.json").then().statusCode(200).extract().jsonPath().getString("job_status.id");
        assertThat(fixtures.finishedJob(admin, updated).getList("job_status.results.status", String.class))
                .containsExactly("Updated", "Updated");
        assertThat(fixtures.asAdmin().get("/api/v2/organizations/" + other.getId() + ".json").jsonPath()
                .getString("organization.notes")).isEqualTo("Key account");

        String deleted = fixtures.as(admin).queryParam("ids", acmeId + "," + other.getId())
                .delete("/api/v2/organizations/destroy_many.json").then().statusCode(200).extract().jsonPath().getString("job_status.id");
        assertThat(fixtures.finishedJob(admin, deleted).getList("job_status.results.status", String.class))
                .containsExactly("Deleted", "Deleted");
        fixtures.asAdmin().get("/api/v2/organizations/" + acmeId + ".json").then().statusCode(404);
    }

    @Test
    void agentsMayNotQueueOrganizationChanges() {
        User agent = fixtures.agent("Plain Agent");
        fixtures.as(agent).body(Map.of("organizations", List.of(Map.of("name", Fixtures.unique("Nope ")))))
                .post("/api/v2/organizations/create_many.json").then().statusCode(403);
        fixtures.as(agent).queryParam("ids", "1").delete("/api/v2/organizations/destroy_many.json").then().statusCode(403);
    }
}
