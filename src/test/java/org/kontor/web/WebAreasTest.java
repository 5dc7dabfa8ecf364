package org.kontor.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.kontor.support.IntegrationTest;
import org.kontor.user.User;

/**
 * Who may enter which web area: {@code /agent/**} agents and admins, {@code /admin/**} admins, {@code /hc/**}
 * anyone signed in; each role lands in its own area after sign-in; an end user is never shown agent pages.
 * Failed sign-ins are throttled per account.
 */
class WebAreasTest extends IntegrationTest {
    private static final String PASSWORD = "web-areas-password";

    private static String csrf(Response page) {
        String html = page.asString();
        int at = html.indexOf("name=\"_csrf\"");
        int value = html.indexOf("value=\"", at) + "value=\"".length();
        return html.substring(value, html.indexOf('"', value));
    }

    private Response attempt(String email, String password) {
        Response page = anonymous().get("/login");
        return anonymous().cookies(page.cookies()).formParam("username", email).formParam("password", password)
                .formParam("_csrf", csrf(page)).redirects().follow(false).post("/login");
    }

    private String signIn(User user) {
        fixtures.users().setPassword(user.getId(), PASSWORD, fixtures.adminActor());
        Response ok = attempt(user.getEmail(), PASSWORD);
        assertThat(ok.statusCode()).isEqualTo(302);
        return ok.cookie("JSESSIONID");
    }

    private Response get(String session, String path) {
        return anonymous().cookie("JSESSIONID", session).redirects().follow(false).get(path);
    }

    @Test
    void endUsersLandInTheHelpCenterAndAreNeverShownAgentPages() {
        String session = signIn(fixtures.endUser("Web End User"));
        assertThat(get(session, "/").header("Location")).endsWith("/hc");
        assertThat(get(session, "/hc").statusCode()).isEqualTo(200);
        for (String path : new String[] {"/agent", "/agent/views/all-unsolved", "/agent/tickets/new", "/admin/settings"}) {
            Response r = get(session, path);
            assertThat(r.statusCode()).as(path).isEqualTo(302);
            assertThat(r.header("Location")).as(path).endsWith("/hc");
            assertThat(r.asString()).as(path).doesNotContain("Views");
        }
    }

    @Test
    void agentsWorkInTheWorkspaceButNotInTheAdminArea() {
        String session = signIn(fixtures.agent("Web Area Agent"));
        assertThat(get(session, "/").header("Location")).endsWith("/agent");
        assertThat(get(session, "/agent/views/all-unsolved").statusCode()).isEqualTo(200);
        assertThat(get(session, "/admin/settings").statusCode()).isEqualTo(403);
        assertThat(get(session, "/hc").statusCode()).isEqualTo(200);
    }

    @Test
    void adminsReachTheAdminArea() {
        String session = signIn(fixtures.admin("Web Area Admin"));
        Response settings = get(session, "/admin/settings");
        assertThat(settings.statusCode()).isEqualTo(200);
        assertThat(settings.asString()).contains("Allow private ticket creation");
    }

    @Test
    void afterFiveFailedSignInsTheAccountIsLockedForAWhileEvenWithTheRightPassword() {
        User agent = fixtures.agent("Web Throttled Agent");
        fixtures.users().setPassword(agent.getId(), PASSWORD, fixtures.adminActor());
        for (int i = 0; i < 5; i++) {
            assertThat(attempt(agent.getEmail(), "wrong-" + i).header("Location")).endsWith("/login?error");
        }
        Response locked = attempt(agent.getEmail(), PASSWORD);
        assertThat(locked.header("Location")).endsWith("/login?locked");
        assertThat(anonymous().get("/login?locked").asString()).contains("Too many failed sign-ins");

        // Another account from the same address is not locked by this account's failures.
        User other = fixtures.agent("Web Unthrottled Agent");
        fixtures.users().setPassword(other.getId(), PASSWORD, fixtures.adminActor());
        assertThat(attempt(other.getEmail(), PASSWORD).header("Location")).doesNotContain("locked").doesNotContain("error");
    }

    @Test
    void unknownWorkspacePagesAnswer404NotAnError() {
        String session = signIn(fixtures.agent("Web 404 Agent"));
        assertThat(get(session, "/agent/views/no-such-view").statusCode()).isEqualTo(404);
    }
}
