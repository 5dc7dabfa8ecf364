package org.kontor.ticket.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kontor.support.Fixtures;
import org.kontor.support.IntegrationTest;
import org.kontor.user.User;

/**
 * Zendesk's bulk ticket calls and job statuses: {@code create_many}, {@code update_many} (both forms),
 * {@code destroy_many} and {@code POST /tickets?async=true} answer a queued job at once; the job runs every item
 * through the single call's use case, so the rules hold per item (R10 here), and reports each item's result.
 */
class BulkTicketJobsTest extends IntegrationTest {
    private User agent;
    private User customer;

    @BeforeEach
    void setUp() {
        agent = fixtures.agent("Bulk Agent");
        customer = fixtures.endUser("Bulk Customer");
        fixtures.privateTicketCreation(false);
    }

    private Map<String, Object> ticket(String externalId, String body) {
        return Map.of("subject", "Bulk " + externalId, "external_id", externalId, "requester_id", customer.getId(),
                "comment", Map.of("body", body));
    }

    private JsonPath finished(User caller, String jobId) throws InterruptedException {
        return fixtures.finishedJob(caller, jobId);
    }

    private List<Long> ticketsWithExternalId(String externalId) {
        return fixtures.as(agent).queryParam("external_id", externalId).get("/api/v2/tickets.json")
                .then().statusCode(200).extract().jsonPath().getList("tickets.id", Long.class);
    }

    private long create(String externalId) {
        return fixtures.as(agent).body(Map.of("ticket", ticket(externalId, "Single")))
                .post("/api/v2/tickets.json").then().statusCode(201).extract().jsonPath().getLong("ticket.id");
    }

    @Test
    void r10_createManyCreatesEachTicketThroughTheRulesAndReportsEveryItem() throws Exception {
        String a = Fixtures.unique("bulk-a-");
        String b = Fixtures.unique("bulk-b-");
        String c = Fixtures.unique("bulk-c-");
        Map<String, Object> privateWhileOff = Map.of("subject", "Private", "external_id", b, "requester_id", customer.getId(),
                "comment", Map.of("body", "Internal first comment", "public", false));
        JsonPath queued = fixtures.as(agent).body(Map.of("tickets", List.of(ticket(a, "First"), privateWhileOff, ticket(c, "Third"))))
                .post("/api/v2/tickets/create_many.json").then().statusCode(200)
                .body("job_status.total", equalTo(3)).extract().jsonPath();
        assertThat(queued.getString("job_status.url")).endsWith("/api/v2/job_statuses/" + queued.getString("job_status.id") + ".json");

        JsonPath job = finished(agent, queued.getString("job_status.id"));
        assertThat(job.getString("job_status.status")).isEqualTo("completed");
        assertThat(job.getInt("job_status.progress")).isEqualTo(3);
        assertThat(job.getList("job_status.results.index", Integer.class)).containsExactly(0, 1, 2);
        assertThat(job.getList("job_status.results.success", Boolean.class)).containsExactly(true, false, true);
        assertThat(job.getString("job_status.results[1].error")).isEqualTo("RecordInvalid");
        assertThat(job.getString("job_status.results[1].details")).startsWith("R10");
        assertThat(ticketsWithExternalId(a)).containsExactly(job.getLong("job_status.results[0].id"));
        assertThat(ticketsWithExternalId(b)).isEmpty();
        assertThat(ticketsWithExternalId(c)).containsExactly(job.getLong("job_status.results[2].id"));
        JsonPath created = fixtures.as(agent).get("/api/v2/tickets/" + job.getLong("job_status.results[0].id") + ".json")
                .then().statusCode(200).extract().jsonPath();
        assertThat(created.getLong("ticket.submitter_id")).isEqualTo(agent.getId());
        assertThat(created.getBoolean("ticket.is_public")).isTrue();
    }

    @Test
    void updateManyAppliesOneChangeToEveryIdAndReportsTicketsItCannotChange() throws Exception {
        long first = create(Fixtures.unique("upd-"));
        long second = create(Fixtures.unique("upd-"));
        long missing = 987_654_321L;
        String jobId = fixtures.as(agent).queryParam("ids", first + "," + missing + "," + second)
                .body(Map.of("ticket", Map.of("status", "pending", "tags", List.of("bulk"))))
                .put("/api/v2/tickets/update_many.json").then().statusCode(200).extract().jsonPath().getString("job_status.id");

        JsonPath job = finished(agent, jobId);
        assertThat(job.getList("job_status.results.id", Long.class)).containsExactly(first, missing, second);
        assertThat(job.getList("job_status.results.status", String.class)).containsExactly("Updated", "Failed", "Updated");
        assertThat(job.getString("job_status.results[1].error")).isEqualTo("RecordNotFound");
        for (long id : List.of(first, second)) {
            JsonPath t = fixtures.as(agent).get("/api/v2/tickets/" + id + ".json").then().statusCode(200).extract().jsonPath();
            assertThat(t.getString("ticket.status")).isEqualTo("pending");
            assertThat(t.getList("ticket.tags", String.class)).containsExactly("bulk");
        }
    }

    @Test
    void updateManyInBatchFormChangesEachTicketItsOwnWayAndAddsComments() throws Exception {
        long first = create(Fixtures.unique("batch-"));
        long second = create(Fixtures.unique("batch-"));
        String jobId = fixtures.as(agent).body(Map.of("tickets", List.of(
                        Map.of("id", first, "priority", "high"),
                        Map.of("id", second, "comment", Map.of("body", "Looked into it", "public", false)))))
                .put("/api/v2/tickets/update_many.json").then().statusCode(200).extract().jsonPath().getString("job_status.id");

        assertThat(finished(agent, jobId).getList("job_status.results.success", Boolean.class)).containsExactly(true, true);
        assertThat(fixtures.as(agent).get("/api/v2/tickets/" + first + ".json").jsonPath().getString("ticket.priority")).isEqualTo("high");
        JsonPath comments = fixtures.as(agent).get("/api/v2/tickets/" + second + "/comments.json").jsonPath();
        assertThat(comments.getList("comments.body", String.class)).containsExactly("Single", "Looked into it");
        assertThat(comments.getList("comments.public", Boolean.class)).containsExactly(true, false);
        // The end user's view is unchanged by the bulk path: the internal note stays invisible (V1).
        JsonPath requested = fixtures.as(customer).get("/api/v2/requests/" + second + "/comments.json").jsonPath();
        assertThat(requested.getList("comments.body", String.class)).containsExactly("Single");
    }

    @Test
    void destroyManyDeletesTheTickets() throws Exception {
        long first = create(Fixtures.unique("del-"));
        long second = create(Fixtures.unique("del-"));
        String jobId = fixtures.as(agent).queryParam("ids", first + "," + second)
                .delete("/api/v2/tickets/destroy_many.json").then().statusCode(200).extract().jsonPath().getString("job_status.id");
        assertThat(finished(agent, jobId).getList("job_status.results.status", String.class)).containsExactly("Deleted", "Deleted");
        fixtures.as(agent).get("/api/v2/tickets/" + first + ".json").then().statusCode(404);
        fixtures.as(agent).get("/api/v2/tickets/" + second + ".json").then().statusCode(404);
    }

    @Test
    void asyncCreationQueuesTheTicketAndReportsAFailedOneInItsJob() throws Exception {
        String externalId = Fixtures.unique("async-");
        String jobId = fixtures.as(agent).queryParam("async", "true").body(Map.of("ticket", ticket(externalId, "Later")))
                .post("/api/v2/tickets.json").then().statusCode(200).body("job_status.total", equalTo(1))
                .extract().jsonPath().getString("job_status.id");
        JsonPath job = finished(agent, jobId);
        assertThat(ticketsWithExternalId(externalId)).containsExactly(job.getLong("job_status.results[0].id"));

        // A malformed value answers at once; a ticket the rules refuse (no comment) fails in its job.
        fixtures.as(agent).queryParam("async", "true").body(Map.of("ticket", Map.of("subject", "Bad", "priority", "whenever",
                "comment", Map.of("body", "x")))).post("/api/v2/tickets.json").then().statusCode(422);
        String refused = fixtures.as(agent).queryParam("async", "true").body(Map.of("ticket", Map.of("subject", "No comment")))
                .post("/api/v2/tickets.json").then().statusCode(200).extract().jsonPath().getString("job_status.id");
        JsonPath failed = finished(agent, refused);
        assertThat(failed.getString("job_status.status")).isEqualTo("completed");
        assertThat(failed.getBoolean("job_status.results[0].success")).isFalse();
        assertThat(failed.getString("job_status.results[0].error")).isEqualTo("RecordInvalid");
    }

    @Test
    void aJobIsVisibleToItsSubmitterAndAdminsOnly() throws Exception {
        String jobId = fixtures.as(agent).body(Map.of("tickets", List.of(ticket(Fixtures.unique("vis-"), "Hello"))))
                .post("/api/v2/tickets/create_many.json").then().statusCode(200).extract().jsonPath().getString("job_status.id");
        finished(agent, jobId);
        fixtures.as(fixtures.agent("Other Agent")).get("/api/v2/job_statuses/" + jobId + ".json").then().statusCode(404);
        fixtures.asAdmin().get("/api/v2/job_statuses/" + jobId + ".json").then().statusCode(200);
        fixtures.as(customer).get("/api/v2/job_statuses/" + jobId + ".json").then().statusCode(403);
        fixtures.as(customer).body(Map.of("tickets", List.of(ticket(Fixtures.unique("eu-"), "Hi"))))
                .post("/api/v2/tickets/create_many.json").then().statusCode(403);
        JsonPath many = fixtures.as(agent).queryParam("ids", jobId + ",unknown").get("/api/v2/job_statuses/show_many.json")
                .then().statusCode(200).extract().jsonPath();
        assertThat(many.getList("job_statuses.id", String.class)).containsExactly(jobId);
    }

    @Test
    void badBulkRequestsAreRefusedBeforeAnyJobIsQueued() {
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            tooMany.add(ticket("x" + i, "Body"));
        }
        fixtures.as(agent).body(Map.of("tickets", tooMany)).post("/api/v2/tickets/create_many.json").then().statusCode(422);
        fixtures.as(agent).body(Map.of("tickets", List.of())).post("/api/v2/tickets/create_many.json").then().statusCode(422);
        fixtures.as(agent).body(Map.of("tickets", List.of("not a ticket"))).post("/api/v2/tickets/create_many.json").then().statusCode(422);
        fixtures.as(agent).delete("/api/v2/tickets/destroy_many.json").then().statusCode(400);
        fixtures.as(agent).body(Map.of("tickets", List.of(Map.of("status", "open"))))
                .put("/api/v2/tickets/update_many.json").then().statusCode(422);
        fixtures.as(agent).queryParam("ids", "1,x").body(Map.of("ticket", Map.of("status", "open")))
                .put("/api/v2/tickets/update_many.json").then().statusCode(400);
    }
}
