package org.kontor.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.restassured.RestAssured;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.kontor.common.InvalidInput;
import org.kontor.group.Group;
import org.kontor.organization.Organization;
import org.kontor.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Issue 3 (admin settings): the rules behind editing, deactivating and deleting, the same for the API and the admin pages. */
class AgentAdministrationTest extends IntegrationTest {
    private static final String PASSWORD = "administration-password";

    @Autowired
    UserService users;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    @DisplayName("A deactivated agent cannot sign in nor be assigned; reactivated, they can again")
    void aDeactivatedAgentCannotSignInNorBeAssigned() {
        User agent = fixtures.agent("Leaving Agent");
        users.setPassword(agent.getId(), PASSWORD, fixtures.adminActor());
        User requester = fixtures.endUser("Some Requester");
        users.deactivate(agent.getId(), fixtures.adminActor());
        RestAssured.given().port(port).auth().preemptive().basic(agent.getEmail(), PASSWORD).get("/api/v2/users/me.json")
                .then().statusCode(401);
        assertThat(fixtures.asAdmin().body(Map.of("ticket", Map.of("subject", "Assign me", "requester_id", requester.getId(),
                        "assignee_id", agent.getId(), "comment", Map.of("body", "Hello"))))
                .post("/api/v2/tickets.json").then().statusCode(422).extract().jsonPath().getString("details.assignee_id[0].description"))
                .contains("is not an active agent");
        users.reactivate(agent.getId(), fixtures.adminActor());
        RestAssured.given().port(port).auth().preemptive().basic(agent.getEmail(), PASSWORD).get("/api/v2/users/me.json")
                .then().statusCode(200);
    }

    @Test
    @DisplayName("The last active admin can be neither demoted nor deactivated, through the API or the service")
    void theLastActiveAdminStays() {
        User last = fixtures.admin("Last Admin");
        User other = fixtures.admin("Other Admin");
        // Every other admin of the shared test database is suspended for the duration of this test, then restored.
        List<Long> others = jdbc.queryForList("SELECT id FROM users WHERE role = 'admin' AND active = TRUE AND suspended = FALSE"
                + " AND id <> ?", Long.class, last.getId());
        try {
            others.forEach(id -> jdbc.update("UPDATE users SET suspended = TRUE WHERE id = ?", id));
            assertThat(fixtures.as(last).body(Map.of("user", Map.of("role", "agent"))).put("/api/v2/users/" + last.getId() + ".json")
                    .then().statusCode(422).extract().jsonPath().getString("details.role[0].description"))
                    .isEqualTo("Role: the last active admin cannot be demoted or deactivated");
            assertThatThrownBy(() -> users.deactivate(last.getId(), Actor.of(other)))
                    .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.fieldErrors().get(0).code()).isEqualTo("err.user.lastAdmin"));
            assertThatThrownBy(() -> users.update(last.getId(), new UserDraft(null, null, null, Role.END_USER, null, null, null,
                    null, null, null, null, null), Actor.of(other))).isInstanceOf(InvalidInput.class);
        } finally {
            others.forEach(id -> jdbc.update("UPDATE users SET suspended = FALSE WHERE id = ?", id));
        }
        assertThat(users.get(last.getId()).getRole()).isEqualTo(Role.ADMIN);
        assertThat(users.get(last.getId()).canSignIn()).isTrue();
        // With another active admin, demoting is fine.
        users.update(last.getId(), new UserDraft(null, null, null, Role.AGENT, null, null, null, null, null, null, null, null),
                Actor.of(other));
        assertThat(users.get(last.getId()).getRole()).isEqualTo(Role.AGENT);
    }

    @Test
    @DisplayName("An admin cannot deactivate themselves; the API answers 422")
    void anAdminCannotDeactivateThemselves() {
        User admin = fixtures.admin("Self Admin");
        fixtures.as(admin).body(Map.of("user", Map.of("suspended", true))).put("/api/v2/users/" + admin.getId() + ".json")
                .then().statusCode(422);
        assertThat(users.get(admin.getId()).isSuspended()).isFalse();
    }

    @Test
    @DisplayName("Only an admin changes a sign-in email, checked like a new one; the API's update still refuses email changes")
    void anAdminChangesAnEmail() {
        User agent = fixtures.agent("Email Agent");
        User taken = fixtures.agent("Taken Agent");
        UserDraft changeTo = new UserDraft(null, "new-" + agent.getEmail(), null, null, null, null, null, null, null, null, null, null);
        assertThat(users.updateProfile(agent.getId(), changeTo, fixtures.adminActor()).getEmail()).isEqualTo("new-" + agent.getEmail());
        assertThatThrownBy(() -> users.updateProfile(agent.getId(), new UserDraft(null, taken.getEmail(), null, null, null, null,
                null, null, null, null, null, null), fixtures.adminActor()))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.fieldErrors().get(0).code()).isEqualTo("err.email.taken"));
        assertThatThrownBy(() -> users.updateProfile(agent.getId(), changeTo, Actor.of(taken)))
                .isInstanceOf(org.kontor.common.Forbidden.class);
        fixtures.asAdmin().body(Map.of("user", Map.of("email", "other-" + agent.getEmail()))).put("/api/v2/users/" + agent.getId() + ".json")
                .then().statusCode(422);
    }

    @Test
    @DisplayName("A group with unsolved tickets is not deleted (422 with the reason); without, it is soft-deleted")
    void aGroupWithUnsolvedTicketsIsNotDeleted() {
        Group group = fixtures.group("Busy Queue");
        long ticket = fixtures.asAdmin().body(Map.of("ticket", Map.of("subject", "Waiting", "requester_id",
                        fixtures.endUser("Queue Customer").getId(), "group_id", group.getId(), "comment", Map.of("body", "Hi"))))
                .post("/api/v2/tickets.json").then().statusCode(201).extract().jsonPath().getLong("ticket.id");
        assertThat(fixtures.asAdmin().delete("/api/v2/groups/" + group.getId() + ".json").then().statusCode(422).extract()
                .jsonPath().getString("description")).isNotBlank();
        fixtures.asAdmin().delete("/api/v2/tickets/" + ticket + ".json").then().statusCode(204);
        fixtures.asAdmin().delete("/api/v2/groups/" + group.getId() + ".json").then().statusCode(204);
        fixtures.asAdmin().get("/api/v2/groups/" + group.getId() + ".json").then().statusCode(404);
    }

    @Test
    @DisplayName("An organization with tickets is not deleted; one without is, and its members stay without it")
    void anOrganizationIsDeletedOnlyWithoutTickets() {
        Organization busy = fixtures.organization("Busy Org", false);
        User customer = fixtures.endUser("Busy Customer", busy);
        fixtures.asAdmin().body(Map.of("ticket", Map.of("subject", "Ours", "requester_id", customer.getId(),
                "comment", Map.of("body", "Hi")))).post("/api/v2/tickets.json").then().statusCode(201);
        fixtures.asAdmin().delete("/api/v2/organizations/" + busy.getId() + ".json").then().statusCode(422);

        Organization quiet = fixtures.organization("Quiet Org", false);
        User member = fixtures.endUser("Quiet Member", quiet);
        fixtures.as(member).delete("/api/v2/organizations/" + quiet.getId() + ".json").then().statusCode(403);
        fixtures.asAdmin().delete("/api/v2/organizations/" + quiet.getId() + ".json").then().statusCode(204);
        fixtures.asAdmin().get("/api/v2/organizations/" + quiet.getId() + ".json").then().statusCode(404);
        assertThat(users.get(member.getId()).getOrganizationId()).isNull();
    }
}
