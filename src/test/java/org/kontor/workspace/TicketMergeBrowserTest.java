package org.kontor.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kontor.support.Fixtures;
import org.kontor.user.User;

/** Merge into another ticket from the agent ticket page: refused with the reason for a wrong number, then done. */
class TicketMergeBrowserTest extends WorkspaceBrowserTest {

    private long ticket(User agent, User requester, String subject) {
        return fixtures.as(agent).body(Map.of("ticket", Map.of("subject", subject, "requester_id", requester.getId(),
                "comment", Map.of("body", subject + " text")))).post("/api/v2/tickets.json")
                .then().statusCode(201).extract().jsonPath().getLong("ticket.id");
    }

    @Test
    void anAgentMergesADuplicateIntoTheOriginalTicket() {
        User agent = fixtures.agent("Page Merger");
        User customer = endUser("Dora Duplicate", Fixtures.unique("dora-") + "@example.test", null, null);
        long original = ticket(agent, customer, "Router offline");
        long duplicate = ticket(agent, customer, "Router offline again");
        signIn(agent);

        step("a number that is no ticket is refused with the reason", () -> {
            open("/agent/tickets/" + duplicate);
            type("Ticket number to merge into", "999999999");
            click("Merge");
            waitForText("Ticket #999999999 does not exist");
        });
        step("merging into the original opens it, with an internal note naming the duplicate", () -> {
            type("Ticket number to merge into", "#" + original);
            click("Merge");
            waitUntil(d -> path().equals("/agent/tickets/" + original));
            waitForText("Ticket #" + duplicate + " was merged into this ticket.");
            assertThat(mainText()).contains("Request #" + duplicate + " \"Router offline again\" was closed and merged into this request.");
        });
        step("the duplicate is closed and offers no merge any more", () -> {
            open("/agent/tickets/" + duplicate);
            assertThat(mainText()).contains("This request was closed and merged into request #" + original);
            assertThat(all(org.openqa.selenium.By.xpath("//button[normalize-space(.)='Merge']"))).isEmpty();
        });
    }
}
