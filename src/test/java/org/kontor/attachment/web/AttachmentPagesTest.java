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
import org.kontor.support.Fixtures;
import org.kontor.support.IntegrationTest;
import org.kontor.user.Role;
import org.kontor.user.User;
import org.kontor.user.UserDraft;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.util.unit.DataSize;

/**
 * Files on the web pages: the agent composer and new-ticket page and the Help Center reply and new-request forms
 * attach files (multipart forms); the agent ticket page lists every comment's files, the Help Center request page
 * only those the access policy lets the requester read (V1); downloads with the web session answer the same policy.
 * A file over the limit brings the form back with its input and a field error in the user's language; a form over
 * the servlet's multipart limit gets a 413 page linking back.
 */
class AttachmentPagesTest extends IntegrationTest {
    private static final String PASSWORD = "attachment-pages-password";
    private static final Pattern LINK = Pattern.compile("href=\"(/attachments/\\d+\\?name=[^\"]*)\"");

    private User agent;
    private User customer;

    @Value("${kontor.attachments.max-size}")
    DataSize maxSize;
    @Value("${spring.servlet.multipart.max-request-size}")
    DataSize maxRequestSize;

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

    /** Posts the agent's new-ticket form; answers the response (302 to the ticket, or the page again). */
    private Response newTicketForm(String session, String mode, String subject, String body, String fileName, byte[] content) {
        return anonymous().cookie("JSESSIONID", session).redirects().follow(false)
                .multiPart("_csrf", csrf(page(session, "/agent/tickets/new")))
                .multiPart("requesterId", String.valueOf(customer.getId())).multiPart("mode", mode)
                .multiPart("subject", subject).multiPart("body", body)
                .multiPart("files", fileName, content, "text/plain")
                .post("/agent/tickets");
    }

    private static long ticketId(Response created) {
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(302);
        return Long.parseLong(created.header("Location").replaceFirst("^.*/agent/tickets/", ""));
    }

    @Test
    @DisplayName("V1/R11/R15: files of the new-ticket page follow their comment: a public ticket's file is the requester's, an internal note's never is")
    void newTicketPageAttachesFilesToTheFirstComment() {
        String agentSession = signIn(agent);
        String form = page(agentSession, "/agent/tickets/new");
        assertThat(form).contains("enctype=\"multipart/form-data\"").contains("type=\"file\"").contains("Attach files");

        long publicId = ticketId(newTicketForm(agentSession, "public", "Invoice copy", "Here is your invoice.",
                "invoice.txt", "the invoice".getBytes(StandardCharsets.UTF_8)));
        String publicPage = page(agentSession, "/agent/tickets/" + publicId);
        assertThat(publicPage).contains(">invoice.txt<");
        String invoice = links(publicPage).get(0);

        fixtures.privateTicketCreation(true);
        long privateId;
        try {
            privateId = ticketId(newTicketForm(agentSession, "internal", "Investigation", "Call notes, confidential.",
                    "call-notes.txt", "confidential".getBytes(StandardCharsets.UTF_8)));
        } finally {
            fixtures.privateTicketCreation(false);
        }
        String privatePage = page(agentSession, "/agent/tickets/" + privateId);
        assertThat(privatePage).contains(">call-notes.txt<");
        String notes = links(privatePage).get(0);
        assertThat(download(agentSession, notes).asString()).isEqualTo("confidential");

        String customerSession = signIn(customer);
        assertThat(download(customerSession, invoice).asString()).isEqualTo("the invoice");
        assertThat(download(customerSession, notes).statusCode()).isEqualTo(404);
        // R15: a public reply makes the ticket the requester's; the first comment stays an internal note, its file hidden.
        fixtures.as(agent).body(Map.of("ticket", Map.of("comment", Map.of("body", "We looked into it.", "public", true))))
                .put("/api/v2/tickets/" + privateId + ".json").then().statusCode(200);
        String request = page(customerSession, "/hc/requests/" + privateId);
        assertThat(request).contains("We looked into it.").doesNotContain("call-notes.txt");
        assertThat(download(customerSession, notes).statusCode()).isEqualTo(404);
        assertThat(fixtures.as(customer).get(notes.replaceFirst("^/attachments/(\\d+).*", "/api/v2/attachments/$1.json"))
                .statusCode()).isEqualTo(404);
    }

    /** One byte more than the attachment limit, and within the servlet's request limit. */
    private byte[] overTheLimit() {
        assertThat(maxRequestSize.toBytes()).isGreaterThan(maxSize.toBytes() + 1024 * 1024);
        return new byte[(int) maxSize.toBytes() + 1];
    }

    @Test
    @DisplayName("A file over the limit brings every web form back with the user's input and a localized field error; nothing is created")
    void aFileOverTheLimitShowsTheFormAgainWithTheInput() {
        byte[] big = overTheLimit();
        String limit = maxSize.toBytes() / (1024 * 1024) + ".0 MB";

        // Help Center: submit a request (English).
        String customerSession = signIn(customer);
        Response refused = anonymous().cookie("JSESSIONID", customerSession).redirects().follow(false)
                .multiPart("_csrf", csrf(page(customerSession, "/hc/requests/new"))).multiPart("subject", "Printer on fire")
                .multiPart("body", "It smokes since Monday.").multiPart("files", "video.mp4", big, "video/mp4")
                .post("/hc/requests");
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.asString()).contains("value=\"Printer on fire\"").contains("It smokes since Monday.</textarea>")
                .contains("id=\"files-error\"").contains("video.mp4 is larger than " + limit).contains("aria-invalid=\"true\"");
        assertThat(fixtures.as(customer).get("/api/v2/requests.json").jsonPath().getList("requests")).isEmpty();

        // Help Center: the same in German.
        User german = fixtures.users().create(new UserDraft("Grete Kunde", Fixtures.unique("kunde-") + "@example.test", null,
                Role.END_USER, null, "de", null, null, null, null, null, null), fixtures.adminActor());
        String germanSession = signIn(german);
        String germanPage = anonymous().cookie("JSESSIONID", germanSession).redirects().follow(false)
                .multiPart("_csrf", csrf(page(germanSession, "/hc/requests/new"))).multiPart("subject", "Drucker")
                .multiPart("body", "Er raucht.").multiPart("files", "video.mp4", big, "video/mp4")
                .post("/hc/requests").then().statusCode(200).extract().asString();
        assertThat(germanPage).contains("value=\"Drucker\"").contains("video.mp4 ist größer als " + limit);

        // Help Center: a reply keeps its text.
        long id = fixtures.as(agent).body(Map.of("ticket", Map.of("subject", "Web files", "requester_id", customer.getId(),
                "comment", Map.of("body", "Hello")))).post("/api/v2/tickets.json").then().statusCode(201).extract().jsonPath().getLong("ticket.id");
        Response reply = anonymous().cookie("JSESSIONID", customerSession).redirects().follow(false)
                .multiPart("_csrf", csrf(page(customerSession, "/hc/requests/" + id))).multiPart("body", "My long video")
                .multiPart("files", "video.mp4", big, "video/mp4").post("/hc/requests/" + id);
        assertThat(reply.statusCode()).isEqualTo(302);
        String replyPage = anonymous().cookie("JSESSIONID", customerSession).cookies(reply.cookies()).get("/hc/requests/" + id).asString();
        assertThat(replyPage).contains("My long video</textarea>").contains("video.mp4 is larger than " + limit);

        // Agent: the new-ticket page comes back filled in.
        String agentSession = signIn(agent);
        Response again = newTicketForm(agentSession, "public", "Large log", "See the log.", "server.log", big);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.asString()).contains("value=\"Large log\"").contains("See the log.</textarea>")
                .contains("server.log is larger than " + limit).contains("value=\"" + customer.getId() + "\"");

        // Agent: the composer keeps the draft and its comment type; the ticket gets no comment.
        Response composer = anonymous().cookie("JSESSIONID", agentSession).redirects().follow(false)
                .multiPart("_csrf", csrf(page(agentSession, "/agent/tickets/" + id))).multiPart("mode", "internal")
                .multiPart("body", "Internal log").multiPart("files", "server.log", big, "text/plain").post("/agent/tickets/" + id);
        assertThat(composer.statusCode()).isEqualTo(302);
        String ticketPage = anonymous().cookie("JSESSIONID", agentSession).get("/agent/tickets/" + id).asString();
        assertThat(ticketPage).contains("Internal log</textarea>").contains("server.log is larger than " + limit)
                .containsPattern("value=\"internal\"\\s+checked");
        assertThat(fixtures.as(agent).get("/api/v2/tickets/" + id + "/comments.json").jsonPath().getList("comments")).hasSize(1);
    }

    @Test
    @DisplayName("A form over the servlet's multipart limit gets a 413 page in the user's language that links back to the form")
    void aFormOverTheRequestLimitGetsA413PageLinkingBack() throws Exception {
        User german = fixtures.users().create(new UserDraft("Grete Kundin", Fixtures.unique("kundin-") + "@example.test", null,
                Role.END_USER, null, "de", null, null, null, null, null, null), fixtures.adminActor());
        String session = signIn(german);
        String csrf = csrf(page(session, "/hc/requests/new"));
        String boundary = "kontor-test-boundary";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"subject\"\r\n\r\nHuge\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"huge.bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        long fileBytes = maxRequestSize.toBytes() + 1;
        java.net.HttpURLConnection post = (java.net.HttpURLConnection) java.net.URI.create("http://localhost:" + port + "/hc/requests")
                .toURL().openConnection();
        post.setRequestMethod("POST");
        post.setDoOutput(true);
        post.setInstanceFollowRedirects(false);
        post.setRequestProperty("Cookie", "JSESSIONID=" + session);
        post.setRequestProperty("Referer", "http://localhost:" + port + "/hc/requests/new");
        post.setRequestProperty("Content-Type", "multipart/form-data; boundary=" + boundary);
        post.setFixedLengthStreamingMode(head.length + fileBytes + tail.length);
        try (java.io.OutputStream out = post.getOutputStream()) {
            out.write(head);
            byte[] zeros = new byte[1024 * 1024];
            for (long left = fileBytes; left > 0; left -= zeros.length) {
                out.write(zeros, 0, (int) Math.min(zeros.length, left));
            }
            out.write(tail);
        }
        assertThat(post.getResponseCode()).isEqualTo(413);
        String html = new String(post.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(html).contains("Die Dateien sind zu groß").contains("größer als " + maxRequestSize.toBytes() / (1024 * 1024) + ".0 MB")
                .contains("href=\"/hc/requests/new\"").contains("Zurück zum Formular");
        assertThat(fixtures.as(german).get("/api/v2/requests.json").jsonPath().getList("requests")).isEmpty();
    }
}
