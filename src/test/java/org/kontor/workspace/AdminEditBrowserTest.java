package org.kontor.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.kontor.group.Group;
import org.kontor.group.GroupService;
import org.kontor.support.Fixtures;
import org.kontor.user.Role;
import org.kontor.user.User;
import org.kontor.user.UserDraft;
import org.springframework.beans.factory.annotation.Autowired;

/** Issue 3 (admin settings): admins edit and deactivate agents, edit groups; field errors in the admin's language. */
class AdminEditBrowserTest extends WorkspaceBrowserTest {
    @Autowired
    GroupService groups;

    @Test
    @DisplayName("An admin edits an agent (name, email, role, language, groups), deactivates them: no sign-in, no assignment; reactivates")
    void anAdminEditsDeactivatesAndReactivatesAnAgent() {
        User admin = fixtures.admin("Edit Admin");
        User agent = fixtures.agent("Edited Agent");
        Group group = fixtures.group("Escalations");
        String newEmail = Fixtures.unique("renamed-") + "@example.test";
        step("open the agent from the agents list", () -> {
            signIn(admin);
            open("/admin/agents");
            click("Edit agent Edited Agent");
            waitUntil(d -> path().equals("/admin/agents/" + agent.getId()));
        });
        step("change name, email, role, language and groups, and save", () -> {
            type("Name", "Renamed Agent");
            type("Email", newEmail);
            choose("Role", "Admin");
            choose("Language", "German");
            field(group.getName()).click();
            click("Save");
            waitForText("Settings saved.");
        });
        step("the API shows the changes", () -> {
            JsonPath user = fixtures.asAdmin().get("/api/v2/users/" + agent.getId() + ".json").then().statusCode(200)
                    .extract().jsonPath();
            assertThat(user.getString("user.name")).isEqualTo("Renamed Agent");
            assertThat(user.getString("user.email")).isEqualTo(newEmail);
            assertThat(user.getString("user.role")).isEqualTo("admin");
            assertThat(user.getString("user.locale")).isEqualTo("de");
            assertThat(groups.isMember(agent.getId(), group.getId())).isTrue();
        });
        step("take the admin role back and leave the group", () -> {
            choose("Role", "Agent");
            field(group.getName()).click();
            click("Save");
            waitForText("Settings saved.");
            assertThat(groups.isMember(agent.getId(), group.getId())).isFalse();
        });
        step("deactivate: the agent can no longer sign in nor be assigned", () -> {
            click("Deactivate");
            waitForText("Deactivated");
            fixtures.users().setPassword(agent.getId(), PASSWORD, fixtures.adminActor());
            RestAssured.given().port(port).auth().preemptive().basic(newEmail, PASSWORD)
                    .get("/api/v2/users/me.json").then().statusCode(401);
            User requester = fixtures.endUser("Assign Requester");
            fixtures.asAdmin().body(Map.of("ticket", Map.of("subject", "Who works this?", "requester_id", requester.getId(),
                            "assignee_id", agent.getId(), "comment", Map.of("body", "Please look."))))
                    .post("/api/v2/tickets.json").then().statusCode(422);
            open("/admin/agents");
            assertThat(mainText()).contains("Renamed Agent").contains("Deactivated");
        });
        step("reactivate: signing in works again", () -> {
            open("/admin/agents/" + agent.getId());
            click("Reactivate");
            waitForText("Settings saved.");
            RestAssured.given().port(port).auth().preemptive().basic(newEmail, PASSWORD)
                    .get("/api/v2/users/me.json").then().statusCode(200);
        });
        step("an admin cannot deactivate themselves", () -> {
            open("/admin/agents/" + admin.getId());
            click("Deactivate");
            waitForText("You cannot deactivate yourself");
            RestAssured.given().port(port).auth().preemptive().basic(admin.getEmail(), PASSWORD)
                    .get("/api/v2/users/me.json").then().statusCode(200);
        });
    }

    @Test
    @DisplayName("An admin renames a group, changes its members; a group with unsolved tickets is not deleted, an empty one is")
    void anAdminEditsAndDeletesAGroup() {
        User admin = fixtures.admin("Group Admin");
        User first = fixtures.agent("First Member");
        User second = fixtures.agent("Second Member");
        Group group = fixtures.group("Tier One");
        groups.addMember(first.getId(), group.getId(), false);
        String newName = Fixtures.unique("Tier Two ");
        step("open the group from the groups list", () -> {
            signIn(admin);
            open("/admin/groups");
            click("Edit group " + group.getName());
            waitUntil(d -> path().equals("/admin/groups/" + group.getId()));
            assertThat(field("First Member").isSelected()).isTrue();
        });
        step("rename it and swap its members", () -> {
            type("Name", newName);
            field("First Member").click();
            field("Second Member").click();
            click("Save");
            String outcome = waitUntil(d -> {
                String text = mainText();
                return text.contains("Settings saved.") || !all(By.cssSelector(".notice.error")).isEmpty() ? text : null;
            });
            assertThat(all(By.cssSelector(".notice.error"))).as("form errors: %s", outcome).isEmpty();
            assertThat(groups.get(group.getId()).getName()).isEqualTo(newName);
            assertThat(groups.isMember(first.getId(), group.getId())).isFalse();
            assertThat(groups.isMember(second.getId(), group.getId())).isTrue();
        });
        step("a blank name is refused on the form", () -> {
            type("Name", " ");
            click("Save");
            waitForText("Name: cannot be blank");
            assertThat(groups.get(group.getId()).getName()).isEqualTo(newName);
        });
        long ticketId = fixtures.asAdmin().body(Map.of("ticket", Map.of("subject", "Queued", "requester_id",
                        fixtures.endUser("Queued Requester").getId(), "group_id", group.getId(), "comment", Map.of("body", "In the queue."))))
                .post("/api/v2/tickets.json").then().statusCode(201).extract().jsonPath().getLong("ticket.id");
        step("deleting it while a ticket waits in its queue is refused with the reason", () -> {
            open("/admin/groups/" + group.getId());
            click("Delete group");
            waitForText("still has 1 unsolved tickets");
            assertThat(groups.findActive(group.getId())).isPresent();
        });
        step("once the ticket is solved the group can be deleted; the ticket keeps it", () -> {
            fixtures.asAdmin().body(Map.of("ticket", Map.of("status", "solved", "assignee_id", second.getId(),
                    "comment", Map.of("body", "Done.", "public", false)))).put("/api/v2/tickets/" + ticketId + ".json").then().statusCode(200);
            open("/admin/groups/" + group.getId());
            click("Delete group");
            waitForText("Deleted.");
            assertThat(groups.findActive(group.getId())).isEmpty();
            assertThat(fixtures.asAdmin().get("/api/v2/tickets/" + ticketId + ".json").then().extract().jsonPath()
                    .getLong("ticket.group_id")).isEqualTo(group.getId());
        });
    }

    @Test
    @DisplayName("A German admin sees a domain field error in German on the agent form, and what they typed is kept")
    void aGermanPageShowsTheDomainFieldErrorInGerman() {
        User admin = fixtures.users().create(new UserDraft("Deutsche Admin", Fixtures.unique("admin-de-") + "@example.test", null,
                Role.ADMIN, null, "de", null, null, null, null, null, null), fixtures.adminActor());
        User agent = fixtures.agent("Falsche Adresse");
        step("sign in in German and open the agent", () -> {
            signIn(admin);
            open("/admin/agents/" + agent.getId());
            waitForText("Agent Falsche Adresse bearbeiten");
        });
        step("a malformed email is refused in German", () -> {
            type("E-Mail", "kaputt@");
            click("Speichern");
            waitForText("E-Mail: kaputt@ ist keine gültige E-Mail-Adresse");
            assertThat(mainText()).doesNotContain("is not properly formatted");
            assertThat(field("E-Mail").getDomProperty("value")).isEqualTo("kaputt@");
            assertThat(fixtures.users().get(agent.getId()).getEmail()).isEqualTo(agent.getEmail());
        });
        step("so is the email of another user", () -> {
            type("E-Mail", admin.getEmail());
            click("Speichern");
            waitForText("wird bereits von einem anderen Benutzer verwendet");
        });
        step("the API keeps Zendesk's English text", () -> {
            String description = RestAssured.given().port(port).auth().preemptive().basic(admin.getEmail(), PASSWORD)
                    .contentType("application/json").body(Map.of("user", Map.of("name", "X", "email", "kaputt@", "role", "agent")))
                    .post("/api/v2/users.json").then().statusCode(422).extract().jsonPath()
                    .getString("details.email[0].description");
            assertThat(description).isEqualTo("Email: kaputt@ is not properly formatted");
        });
    }
}
