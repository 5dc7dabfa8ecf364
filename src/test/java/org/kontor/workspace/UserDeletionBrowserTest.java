package org.kontor.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kontor.support.Fixtures;
import org.kontor.user.User;
import org.openqa.selenium.By;

/** Deleting a user from their profile: refused with the reason while they wait for an answer, then done. */
class UserDeletionBrowserTest extends WorkspaceBrowserTest {

    @Test
    void anAgentDeletesAnEndUserFromTheProfileOnceTheirTicketIsSolved() {
        User agent = fixtures.agent("Profile Deleter");
        User customer = endUser("Wanda Waiting", Fixtures.unique("wanda-") + "@example.test", null, null);
        long ticketId = fixtures.as(agent).body(Map.of("ticket", Map.of("subject", "Still open", "requester_id", customer.getId(),
                        "comment", Map.of("body", "Hello")))).post("/api/v2/tickets.json")
                .then().statusCode(201).extract().jsonPath().getLong("ticket.id");
        signIn(agent);

        step("Delete user while the user waits for an answer: refused, with the reason", () -> {
            open("/agent/users/" + customer.getId());
            click("Delete user");
            waitForText("The user is the requester of 1 tickets that are not solved; solve them first");
            assertThat(mainText()).doesNotContain("This user is deleted.");
        });
        fixtures.as(agent).body(Map.of("ticket", Map.of("status", "solved", "assignee_id", agent.getId())))
                .put("/api/v2/tickets/" + ticketId + ".json").then().statusCode(200);
        step("once the ticket is solved, Delete user deletes them; the options are gone", () -> {
            click("Delete user");
            waitForText("The user is deleted.");
            assertThat(all(By.xpath("//button[normalize-space(.)='Delete user']"))).isEmpty();
            assertThat(all(By.xpath("//summary[normalize-space(.)='User options']"))).isEmpty();
            assertThat(mainText()).contains("Still open");
        });
        step("reopened later, the profile says the user is deleted", () -> {
            open("/agent/users/" + customer.getId());
            waitForText("This user is deleted.");
        });
    }

    @Test
    void anAdminDeletesADeletedUserPermanently() {
        User admin = fixtures.admin("Profile Purger");
        User customer = endUser("Ida Irrelevant", Fixtures.unique("ida-") + "@example.test", null, null);
        fixtures.users().delete(customer.getId(), fixtures.adminActor());
        signIn(admin);
        step("a deleted user's profile offers Delete permanently to admins", () -> {
            open("/agent/users/" + customer.getId());
            waitForText("This user is deleted.");
            click("Delete permanently");
            waitForText("This user is permanently deleted.");
            assertThat(mainText()).contains("Permanently deleted user").doesNotContain("Ida Irrelevant");
            assertThat(all(By.xpath("//button[normalize-space(.)='Delete permanently']"))).isEmpty();
        });
    }

    @Test
    void inGermanTheRefusalIsGerman() {
        User agent = germanAgent("Deutsche Agentin");
        User customer = endUser("Walter Wartend", Fixtures.unique("walter-") + "@example.test", null, null);
        fixtures.as(agent).body(Map.of("ticket", Map.of("subject", "Offen", "requester_id", customer.getId(),
                "comment", Map.of("body", "Hallo")))).post("/api/v2/tickets.json").then().statusCode(201);
        signIn(agent);
        step("Benutzer löschen is refused in German", () -> {
            open("/agent/users/" + customer.getId());
            click("Benutzer löschen");
            waitForText("Der Benutzer ist Anfragender von 1 ungelösten Tickets; lösen Sie diese zuerst");
        });
    }

    @Test
    void anAgentIsNotOfferedToDeleteAnotherAgent() {
        User agent = fixtures.agent("Plain Profile Agent");
        User colleague = fixtures.agent("Profile Colleague");
        signIn(agent);
        step("the colleague's profile has no Delete user", () -> {
            open("/agent/users/" + colleague.getId());
            waitForText("Profile Colleague");
            assertThat(all(By.xpath("//button[normalize-space(.)='Delete user']"))).isEmpty();
        });
    }
}
