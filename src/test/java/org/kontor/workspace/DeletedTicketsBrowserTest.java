package org.kontor.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kontor.support.Fixtures;
import org.kontor.ticket.TicketRepository;
import org.kontor.user.User;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Deleting a ticket from its page, restoring it from Deleted tickets, and deleting tickets permanently after the
 * confirmation page; the requester no longer sees a deleted ticket.
 */
class DeletedTicketsBrowserTest extends WorkspaceBrowserTest {
    @Autowired
    TicketRepository ticketRows;

    private long ticket(User agent, User requester, String subject) {
        return fixtures.as(agent).body(Map.of("ticket", Map.of("subject", subject, "requester_id", requester.getId(),
                "comment", Map.of("body", subject + " text")))).post("/api/v2/tickets.json")
                .then().statusCode(201).extract().jsonPath().getLong("ticket.id");
    }

    @Test
    void anAgentDeletesRestoresAndFinallyDeletesTicketsPermanently() {
        User agent = fixtures.agent("Bin Keeper");
        User customer = endUser("Rita Requester", Fixtures.unique("rita-") + "@example.test", null, null);
        long spam = ticket(agent, customer, "Cheap watches");
        long other = ticket(agent, customer, "Second spam");
        signIn(agent);

        step("Delete ticket on the ticket page moves it to Deleted tickets, named with who deleted it", () -> {
            open("/agent/tickets/" + spam);
            click("Delete ticket");
            waitUntil(d -> path().equals("/agent/deleted-tickets"));
            waitForText("Ticket #" + spam + " was deleted.");
            String row = waitFor(By.xpath("//tr[td[normalize-space(.)='" + spam + "']]")).getText();
            assertThat(row).contains("Cheap watches", "Bin Keeper", "New");
        });
        step("the deleted ticket is gone for the agent's API and the requester", () -> {
            fixtures.as(agent).get("/api/v2/tickets/" + spam + ".json").then().statusCode(404);
            fixtures.as(customer).get("/api/v2/requests/" + spam + ".json").then().statusCode(404);
        });
        step("Restore with nothing chosen says so; with the ticket chosen brings it back", () -> {
            click("Restore");
            waitForText("Choose at least one ticket first.");
            field("Choose ticket " + spam).click();
            click("Restore");
            waitForText("Restored: #" + spam + ".");
            assertThat(all(By.xpath("//tr[td[normalize-space(.)='" + spam + "']]"))).isEmpty();
            fixtures.as(agent).get("/api/v2/tickets/" + spam + ".json").then().statusCode(200);
            open("/agent/tickets/" + spam);
            waitForText("Cheap watches text");
        });
        step("Delete permanently asks first, naming the tickets, and Cancel keeps them", () -> {
            click("Delete ticket");
            waitForText("Ticket #" + spam + " was deleted.");
            fixtures.as(agent).delete("/api/v2/tickets/" + other + ".json").then().statusCode(204);
            open("/agent/deleted-tickets");
            field("Choose ticket " + spam).click();
            field("Choose ticket " + other).click();
            click("Delete permanently");
            waitForText("These 2 tickets and everything in them");
            assertThat(mainText()).contains("#" + spam + " Cheap watches", "#" + other + " Second spam");
            click("Cancel");
            waitUntil(d -> path().equals("/agent/deleted-tickets"));
            assertThat(ticketRows.findById(spam)).isPresent();
        });
        step("confirmed, both are deleted for good", () -> {
            field("Choose ticket " + spam).click();
            field("Choose ticket " + other).click();
            click("Delete permanently");
            waitForText("These 2 tickets and everything in them");
            click("Delete permanently");
            waitForText("2 tickets were deleted permanently.");
            assertThat(ticketRows.findById(spam)).isEmpty();
            assertThat(ticketRows.findById(other)).isEmpty();
            fixtures.as(agent).get("/api/v2/deleted_tickets.json").then().statusCode(200)
                    .body("deleted_tickets.id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItems((int) spam)));
        });
    }

    @Test
    void inGermanTheListAndTheConfirmationAreGerman() {
        User agent = germanAgent("Papierkorb Agentin");
        User customer = endUser("Gerd Gelöscht", Fixtures.unique("gerd-") + "@example.test", null, null);
        long id = ticket(agent, customer, "Werbung");
        signIn(agent);
        step("Ticket löschen, then Endgültig löschen asks in German", () -> {
            open("/agent/tickets/" + id);
            click("Ticket löschen");
            waitForText("Ticket #" + id + " wurde gelöscht.");
            assertThat(mainText()).contains("Gelöschte Tickets", "Gelöscht von", "Papierkorb Agentin");
            field("Ticket " + id + " auswählen").click();
            click("Endgültig löschen");
            waitForText("Dieses Ticket und alles darin");
        });
    }
}
