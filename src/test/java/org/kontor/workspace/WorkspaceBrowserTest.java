package org.kontor.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import java.util.List;
import org.kontor.organization.Organization;
import org.kontor.organization.OrganizationDraft;
import org.kontor.organization.OrganizationService;
import org.kontor.support.BrowserTest;
import org.kontor.support.Fixtures;
import org.kontor.user.Role;
import org.kontor.user.User;
import org.kontor.user.UserDraft;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/** The article's flows as steps an agent takes in the workspace, and what the requester then sees through the API. */
abstract class WorkspaceBrowserTest extends BrowserTest {
    @Autowired
    OrganizationService organizations;

    User endUser(String name, String email, String phone, Long organizationId) {
        return fixtures.users().create(new UserDraft(name, email, phone, Role.END_USER, organizationId, null, null, null,
                null, null, null, null), fixtures.adminActor());
    }

    User germanAgent(String name) {
        return fixtures.users().create(new UserDraft(name, Fixtures.unique("agent-de-") + "@example.test", null, Role.AGENT,
                null, "de", null, null, null, null, null, null), fixtures.adminActor());
    }

    Organization organization(String name) {
        return organizations.create(new OrganizationDraft(name, List.of(), null, null, null, false, false));
    }

    void openNewTicketFromTopBar(String add, String ticket) {
        click(add);
        click(ticket);
        waitUntil(d -> path().equals("/agent/tickets/new"));
    }

    /** Types into the requester field and returns the option showing {@code name}, after checking it is a real option. */
    WebElement requesterOption(String requesterLabel, String typed, String name) {
        WebElement input = field(requesterLabel);
        assertThat(input.getDomAttribute("role")).isEqualTo("combobox");
        input.clear();
        input.sendKeys(typed);
        return waitUntil(d -> d.findElements(By.cssSelector("#requester-options [role=option]")).stream()
                .filter(o -> o.getText().contains(name)).findFirst().orElse(null));
    }

    /** Chooses the only matching option with the keyboard: arrow down onto it, Enter. */
    void pickRequesterWithKeyboard(String requesterLabel, String typed, String name) {
        WebElement option = requesterOption(requesterLabel, typed, name);
        List<WebElement> options = all(By.cssSelector("#requester-options [role=option]"));
        assertThat(options).hasSize(1);
        field(requesterLabel).sendKeys(Keys.ARROW_DOWN);
        waitUntil(d -> option.equals(d.switchTo().activeElement()));
        option.sendKeys(Keys.ENTER);
        waitUntil(d -> d.findElement(By.cssSelector("[data-chosen-label]")).getText().contains(name));
    }

    long submit(String label) {
        click(label);
        waitUntil(d -> path().matches("/agent/tickets/\\d+.*"));
        return ticketId();
    }

    long ticketId() {
        String p = path();
        String digits = p.replaceAll("^/agent/tickets/(\\d+).*$", "$1");
        return Long.parseLong(digits);
    }

    String privacyState() {
        return waitFor(By.id("privacy-state")).getText();
    }

    /** What the requester reads of the ticket through the Requests API; null when it answers 404. */
    List<String> requesterSees(User requester, long ticketId) {
        Response show = fixtures.as(requester).get("/api/v2/requests/" + ticketId + ".json");
        if (show.statusCode() == 404) {
            return null;
        }
        assertThat(show.statusCode()).isEqualTo(200);
        return fixtures.as(requester).get("/api/v2/requests/" + ticketId + "/comments.json").then().statusCode(200)
                .extract().jsonPath().getList("comments.body", String.class);
    }

    List<Long> requesterListIds(User requester) {
        return fixtures.as(requester).get("/api/v2/requests.json").then().statusCode(200)
                .extract().jsonPath().getList("requests.id", Long.class);
    }
}
