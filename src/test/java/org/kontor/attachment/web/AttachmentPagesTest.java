package org.kontor.attachment.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.kontor.support.IntegrationTest;
import org.kontor.user.User;

/**
 * Files on the web pages: the agent composer and the Help Center reply form attach files (multipart forms); the
 * agent ticket page lists every comment's files, the Help Center request page only those the access policy lets
 * the requester read (V1); downloads with the web session answer the same policy.
 */
class AttachmentPagesTest extends IntegrationTest {
    private static final String PASSWORD = "attachment-pages-password";
    private static final Pattern LINK = Pattern.compile("href=\"(/attachments/\\d+\\?name=[^\"]*)\"");

    private User agent;
    private User customer;

    @BeforeEach
    void setUp() {
        agent = fixtures.agent("Page Agent");
        customer = fixtures.endUser("Page Customer");
    }

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

    private String page(String session, String path) {
        Response r = anonymous().cookie("JSESSIONID", session).redirects().follow(false).get(path);
        assertThat(r.statusCode()).isEqualTo(200);
        return r.asString();
    }

    private static List<String> links(String html) {
        Matcher m = LINK.matcher(html);
        List<String> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(m.group(1).replace("&amp;", "&"));
        }
        return out;
    }

    private Response download(String session, String path) {
        return anonymous().cookie("JSESSIONID", session).redirects().follow(false).urlEncodingEnabled(false).get(path);
    }

    @Test
    @DisplayName("V1: the agent attaches files in the composer; the requester sees the public reply's file only, and replies with one")
    void filesThroughTheComposerAndTheHelpCenter() {
        long id = fixtures.as(agent).body(Map.of("ticket", Map.of("subject", "Web files", "requester_id", customer.getId(),
                "comment", Map.of("body", "Hello")))).post("/api/v2/tickets.json").then().statusCode(201).extract().jsonPath().getLong("ticket.id");
        String agentSession = signIn(agent);
        String ticketPage = page(agentSession, "/agent/tickets/" + id);
        assertThat(ticketPage).contains("enctype=\"multipart/form-data\"").contains("type=\"file\"");

        for (String[] reply : List.of(new String[] {"public", "Public with file", "manual.txt", "the manual"},
                new String[] {"internal", "Note with file", "internal-notes.txt", "do not share"})) {
            Response posted = anonymous().cookie("JSESSIONID", agentSession).redirects().follow(false)
                    .multiPart("_csrf", csrf(page(agentSession, "/agent/tickets/" + id)))
                    .multiPart("mode", reply[0]).multiPart("body", reply[1])
                    .multiPart("files", reply[2], reply[3].getBytes(StandardCharsets.UTF_8), "text/plain")
                    .post("/agent/tickets/" + id);
            assertThat(posted.statusCode()).isEqualTo(302);
        }
        String after = page(agentSession, "/agent/tickets/" + id);
        assertThat(after).contains(">manual.txt<").contains(">internal-notes.txt<");
        List<String> agentLinks = links(after);
        assertThat(agentLinks).hasSize(2);
        assertThat(download(agentSession, agentLinks.get(1)).asString()).isEqualTo("do not share");

        String customerSession = signIn(customer);
        String request = page(customerSession, "/hc/requests/" + id);
        assertThat(request).contains(">manual.txt<").doesNotContain("internal-notes.txt");
        assertThat(links(request)).containsExactly(agentLinks.get(0));
        assertThat(download(customerSession, agentLinks.get(0)).asString()).isEqualTo("the manual");
        assertThat(download(customerSession, agentLinks.get(1)).statusCode()).isEqualTo(404);

        Response replied = anonymous().cookie("JSESSIONID", customerSession).redirects().follow(false)
                .multiPart("_csrf", csrf(request)).multiPart("body", "My photo")
                .multiPart("files", "photo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}, "image/png")
                .post("/hc/requests/" + id);
        assertThat(replied.statusCode()).isEqualTo(302);
        assertThat(page(customerSession, "/hc/requests/" + id)).contains(">photo.png<");
        assertThat(fixtures.as(agent).get("/api/v2/tickets/" + id + "/comments.json").jsonPath()
                .getList("comments.attachments.file_name.flatten()")).containsExactly("manual.txt", "internal-notes.txt", "photo.png");

        // A new request with a file, from the Help Center form.
        Response created = anonymous().cookie("JSESSIONID", customerSession).redirects().follow(false)
                .multiPart("_csrf", csrf(page(customerSession, "/hc/requests/new"))).multiPart("subject", "With a file")
                .multiPart("body", "See attached").multiPart("files", "error.log", "stack trace".getBytes(StandardCharsets.UTF_8), "text/plain")
                .post("/hc/requests");
        assertThat(created.statusCode()).isEqualTo(302);
        String newRequest = page(customerSession, created.header("Location").replaceFirst("^https?://[^/]+", ""));
        assertThat(newRequest).contains(">error.log<");
        assertThat(download(customerSession, links(newRequest).get(0)).asString()).isEqualTo("stack trace");
    }
}
