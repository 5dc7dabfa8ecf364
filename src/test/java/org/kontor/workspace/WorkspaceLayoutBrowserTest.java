package org.kontor.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.kontor.support.BrowserTest;
import org.kontor.user.Role;
import org.kontor.user.User;
import org.kontor.user.UserDraft;
import org.openqa.selenium.By;

/** The workspace frame in a real browser: top bar, views side bar, sign-out; German for a German agent. */
class WorkspaceLayoutBrowserTest extends BrowserTest {

    @Test
    void anAgentSignsInToTheWorkspaceSeesTheViewsAndSignsOut() {
        User agent = fixtures.agent("Layout Agent");
        step("sign in lands in the workspace", () -> {
            signIn(agent);
            assertThat(path()).startsWith("/agent/views/your-unsolved");
        });
        step("the side bar lists the views with counts", () -> {
            waitFor(By.cssSelector(".view-list .count"));
            assertThat(browser().findElement(By.cssSelector(".sidebar")).getText())
                    .contains("Your unsolved tickets", "Unassigned tickets", "All unsolved tickets", "Private tickets",
                            "Recently updated tickets");
        });
        step("+ Add offers Ticket", () -> {
            click("+ Add");
            assertThat(control("Ticket").getDomAttribute("href")).isEqualTo("/agent/tickets/new");
        });
        step("sign out from the user menu", () -> {
            click("User menu");
            click("Sign out");
            waitUntil(d -> path().startsWith("/login"));
            open("/agent");
            assertThat(path()).startsWith("/login");
        });
    }

    @Test
    void aGermanAgentGetsTheWorkspaceInGerman() {
        User agent = fixtures.users().create(new UserDraft("Deutsche Agentin", unique("de-agent") + "@example.test",
                null, Role.AGENT, null, "de", null, null, null, null, null, null), fixtures.adminActor());
        step("sign in", () -> signIn(agent));
        step("the top bar and side bar speak German", () -> {
            waitFor(By.cssSelector(".view-list .count"));
            assertThat(control("+ Hinzufügen").isDisplayed()).isTrue();
            assertThat(browser().findElement(By.cssSelector(".sidebar")).getText()).contains("Ihre ungelösten Tickets");
        });
    }

    private static String unique(String prefix) {
        return org.kontor.support.Fixtures.unique(prefix);
    }
}
