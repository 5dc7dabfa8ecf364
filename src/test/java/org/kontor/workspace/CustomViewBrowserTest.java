package org.kontor.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kontor.support.Fixtures;
import org.kontor.user.User;
import org.openqa.selenium.By;

/**
 * An admin builds a view on Admin → Views (one control per condition); agents find it in the side bar with its count
 * and its tickets; an agent keeps a personal view under Your views.
 */
class CustomViewBrowserTest extends WorkspaceBrowserTest {

    @Test
    void anAdminBuildsAViewAndAgentsWorkFromItInTheSideBar() {
        User admin = fixtures.admin("View Admin");
        User agent = fixtures.agent("Vito Viewer");
        User customer = endUser("Bea Billing", Fixtures.unique("bea-") + "@example.test", null, null);
        String tag = Fixtures.unique("vip").toLowerCase();
        String title = Fixtures.unique("VIP waiting ");
        fixtures.as(agent).body(Map.of("ticket", Map.of("subject", "VIP printer down", "requester_id", customer.getId(),
                "priority", "high", "tags", List.of(tag), "comment", Map.of("body", "Help")))).post("/api/v2/tickets.json")
                .then().statusCode(201);
        fixtures.as(agent).body(Map.of("ticket", Map.of("subject", "VIP but low", "requester_id", customer.getId(),
                "priority", "low", "tags", List.of(tag), "comment", Map.of("body", "Later")))).post("/api/v2/tickets.json")
                .then().statusCode(201);

        signIn(admin);
        step("Admin → Views → New view: statuses, priority and a tag; saved", () -> {
            open("/admin/views");
            click("New view");
            type("Title", title);
            field("On-hold").click();
            choose("Priority", "High");
            type("Has at least one of these tags", tag);
            click("Save view");
            waitForText("View saved.");
        });

        signIn(agent);
        step("the side bar lists the view with its count; it shows the matching ticket only", () -> {
            open("/agent");
            WebElementLink link = new WebElementLink(waitFor(By.xpath("//nav[contains(@class,'sidebar')]//a[.//span[normalize-space(.)='"
                    + title + "']]")));
            assertThat(link.count()).isEqualTo("1");
            link.element().click();
            waitForText("VIP printer down");
            assertThat(mainText()).doesNotContain("VIP but low");
        });
        step("Your views: a personal view of the agent's own, shown to them only", () -> {
            open("/agent/custom-views");
            waitForText(title);
            assertThat(all(By.xpath("//a[normalize-space(.)='" + title + "']"))).isEmpty();
            click("New personal view");
            type("Title", "Mine " + tag);
            choose("Assignee", "The agent looking at the view");
            click("Save view");
            waitForText("View saved.");
            open("/agent/custom-views");
            waitForText("Personal view of Vito Viewer");
        });
    }

    private record WebElementLink(org.openqa.selenium.WebElement element) {
        String count() {
            return element.findElement(By.cssSelector(".count")).getText();
        }
    }
}
