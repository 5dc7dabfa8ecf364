package org.kontor.email.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kontor.support.Fixtures;
import org.kontor.support.IntegrationTest;
import org.kontor.user.Role;
import org.kontor.user.User;
import org.kontor.user.UserDraft;

/** {@code /admin/email}: admins see support addresses and failed mail and retry it; agents may not enter. */
class EmailAdminPageTest extends IntegrationTest {
    private static final String PASSWORD = "email-admin-password";

    private static String csrf(String html) {
        int at = html.indexOf("name=\"_csrf\"");
        int value = html.indexOf("value=\"", at) + "value=\"".length();
        return html.substring(value, html.indexOf('"', value));
    }

    private String signIn(User user) {
        fixtures.users().setPassword(user.getId(), PASSWORD, fixtures.adminActor());
        Response page = anonymous().get("/login");
        Response ok = anonymous().cookies(page.cookies()).formParam("username", user.getEmail()).formParam("password", PASSWORD)
                .formParam("_csrf", csrf(page.asString())).redirects().follow(false).post("/login");
        assertThat(ok.statusCode()).isEqualTo(302);
        return ok.cookie("JSESSIONID");
    }

    @Test
    void adminsSeeMailboxesAndQuarantinedMailAndRetryIt() {
        String address = Fixtures.unique("page-") + "@support.example";
        fixtures.asAdmin().body(Map.of("mailbox", Map.of("address", address))).post("/api/v2/kontor/mailboxes").then().statusCode(201);
        String subject = Fixtures.unique("No sender ");
        byte[] raw = ("To: " + address + "\r\nSubject: " + subject + "\r\nMessage-ID: <" + Fixtures.unique("p")
                + "@client.example>\r\n\r\nWho sent this?\r\n").getBytes(StandardCharsets.US_ASCII);
        long id = fixtures.asAdmin().contentType("message/rfc822").body(raw).post("/api/v2/channels/email/inbound")
                .then().statusCode(200).extract().jsonPath().getLong("inbound_email.id");

        String session = signIn(fixtures.admin("Mail Page Admin"));
        Response page = anonymous().cookie("JSESSIONID", session).get("/admin/email");

        assertThat(page.statusCode()).isEqualTo(200);
        String html = page.asString();
        assertThat(html).contains(address).contains(subject).contains("no From address").contains("/admin/email/messages/" + id + "/retry");
        Response retried = anonymous().cookie("JSESSIONID", session).formParam("_csrf", csrf(html)).redirects().follow(false)
                .post("/admin/email/messages/" + id + "/retry");
        assertThat(retried.statusCode()).isEqualTo(302);
        fixtures.asAdmin().get("/api/v2/kontor/inbound_emails/" + id).then().statusCode(200)
                .body("inbound_email.attempts", org.hamcrest.Matchers.equalTo(2));
    }

    @Test
    void adminsDeleteQuarantinedMailForGoodTheSameMessageIsNotReceivedAgainAndImportedMailStays() {
        String address = Fixtures.unique("delete-") + "@support.example";
        fixtures.asAdmin().body(Map.of("mailbox", Map.of("address", address))).post("/api/v2/kontor/mailboxes").then().statusCode(201);
        String subject = Fixtures.unique("Secret invoice ");
        byte[] raw = ("To: " + address + "\r\nSubject: " + subject + "\r\nMessage-ID: <" + Fixtures.unique("d")
                + "@client.example>\r\n\r\nMy IBAN is DE89 3704 0044 0532 0130 00\r\n").getBytes(StandardCharsets.US_ASCII);
        long id = fixtures.asAdmin().contentType("message/rfc822").body(raw).post("/api/v2/channels/email/inbound")
                .then().statusCode(200).body("inbound_email.status", org.hamcrest.Matchers.equalTo("quarantined"))
                .extract().jsonPath().getLong("inbound_email.id");
        String session = signIn(fixtures.admin("Mail Deleting Admin"));
        String html = anonymous().cookie("JSESSIONID", session).get("/admin/email").asString();
        assertThat(html).contains(subject).contains("/admin/email/messages/" + id + "/delete");

        Response deleted = anonymous().cookie("JSESSIONID", session).formParam("_csrf", csrf(html)).redirects().follow(false)
                .post("/admin/email/messages/" + id + "/delete");

        assertThat(deleted.statusCode()).isEqualTo(302);
        assertThat(deleted.getHeader("Location")).contains("deleted=" + id);
        assertThat(anonymous().cookie("JSESSIONID", session).get("/admin/email").asString()).doesNotContain(subject);
        fixtures.asAdmin().get("/api/v2/kontor/inbound_emails/" + id).then().statusCode(200)
                .body("inbound_email.status", org.hamcrest.Matchers.equalTo("deleted"))
                .body("inbound_email.subject", org.hamcrest.Matchers.nullValue())
                .body("inbound_email.from", org.hamcrest.Matchers.nullValue())
                .body("inbound_email.raw_stored", org.hamcrest.Matchers.equalTo(false));
        // The same message pushed again is recognised, not quarantined anew with its content.
        fixtures.asAdmin().contentType("message/rfc822").body(raw).post("/api/v2/channels/email/inbound")
                .then().statusCode(200).body("inbound_email.duplicate", org.hamcrest.Matchers.equalTo(true))
                .body("inbound_email.id", org.hamcrest.Matchers.equalTo((int) id));
        fixtures.asAdmin().delete("/api/v2/kontor/inbound_emails/" + id).then().statusCode(204);

        byte[] good = ("From: Nina Normal <" + Fixtures.unique("nina-") + "@customer.example>\r\nTo: " + address
                + "\r\nSubject: Hello\r\nMessage-ID: <" + Fixtures.unique("g") + "@client.example>\r\n\r\nHello there\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        long imported = fixtures.asAdmin().contentType("message/rfc822").body(good).post("/api/v2/channels/email/inbound")
                .then().statusCode(201).body("inbound_email.status", org.hamcrest.Matchers.equalTo("imported"))
                .extract().jsonPath().getLong("inbound_email.id");
        fixtures.asAdmin().delete("/api/v2/kontor/inbound_emails/" + imported).then().statusCode(422)
                .body("error", org.hamcrest.Matchers.equalTo("RecordInvalid"));
        fixtures.as(fixtures.agent("Mail Curious Agent")).delete("/api/v2/kontor/inbound_emails/" + imported).then().statusCode(403);
    }

    @Test
    void germanAdminsGetTheGermanPageAndAgentsAreKeptOut() {
        User german = fixtures.users().create(new UserDraft("Mail Page Admin DE", Fixtures.unique("de-admin-") + "@example.test", null,
                Role.ADMIN, null, "de", null, null, null, null, null, null), fixtures.adminActor());
        String session = signIn(german);
        Response de = anonymous().cookie("JSESSIONID", session).get("/admin/email");
        assertThat(de.statusCode()).isEqualTo(200);
        assertThat(de.asString()).contains("Support-Adressen").contains("Empfangene Mails");
        String agent = signIn(fixtures.agent("Mail Page Agent"));
        assertThat(anonymous().cookie("JSESSIONID", agent).redirects().follow(false).get("/admin/email").statusCode()).isEqualTo(403);
    }
}
