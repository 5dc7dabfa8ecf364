package org.kontor.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.kontor.support.Fixtures;
import org.kontor.support.IntegrationTest;
import org.kontor.user.Role;
import org.kontor.user.User;
import org.kontor.user.UserDraft;

/** A German user reads the domain's field errors in German on the forms that show them, as the API answers in English. */
class GermanFieldErrorsTest extends IntegrationTest {
    private static final String PASSWORD = "german-errors-password";

    private static String csrf(Response page) {
        String html = page.asString();
        int at = html.indexOf("name=\"_csrf\"");
        int value = html.indexOf("value=\"", at) + "value=\"".length();
        return html.substring(value, html.indexOf('"', value));
    }

    private User german(Role role) {
        User user = fixtures.users().create(new UserDraft("Greta Deutsch", Fixtures.unique("greta-") + "@example.test", null, role,
                null, "de", null, null, null, null, null, null), fixtures.adminActor());
        fixtures.users().setPassword(user.getId(), PASSWORD, fixtures.adminActor());
        return user;
    }

    private String signIn(User user) {
        Response page = anonymous().get("/login");
        Response ok = anonymous().cookies(page.cookies()).formParam("username", user.getEmail()).formParam("password", PASSWORD)
                .formParam("_csrf", csrf(page)).redirects().follow(false).post("/login");
        assertThat(ok.header("Location")).doesNotContain("/login");
        return ok.cookie("JSESSIONID");
    }

    @Test
    void theNewTicketFormShowsFieldErrorsInGerman() {
        String session = signIn(german(Role.AGENT));
        User requester = fixtures.endUser("Rolf Requester");
        Response form = anonymous().cookie("JSESSIONID", session).get("/agent/tickets/new");

        String blankComment = anonymous().cookie("JSESSIONID", session).formParam("_csrf", csrf(form))
                .formParam("requesterId", requester.getId()).formParam("subject", "Drucker").formParam("body", "")
                .formParam("mode", "public").post("/agent/tickets").asString();
        assertThat(blankComment).contains("Kommentar: ein Ticket braucht einen ersten Kommentar").doesNotContain("needs a first comment");

        String unknownAssignee = anonymous().cookie("JSESSIONID", session).formParam("_csrf", csrf(form))
                .formParam("requesterId", requester.getId()).formParam("subject", "Drucker").formParam("body", "Er druckt nicht.")
                .formParam("mode", "public").formParam("assigneeId", 987654321L).post("/agent/tickets").asString();
        // An id is shown as typed, without digit grouping.
        assertThat(unknownAssignee).contains("Bearbeiter: Benutzer 987654321 existiert nicht");
    }

    @Test
    void theTriggerAndMailboxAdminFormsShowFieldErrorsInGerman() {
        String session = signIn(german(Role.ADMIN));
        Response form = anonymous().cookie("JSESSIONID", session).get("/admin/triggers/new");
        String trigger = anonymous().cookie("JSESSIONID", session).formParam("_csrf", csrf(form))
                .formParam("title", "Willkommen").formParam("description", "").formParam("active", "true")
                .formParam("conditions", "{\"all\": [], \"any\": []}").formParam("actions", "[]")
                .post("/admin/triggers/new").asString();
        assertThat(trigger).contains("Bedingungen: ein Trigger braucht mindestens eine Bedingung")
                .contains("Aktionen: ein Trigger braucht mindestens eine Aktion");
        // The details of a wrong condition or action are German too; the JSON names and values they quote are not words.
        String details = anonymous().cookie("JSESSIONID", session).formParam("_csrf", csrf(form))
                .formParam("title", "Willkommen").formParam("description", "").formParam("active", "true")
                .formParam("conditions", "{\"all\": [{\"field\": \"status\", \"operator\": \"is\", \"value\": \"offen\"}], \"any\": []}")
                .formParam("actions", "[{\"field\": \"farbe\", \"value\": \"rot\"}, {\"field\": \"notification_user\", \"value\": [\"requester_id\", \" \", \"Hallo\"]}]")
                .post("/admin/triggers/new").asString();
        assertThat(details).contains("conditions.all: ungültige Bedingung – status: &quot;offen&quot; ist keiner der Werte [new, open, pending, hold, solved, closed]")
                .contains("Aktionen: ungültige Aktion – unbekanntes Feld &quot;farbe&quot;; bekannt: [")
                .contains("Aktionen: ungültige Aktion – der Betreff der E-Mail darf nicht leer sein")
                .doesNotContain("is not one of").doesNotContain("unknown field").doesNotContain("cannot be blank");

        Response email = anonymous().cookie("JSESSIONID", session).get("/admin/email");
        anonymous().cookie("JSESSIONID", session).formParam("_csrf", csrf(email)).formParam("address", "kein-postfach")
                .redirects().follow(false).post("/admin/email/mailboxes").then().statusCode(302);
        assertThat(anonymous().cookie("JSESSIONID", session).get("/admin/email").asString())
                .contains("Adresse: kein-postfach ist keine E-Mail-Adresse");
        // A forged choice of a select (no such option in the form) is refused in German too.
        anonymous().cookie("JSESSIONID", session).formParam("_csrf", csrf(email)).formParam("address", "support@example.test")
                .formParam("security", "rot13").redirects().follow(false).post("/admin/email/mailboxes").then().statusCode(302);
        assertThat(anonymous().cookie("JSESSIONID", session).get("/admin/email").asString())
                .contains("Verschlüsselung: rot13 ist keiner der Werte none, starttls, imaps");
    }

    @Test
    void theKnowledgeBaseFormsShowFieldErrorsInGerman() {
        String session = signIn(german(Role.AGENT));
        Response form = anonymous().cookie("JSESSIONID", session).get("/agent/kb/categories/new");
        String page = anonymous().cookie("JSESSIONID", session).formParam("_csrf", csrf(form)).formParam("name", "Drucker")
                .formParam("locale", "kein locale").post("/agent/kb/categories").asString();
        assertThat(page).contains("Sprache: kein locale ist keine Sprache");
    }
}
