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
