package org.kontor.search.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kontor.support.BrowserTest;
import org.kontor.support.Fixtures;
import org.kontor.user.User;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** Issue 5: the agents' search page, from the top bar, with filters, on the same engine as /api/v2/search. */
class AgentSearchBrowserTest extends BrowserTest {

    private long ticket(User agent, User requester, String subject, boolean isPublic) {
        return fixtures.as(agent).body(Map.of("ticket", Map.of("subject", subject, "requester_id", requester.getId(),
                        "comment", Map.of("body", "Details about " + subject, "public", isPublic))))
                .post("/api/v2/tickets.json").then().statusCode(201).extract().jsonPath().getLong("ticket.id");
    }

    @Test
    void anAgentSearchesFromTheTopBarAndNarrowsByTypeAndVisibility() {
        String word = "zebra" + Fixtures.unique("").replaceAll("[^a-z0-9]", "").toLowerCase(java.util.Locale.ROOT);
        User agent = fixtures.agent("Sina Search");
        User requester = fixtures.endUser("Rita Requester");
        fixtures.privateTicketCreation(true);
        long publicTicket;
        long privateTicket;
        try {
            publicTicket = ticket(agent, requester, "Public " + word, true);
            privateTicket = ticket(agent, requester, "Private " + word, false);
        } finally {
            fixtures.privateTicketCreation(false);
        }

        step("search a word from the top bar", () -> {
            signIn(agent);
            WebElement box = field("Search tickets, users and organizations");
            box.sendKeys(word, Keys.ENTER);
            waitUntil(d -> path().startsWith("/agent/search"));
            assertThat(waitFor(By.id("search-total")).getText()).isEqualTo("2 results");
            String results = browser().findElement(By.id("search-results")).getText();
            assertThat(results).contains("#" + publicTicket).contains("#" + privateTicket).contains("Public").contains("Private");
        });
        step("narrow to private tickets", () -> {
            choose("Visibility", "Private");
            click("Search");
            waitUntil(d -> d.findElement(By.id("search-total")).getText().equals("1 result"));
            List<WebElement> rows = all(By.cssSelector("#search-results tbody tr"));
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0).getText()).contains("#" + privateTicket).contains("Private");
        });
        step("open the result", () -> {
            browser().findElement(By.linkText("#" + privateTicket + " Private " + word)).click();
            waitUntil(d -> path().equals("/agent/tickets/" + privateTicket));
        });
        step("users are found by name, and a query the syntax refuses shows why", () -> {
            open("/agent/search?type=user&q=" + "Rita");
            assertThat(mainText()).contains("Rita Requester");
            open("/agent/search?q=created>notadate");
            assertThat(all(By.cssSelector(".notice.error"))).hasSize(1);
        });
    }
}
