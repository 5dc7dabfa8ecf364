package org.kontor.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.kontor.support.IntegrationTest;
import org.kontor.user.User;

/** Session sign-in for the web pages: CSRF-protected form, wrong passwords refused, sign-out, English and German. */
class SignInTest extends IntegrationTest {

    private Response loginPage(String language) {
        return anonymous().header("Accept-Language", language).get("/login");
    }

    private static String csrf(Response page) {
        String html = page.asString();
        int at = html.indexOf("name=\"_csrf\"");
        int value = html.indexOf("value=\"", at) + "value=\"".length();
        return html.substring(value, html.indexOf('"', value));
    }

    @Test
    void signInWithEmailAndPasswordAndSignOut() {
        User agent = fixtures.agent("Web Agent");
        fixtures.users().setPassword(agent.getId(), "correct horse battery", fixtures.adminActor());
        Response page = loginPage("en");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.asString()).contains("Sign in to Kontor");

        Response wrong = anonymous().cookies(page.cookies()).formParam("username", agent.getEmail())
                .formParam("password", "wrong password").formParam("_csrf", csrf(page)).redirects().follow(false).post("/login");
        assertThat(wrong.statusCode()).isEqualTo(302);
        assertThat(wrong.header("Location")).endsWith("/login?error");

        Response withoutToken = anonymous().cookies(page.cookies()).formParam("username", agent.getEmail())
                .formParam("password", "correct horse battery").redirects().follow(false).post("/login");
        assertThat(withoutToken.statusCode()).isEqualTo(403);

        Response ok = anonymous().cookies(page.cookies()).formParam("username", agent.getEmail())
                .formParam("password", "correct horse battery").formParam("_csrf", csrf(page)).redirects().follow(false).post("/login");
        assertThat(ok.statusCode()).isEqualTo(302);
        String session = ok.cookie("JSESSIONID");
        Response home = anonymous().cookie("JSESSIONID", session).redirects().follow(false).get("/");
        assertThat(home.header("Location")).endsWith("/agent");
        Response workspace = anonymous().cookie("JSESSIONID", session).get("/agent/views/your-unsolved");
        assertThat(workspace.statusCode()).isEqualTo(200);
        assertThat(workspace.asString()).contains("Web Agent").contains("+ Add");

        Response workspacePage = anonymous().cookie("JSESSIONID", session).get("/agent/views/your-unsolved");
        Response out = anonymous().cookie("JSESSIONID", session).formParam("_csrf", csrf(workspacePage))
                .redirects().follow(false).post("/logout");
        assertThat(out.header("Location")).endsWith("/login?logout");
        Response afterSignOut = anonymous().cookie("JSESSIONID", session).redirects().follow(false).get("/agent");
        assertThat(afterSignOut.header("Location")).endsWith("/login");
    }

    private String signIn(User user, String password) {
        Response page = loginPage("en");
        Response ok = anonymous().cookies(page.cookies()).formParam("username", user.getEmail())
                .formParam("password", password).formParam("_csrf", csrf(page)).redirects().follow(false).post("/login");
        assertThat(ok.header("Location")).doesNotContain("error");
        return ok.cookie("JSESSIONID");
    }

    @Test
    void aPasswordChangeEndsEverySessionOfThatUserButNoOneElses() {
        User agent = fixtures.agent("Session Agent");
        User other = fixtures.agent("Other Session Agent");
        fixtures.users().setPassword(agent.getId(), "first password 1", fixtures.adminActor());
        fixtures.users().setPassword(other.getId(), "other password 1", fixtures.adminActor());
        String laptop = signIn(agent, "first password 1");
        String phone = signIn(agent, "first password 1");
        String colleague = signIn(other, "other password 1");
        assertThat(anonymous().cookie("JSESSIONID", laptop).redirects().follow(false).get("/agent/views/your-unsolved").statusCode()).isEqualTo(200);

        fixtures.asAdmin().body(java.util.Map.of("password", "second password 2"))
                .post("/api/v2/users/" + agent.getId() + "/password.json").then().statusCode(200);

        for (String session : java.util.List.of(laptop, phone)) {
            Response after = anonymous().cookie("JSESSIONID", session).redirects().follow(false).get("/agent/views/your-unsolved");
            assertThat(after.statusCode()).isEqualTo(302);
            assertThat(after.header("Location")).contains("/login");
        }
        assertThat(anonymous().redirects().follow(true).get("/login?expired").asString())
                .contains("Your session has ended because your password or your access was changed.");
        assertThat(anonymous().cookie("JSESSIONID", colleague).redirects().follow(false).get("/agent/views/your-unsolved").statusCode()).isEqualTo(200);
        String again = signIn(agent, "second password 2");
        assertThat(anonymous().cookie("JSESSIONID", again).redirects().follow(false).get("/agent/views/your-unsolved").statusCode()).isEqualTo(200);
    }

    /** Suspending, demoting or deleting an agent must not leave them working on in a browser they are signed in to. */
    @Test
    void suspensionDemotionAndDeletionEndTheUsersSessions() {
        User suspended = fixtures.agent("Suspended Agent");
        User demoted = fixtures.agent("Demoted Agent");
        User deleted = fixtures.agent("Deleted Agent");
        java.util.Map<User, String> sessions = new java.util.LinkedHashMap<>();
        for (User agent : java.util.List.of(suspended, demoted, deleted)) {
            fixtures.users().setPassword(agent.getId(), "agent password 1", fixtures.adminActor());
            sessions.put(agent, signIn(agent, "agent password 1"));
            assertThat(anonymous().cookie("JSESSIONID", sessions.get(agent)).redirects().follow(false)
                    .get("/agent/views/your-unsolved").statusCode()).isEqualTo(200);
        }

        fixtures.asAdmin().body(java.util.Map.of("user", java.util.Map.of("suspended", true)))
                .put("/api/v2/users/" + suspended.getId() + ".json").then().statusCode(200);
        fixtures.asAdmin().body(java.util.Map.of("user", java.util.Map.of("role", "end-user")))
                .put("/api/v2/users/" + demoted.getId() + ".json").then().statusCode(200);
        fixtures.asAdmin().delete("/api/v2/users/" + deleted.getId() + ".json").then().statusCode(200);

        sessions.forEach((agent, session) -> {
            Response after = anonymous().cookie("JSESSIONID", session).redirects().follow(false).get("/agent/views/your-unsolved");
            assertThat(after.statusCode()).as(agent.getName()).isEqualTo(302);
            assertThat(after.header("Location")).as(agent.getName()).contains("/login");
        });
    }

    @Test
    void pagesNeedASignIn() {
        Response home = anonymous().redirects().follow(false).get("/");
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.header("Location")).endsWith("/login");
    }

    @Test
    void theSignInPageSpeaksGerman() {
        assertThat(loginPage("de").asString()).contains("Bei Kontor anmelden").contains("Passwort");
    }

    @Test
    void healthAnswersWithoutSignIn() {
        anonymous().get("/actuator/health").then().statusCode(200);
    }
}
