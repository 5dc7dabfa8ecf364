package org.kontor.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.kontor.support.IntegrationTest;
import org.kontor.user.User;
import org.springframework.beans.factory.annotation.Autowired;

/** With no SMTP server, mail is kept in the developer mailbox for admins to read; a retried delivery is kept once. */
class DeveloperMailboxTest extends IntegrationTest {
    private static final String PASSWORD = "mailbox page password";

    @Autowired
    DeveloperMailbox mailbox;

    private String signIn(User user) {
        fixtures.users().setPassword(user.getId(), PASSWORD, fixtures.adminActor());
        Response page = anonymous().get("/login");
        String html = page.asString();
        int at = html.indexOf("name=\"_csrf\"");
        int value = html.indexOf("value=\"", at) + "value=\"".length();
        Response ok = anonymous().cookies(page.cookies()).formParam("username", user.getEmail()).formParam("password", PASSWORD)
                .formParam("_csrf", html.substring(value, html.indexOf('"', value))).redirects().follow(false).post("/login");
        return ok.cookie("JSESSIONID");
    }

    @Test
    void mailKeptInTheDeveloperMailboxIsListedAndShownToAdminsOnly() {
        OutgoingMail mail = new OutgoingMail(987_654_321L, 42L, "<ticket-42-n987654321@kontor.local>", "<ticket-42@kontor.local>",
                "support@kontor.local", "dev-box@example.test", "support+id42@kontor.local", "[#42] Kept <here>",
                "Plain body", "<p>HTML body</p>", "en");
        mailbox.send(mail);
        mailbox.send(mail); // a retried delivery of the same notification
        assertThat(mailbox.latest(500, fixtures.adminActor()).stream().filter(m -> m.getMessageId().equals(mail.messageId()))).hasSize(1);

        String session = signIn(fixtures.admin("Mailbox Admin"));
        Response list = anonymous().cookie("JSESSIONID", session).get("/admin/mailbox");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.asString()).contains("[#42] Kept &lt;here&gt;").contains("dev-box@example.test");
        long id = mailbox.latest(500, fixtures.adminActor()).stream().filter(m -> m.getMessageId().equals(mail.messageId()))
                .findFirst().orElseThrow().getId();
        Response show = anonymous().cookie("JSESSIONID", session).get("/admin/mailbox/" + id);
        assertThat(show.statusCode()).isEqualTo(200);
        assertThat(show.asString()).contains("In-Reply-To: &lt;ticket-42@kontor.local&gt;").contains("Plain body");

        String agentSession = signIn(fixtures.agent("Mailbox Agent"));
        assertThat(anonymous().cookie("JSESSIONID", agentSession).redirects().follow(false).get("/admin/mailbox").statusCode()).isEqualTo(403);
    }
}
