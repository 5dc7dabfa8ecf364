package org.kontor.user.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kontor.group.Group;
import org.kontor.support.IntegrationTest;
import org.kontor.user.User;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Deleting users through the API, Zendesk's soft delete: {@code DELETE /users/{id}}, {@code users/destroy_many},
 * {@code deleted_users}, and permanent deletion. A deleted user can no longer sign in (even with a sign-in cached a moment before), be found,
 * be picked or be mailed; their address is free for a new user; their tickets stay, settled.
 */
class UserDeletionTest extends IntegrationTest {
    @Autowired
    JdbcTemplate jdbc;

    private long ticket(User agent, User requester, Map<String, Object> more) {
        Map<String, Object> ticket = new java.util.HashMap<>(Map.of("subject", "Deletion " + requester.getName(),
                "requester_id", requester.getId(), "comment", Map.of("body", "Hello")));
        ticket.putAll(more);
        return fixtures.as(agent).body(Map.of("ticket", ticket)).post("/api/v2/tickets.json")
                .then().statusCode(201).extract().jsonPath().getLong("ticket.id");
    }

    private List<Long> agentSearchForUsers(User agent, String name) {
        return fixtures.as(agent).queryParam("query", "type:user \"" + name + "\"").get("/api/v2/search.json")
                .then().statusCode(200).extract().jsonPath().getList("results.id", Long.class);
    }

    private void solve(User agent, long ticketId) {
        fixtures.as(agent).body(Map.of("ticket", Map.of("status", "solved", "assignee_id", agent.getId())))
                .put("/api/v2/tickets/" + ticketId + ".json").then().statusCode(200);
    }

    @Test
    void aDeletedEndUserIsInactiveCannotSignInIsNoLongerFoundAndTheirAddressMakesANewUser() {
        User agent = fixtures.agent("Dora Deleter");
        User customer = fixtures.endUser("Gone Customer");
        String email = customer.getEmail();
        fixtures.as(customer).get("/api/v2/users/me.json").then().statusCode(200); // a sign-in now cached
        assertThat(agentSearchForUsers(agent, "Gone Customer")).contains(customer.getId());

        JsonPath deleted = fixtures.as(agent).delete("/api/v2/users/" + customer.getId() + ".json")
                .then().statusCode(200).extract().jsonPath();

        assertThat(deleted.getLong("user.id")).isEqualTo(customer.getId());
        assertThat(deleted.getBoolean("user.active")).isFalse();
        assertThat(deleted.getString("user.email")).isNull();
        assertThat(deleted.getString("user.name")).isEqualTo("Gone Customer");
        fixtures.as(customer).get("/api/v2/users/me.json").then().statusCode(401);
        assertThat(fixtures.as(agent).get("/api/v2/users/" + customer.getId() + ".json").jsonPath().getBoolean("user.active"))
                .isFalse();
        assertThat(fixtures.as(agent).queryParam("role", "end-user").queryParam("per_page", 100)
                .queryParam("sort_order", "desc").get("/api/v2/users.json").jsonPath().getList("users.id", Long.class))
                .isNotEmpty().doesNotContain(customer.getId());
        assertThat(fixtures.as(agent).queryParam("query", "Gone Customer").get("/api/v2/users/search.json")
                .jsonPath().getList("users.id", Long.class)).doesNotContain(customer.getId());
        assertThat(agentSearchForUsers(agent, "Gone Customer")).doesNotContain(customer.getId());
        assertThat(fixtures.as(agent).queryParam("name", "Gone Cust").get("/api/v2/users/autocomplete.json")
                .jsonPath().getList("users.id", Long.class)).doesNotContain(customer.getId());
        assertThat(fixtures.as(agent).queryParam("per_page", 100).queryParam("sort_order", "desc")
                .get("/api/v2/deleted_users.json").jsonPath().getList("deleted_users.id", Long.class)).contains(customer.getId());
        assertThat(fixtures.as(agent).get("/api/v2/deleted_users/" + customer.getId() + ".json")
                .jsonPath().getString("deleted_user.name")).isEqualTo("Gone Customer");
        fixtures.as(agent).get("/api/v2/deleted_users/" + agent.getId() + ".json").then().statusCode(404);

        // A ticket by id for the deleted user is refused; by their old address it goes to a new user.
        fixtures.as(agent).body(Map.of("ticket", Map.of("requester_id", customer.getId(), "comment", Map.of("body", "Hi"))))
                .post("/api/v2/tickets.json").then().statusCode(422);
        long newRequester = fixtures.as(agent).body(Map.of("ticket", Map.of("subject", "Back again",
                        "requester", Map.of("name", "Gone Customer", "email", email), "comment", Map.of("body", "Hi again"))))
                .post("/api/v2/tickets.json").then().statusCode(201).extract().jsonPath().getLong("ticket.requester_id");
        assertThat(newRequester).isNotEqualTo(customer.getId());

        // Deleting a deleted user changes nothing; an unknown one is 404.
        assertThat(fixtures.as(agent).delete("/api/v2/users/" + customer.getId() + ".json")
                .then().statusCode(200).extract().jsonPath().getBoolean("user.active")).isFalse();
        fixtures.as(agent).delete("/api/v2/users/999999999.json").then().statusCode(404)
                .body("error", org.hamcrest.Matchers.equalTo("RecordNotFound"));
    }

    @Test
    void theRequesterOfAnUnsolvedTicketCannotBeDeletedUntilItIsSolved() {
        User agent = fixtures.agent("Sol Solver");
        User customer = fixtures.endUser("Waiting Customer");
        long ticketId = ticket(agent, customer, Map.of());

        JsonPath refused = fixtures.as(agent).delete("/api/v2/users/" + customer.getId() + ".json")
                .then().statusCode(422).extract().jsonPath();
        assertThat(refused.getString("error")).isEqualTo("RecordInvalid");
        assertThat(refused.getString("details.id[0].description"))
                .isEqualTo("The user is the requester of 1 tickets that are not solved; solve them first");
        fixtures.as(customer).get("/api/v2/users/me.json").then().statusCode(200);

        solve(agent, ticketId);
        fixtures.as(agent).delete("/api/v2/users/" + customer.getId() + ".json").then().statusCode(200);
        // The ticket stays, naming its requester.
        assertThat(fixtures.as(agent).get("/api/v2/tickets/" + ticketId + ".json").jsonPath().getLong("ticket.requester_id"))
                .isEqualTo(customer.getId());
    }

    @Test
    void onlyAdminsDeleteAgentsNobodyDeletesThemselvesAndEndUsersDeleteNobody() {
        User agent = fixtures.agent("Ann Agent");
        User colleague = fixtures.agent("Colin Colleague");
        User admin = fixtures.admin("Ada Admin");
        User customer = fixtures.endUser("Eve Enduser");
        User other = fixtures.endUser("Otto Other");

        fixtures.as(agent).delete("/api/v2/users/" + colleague.getId() + ".json").then().statusCode(403)
                .body("error", org.hamcrest.Matchers.equalTo("Forbidden"));
        fixtures.as(agent).delete("/api/v2/users/" + admin.getId() + ".json").then().statusCode(403);
        fixtures.as(agent).delete("/api/v2/users/" + agent.getId() + ".json").then().statusCode(422);
        fixtures.as(admin).delete("/api/v2/users/" + admin.getId() + ".json").then().statusCode(422)
                .body("details.id[0].description", org.hamcrest.Matchers.equalTo("You cannot delete yourself"));
        fixtures.as(customer).delete("/api/v2/users/" + other.getId() + ".json").then().statusCode(403);
        fixtures.as(customer).delete("/api/v2/users/" + customer.getId() + ".json").then().statusCode(403);
        for (User still : List.of(agent, colleague, admin, customer, other)) {
            fixtures.as(still).get("/api/v2/users/me.json").then().statusCode(200);
        }
        fixtures.as(admin).delete("/api/v2/users/" + colleague.getId() + ".json").then().statusCode(200);
        fixtures.as(colleague).get("/api/v2/users/me.json").then().statusCode(401);
    }

    @Test
    void aDeletedAgentsUnsolvedTicketsGoBackToTheirGroupUnassignedAndTheyLeaveTheirGroups() {
        User admin = fixtures.admin("Rhea Reassigner");
        User leaving = fixtures.agent("Lee Leaving");
        User customer = fixtures.endUser("Cora Customer");
        Group group = fixtures.group("Leavers");
        fixtures.asAdmin().body(Map.of("group_membership", Map.of("user_id", leaving.getId(), "group_id", group.getId())))
                .post("/api/v2/group_memberships.json").then().statusCode(201);
        long open = ticket(admin, customer, Map.of("assignee_id", leaving.getId(), "group_id", group.getId()));
        long solved = ticket(admin, customer, Map.of("assignee_id", leaving.getId(), "group_id", group.getId()));
        fixtures.as(leaving).body(Map.of("ticket", Map.of("status", "solved")))
                .put("/api/v2/tickets/" + solved + ".json").then().statusCode(200);

        fixtures.as(admin).delete("/api/v2/users/" + leaving.getId() + ".json").then().statusCode(200);

        JsonPath reopened = fixtures.as(admin).get("/api/v2/tickets/" + open + ".json").jsonPath();
        assertThat(reopened.getString("ticket.assignee_id")).isNull();
        assertThat(reopened.getLong("ticket.group_id")).isEqualTo(group.getId());
        JsonPath audits = fixtures.as(admin).get("/api/v2/tickets/" + open + "/audits.json").jsonPath();
        int last = audits.getList("audits").size() - 1;
        assertThat(audits.getLong("audits[" + last + "].author_id")).isEqualTo(admin.getId());
        assertThat(audits.getList("audits[" + last + "].events.field_name", String.class)).contains("assignee_id");
        assertThat(fixtures.as(admin).get("/api/v2/tickets/" + solved + ".json").jsonPath().getLong("ticket.assignee_id"))
                .isEqualTo(leaving.getId());
        assertThat(fixtures.as(admin).queryParam("user_id", leaving.getId()).get("/api/v2/group_memberships.json")
                .jsonPath().getList("group_memberships")).isEmpty();
        fixtures.as(admin).body(Map.of("ticket", Map.of("assignee_id", leaving.getId())))
                .put("/api/v2/tickets/" + open + ".json").then().statusCode(422);
    }

    @Test
    void adminsDeletePermanentlyWhatIsLeftOfADeletedUserAndTheTicketsNameThemNoMore() {
        User admin = fixtures.admin("Petra Purger");
        User agent = fixtures.agent("Pat Agent");
        User customer = fixtures.endUser("Fiona Forgotten");
        fixtures.as(admin).body(Map.of("user", Map.of("details", "Lives at 1 Main Street", "notes", "VIP",
                "time_zone", "Europe/Berlin"))).put("/api/v2/users/" + customer.getId() + ".json").then().statusCode(200);
        long ticketId = ticket(admin, customer, Map.of());
        solve(admin, ticketId);
        awaitMailRecorded(customer.getId());

        fixtures.as(admin).delete("/api/v2/deleted_users/" + customer.getId() + ".json").then().statusCode(422)
                .body("details.id[0].description", org.hamcrest.Matchers.startsWith("Only a deleted user"));
        fixtures.as(admin).delete("/api/v2/users/" + customer.getId() + ".json").then().statusCode(200);
        fixtures.as(agent).delete("/api/v2/deleted_users/" + customer.getId() + ".json").then().statusCode(403);
        // Kontor's system user (-1) is inactive but no deleted user.
        fixtures.as(admin).delete("/api/v2/deleted_users/-1.json").then().statusCode(422);
        fixtures.as(admin).get("/api/v2/deleted_users/-1.json").then().statusCode(404);

        JsonPath purged = fixtures.as(admin).delete("/api/v2/deleted_users/" + customer.getId() + ".json")
                .then().statusCode(200).extract().jsonPath();

        assertThat(purged.getString("deleted_user.name")).isEqualTo("Permanently deleted user");
        assertThat(purged.getString("deleted_user.details")).isNull();
        assertThat(purged.getString("deleted_user.notes")).isNull();
        assertThat(purged.getString("deleted_user.time_zone")).isNull();
        assertThat(purged.getString("deleted_user.email")).isNull();
        fixtures.as(admin).get("/api/v2/deleted_users/" + customer.getId() + ".json").then().statusCode(404);
        fixtures.as(admin).delete("/api/v2/deleted_users/" + customer.getId() + ".json").then().statusCode(404);
        assertThat(fixtures.as(admin).queryParam("per_page", 100).queryParam("sort_order", "desc")
                .get("/api/v2/deleted_users.json").jsonPath().getList("deleted_users.id", Long.class)).doesNotContain(customer.getId());
        JsonPath ticket = fixtures.as(admin).queryParam("include", "users").get("/api/v2/tickets/" + ticketId + ".json").jsonPath();
        assertThat(ticket.getLong("ticket.requester_id")).isEqualTo(customer.getId());
        assertThat(ticket.getList("users.findAll { it.id == " + customer.getId() + " }.name", String.class))
                .containsExactly("Permanently deleted user");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notifications WHERE recipient_id = ? AND recipient_email IS NOT NULL",
                Long.class, customer.getId())).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notifications WHERE recipient_id = ?", Long.class, customer.getId()))
                .as("the log keeps that mail went to them").isPositive();
    }

    private void awaitMailRecorded(long userId) {
        long deadline = System.currentTimeMillis() + 60_000;
        while (jdbc.queryForObject("SELECT COUNT(*) FROM notifications WHERE recipient_id = ? AND recipient_email IS NOT NULL",
                Long.class, userId) == 0) {
            assertThat(System.currentTimeMillis()).as("a mail to user %s recorded", userId).isLessThan(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    /** The same settling as for a deleted agent: an end user cannot hold tickets to work on nor group memberships. */
    @Test
    void anAgentWhoBecomesAnEndUserHandsBackTheirUnsolvedTicketsAndLeavesTheirGroups() {
        User admin = fixtures.admin("Dana Demoter");
        User demoted = fixtures.agent("Ed Demoted");
        User customer = fixtures.endUser("Cleo Customer");
        Group group = fixtures.group("Demotion");
        fixtures.asAdmin().body(Map.of("group_membership", Map.of("user_id", demoted.getId(), "group_id", group.getId())))
                .post("/api/v2/group_memberships.json").then().statusCode(201);
        long open = ticket(admin, customer, Map.of("assignee_id", demoted.getId(), "group_id", group.getId()));

        fixtures.as(admin).body(Map.of("user", Map.of("role", "end-user")))
                .put("/api/v2/users/" + demoted.getId() + ".json").then().statusCode(200);

        JsonPath ticket = fixtures.as(admin).get("/api/v2/tickets/" + open + ".json").jsonPath();
        assertThat(ticket.getString("ticket.assignee_id")).isNull();
        assertThat(ticket.getLong("ticket.group_id")).isEqualTo(group.getId());
        assertThat(fixtures.as(admin).queryParam("user_id", demoted.getId()).get("/api/v2/group_memberships.json")
                .jsonPath().getList("group_memberships")).isEmpty();
    }

    @Test
    void destroyManyDeletesEachUserThroughTheSameRules() throws Exception {
        User agent = fixtures.agent("Bulk Deleter");
        User done = fixtures.endUser("Done Customer");
        User waiting = fixtures.endUser("Still Waiting");
        ticket(agent, waiting, Map.of());
        String jobId = fixtures.as(agent).queryParam("ids", done.getId() + "," + waiting.getId())
                .delete("/api/v2/users/destroy_many.json").then().statusCode(200).extract().jsonPath().getString("job_status.id");

        JsonPath job = fixtures.finishedJob(agent, jobId);

        assertThat(job.getList("job_status.results.success", Boolean.class)).containsExactly(true, false);
        assertThat(job.getString("job_status.results[0].status")).isEqualTo("Deleted");
        assertThat(job.getString("job_status.results[1].error")).isEqualTo("RecordInvalid");
        assertThat(fixtures.as(agent).get("/api/v2/users/" + done.getId() + ".json").jsonPath().getBoolean("user.active")).isFalse();
        assertThat(fixtures.as(agent).get("/api/v2/users/" + waiting.getId() + ".json").jsonPath().getBoolean("user.active")).isTrue();
    }
}
