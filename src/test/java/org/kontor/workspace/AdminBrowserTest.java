package org.kontor.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import org.kontor.support.Fixtures;
import org.kontor.user.User;
import org.openqa.selenium.By;

/** The admin area in a real browser: R8's setting changes the new-ticket composer (R9); groups, organizations, tokens. */
class AdminBrowserTest extends WorkspaceBrowserTest {

    @Test
    void r8_r9_anAdminTurnsPrivateTicketCreationOnAndTheComposerStartsOnInternalNote() {
        fixtures.privateTicketCreation(false);
        User admin = fixtures.admin("Settings Admin");
        step("sign in and open the admin settings from the user menu", () -> {
            signIn(admin);
            click("User menu");
            click("Admin");
            waitUntil(d -> path().startsWith("/admin/settings"));
        });
        step("turn private ticket creation on", () -> {
            var box = field("Allow private ticket creation");
            assertThat(box.isSelected()).isFalse();
            box.click();
            click("Save");
            waitForText("Settings saved.");
            assertThat(field("Allow private ticket creation").isSelected()).isTrue();
        });
        step("a new ticket now starts on Internal note (R9)", () -> {
            openNewTicketFromTopBar("+ Add", "Ticket");
            assertThat(field("Internal note").isSelected()).isTrue();
        });
        step("turn it off again: public replies only", () -> {
            open("/admin/settings");
            field("Allow private ticket creation").click();
            click("Save");
            waitForText("Settings saved.");
            open("/agent/tickets/new");
            assertThat(field("Public reply").isSelected()).isTrue();
            assertThat(all(By.xpath("//label[normalize-space(.)='Internal note']"))).isEmpty();
        });
    }

    @Test
    void anAdminSetsWhenSolvedTicketsCloseAndAValueOutOfRangeIsRefusedWithTheFormKept() {
        User admin = fixtures.admin("Closing Admin");
        signIn(admin);
        try {
            step("the setting shows Zendesk's default of 4 days", () -> {
                open("/admin/settings");
                assertThat(field("Close solved tickets after (days)").getAttribute("value")).isEqualTo("4");
            });
            step("40 days is refused, with the reason and the value as typed", () -> {
                type("Close solved tickets after (days)", "40");
                // The browser's own range check would stop the form; the server's check is what is tested here.
                ((org.openqa.selenium.JavascriptExecutor) browser()).executeScript("document.querySelector('form.card-form').noValidate = true");
                click("Save");
                waitForText("Close solved tickets after: from 0 (never) to 28 days");
                assertThat(field("Close solved tickets after (days)").getAttribute("value")).isEqualTo("40");
            });
            step("7 days is saved", () -> {
                type("Close solved tickets after (days)", "7");
                click("Save");
                waitForText("Settings saved.");
                assertThat(field("Close solved tickets after (days)").getAttribute("value")).isEqualTo("7");
            });
        } finally {
            fixtures.asAdmin().body(java.util.Map.of("settings", java.util.Map.of("tickets", java.util.Map.of("close_solved_after_days", 4))))
                    .put("/api/v2/account/settings.json").then().statusCode(200);
        }
    }

    @Test
    void anAdminManagesGroupsOrganizationsAndApiTokens() {
        User admin = fixtures.admin("Structure Admin");
        User agent = fixtures.agent("Queue Agent");
        String group = Fixtures.unique("Billing ");
        String org = Fixtures.unique("Initech ");
        step("sign in", () -> signIn(admin));
        step("add a group and put an agent in it", () -> {
            open("/admin/groups");
            type("Name", group);
            click("Add a group");
            waitForText("Settings saved.");
            choose("Add an agent to " + group, "Queue Agent");
            browser().findElement(By.id(field("Add an agent to " + group).getDomAttribute("id")))
                    .findElement(By.xpath("following-sibling::button")).click();
            waitForText("Settings saved.");
        });
        step("add an organization with an email domain", () -> {
            open("/admin/organizations");
            type("Name", org);
            type("Email domains", "initech-" + Fixtures.unique("d") + ".test");
            click("Add an organization");
            waitForText(org);
        });
        String[] token = new String[1];
        step("create an API token; it works until revoked", () -> {
            open("/admin/api-tokens");
            type("Description", "browser test");
            click("Create a token");
            token[0] = waitFor(By.id("new-token")).getText();
            RestAssured.given().port(port).auth().preemptive().basic(admin.getEmail() + "/token", token[0])
                    .get("/api/v2/users/me.json").then().statusCode(200);
        });
        step("revoke it", () -> {
            var buttons = all(By.xpath("//button[starts-with(@aria-label, 'Revoke token')]"));
            buttons.get(buttons.size() - 1).click();
            waitForText("Settings saved.");
            RestAssured.given().port(port).auth().preemptive().basic(admin.getEmail() + "/token", token[0])
                    .get("/api/v2/users/me.json").then().statusCode(401);
        });
        step("the agent sees the group's queue among the views", () -> {
            signIn(agent);
            waitFor(By.cssSelector(".view-list .count"));
            assertThat(browser().findElement(By.cssSelector(".sidebar")).getText()).contains(group);
        });
    }
}
