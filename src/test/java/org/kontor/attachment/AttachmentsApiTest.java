package org.kontor.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.kontor.support.IntegrationTest;
import org.kontor.user.Actor;
import org.kontor.user.User;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Zendesk's upload flow and the files of comments, read only through the access policy: agents see all; an end
 * user only files of public comments on tickets they may see (V1, R11, R17).
 */
class AttachmentsApiTest extends IntegrationTest {
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    @Autowired
    Attachments attachments;
    private User agent;
    private User customer;
    private User stranger;

    @BeforeEach
    void setUp() {
        agent = fixtures.agent("Ada Files");
        customer = fixtures.endUser("Cora Customer");
        stranger = fixtures.endUser("Sid Stranger");
        fixtures.privateTicketCreation(true);
    }

    private String upload(User user, String name, String type, byte[] content) {
        return fixtures.as(user).contentType(type).body(content).post("/api/v2/uploads.json?filename=" + name)
                .then().statusCode(201).body("upload.attachment.file_name", equalTo(name))
                .body("upload.attachment.size", equalTo(content.length)).extract().jsonPath().getString("upload.token");
    }

    private long ticket(boolean isPublic, String body, String... tokens) {
        return fixtures.as(agent).body(Map.of("ticket", Map.of("subject", "Files", "requester_id", customer.getId(),
                        "comment", Map.of("body", body, "public", isPublic, "uploads", List.of(tokens)))))
                .post("/api/v2/tickets.json").then().statusCode(201)
                // The create response's audit shows the comment's files (none when no upload was named).
                .body("audit.events.find { it.type == 'Comment' }.attachments.size()", equalTo(tokens.length))
                .extract().jsonPath().getLong("ticket.id");
    }

    private List<Map<String, Object>> agentComments(long ticketId) {
        return fixtures.as(agent).get("/api/v2/tickets/" + ticketId + "/comments.json").then().statusCode(200)
                .extract().jsonPath().getList("comments");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> onlyAttachment(Map<String, Object> comment) {
        List<Map<String, Object>> files = (List<Map<String, Object>>) comment.get("attachments");
        assertThat(files).hasSize(1);
        return files.get(0);
    }

    /** A client authenticated as the user, asking for any content (a download, not JSON). */
    private RequestSpecification downloader(User user) {
        return RestAssured.given().baseUri("http://localhost").port(port).redirects().follow(false)
                .auth().preemptive().basic(user.getEmail() + "/token", fixtures.apiToken());
    }

    private static String path(String contentUrl) {
        return contentUrl.substring(contentUrl.indexOf("/attachments/"));
    }

    @Test
    @DisplayName("Upload, comment.uploads on create, attachments in the comment JSON, show and download")
    void uploadAttachShowAndDownload() {
        String token = upload(agent, "screenshot.png", "image/png", PNG);
        long id = ticket(true, "See the screenshot.", token);

        Map<String, Object> file = onlyAttachment(agentComments(id).get(0));
        assertThat(file).containsEntry("file_name", "screenshot.png").containsEntry("content_type", "image/png")
                .containsEntry("size", PNG.length).containsEntry("inline", false).containsEntry("thumbnails", List.of());
        String contentUrl = (String) file.get("content_url");
        assertThat(contentUrl).startsWith("http://localhost:" + port + "/attachments/");
        long attachmentId = ((Number) file.get("id")).longValue();

        fixtures.as(agent).get("/api/v2/attachments/" + attachmentId + ".json").then().statusCode(200)
                .body("attachment.file_name", equalTo("screenshot.png")).body("attachment.content_url", equalTo(contentUrl));
        Response download = downloader(agent).get(path(contentUrl));
        download.then().statusCode(200).contentType(startsWith("image/png"))
                .header("X-Content-Type-Options", "nosniff").header("Content-Disposition", startsWith("inline"));
        assertThat(download.asByteArray()).isEqualTo(PNG);

        // The requester reads it too: a public comment on their public ticket.
        assertThat(onlyAttachment(fixtures.as(customer).get("/api/v2/requests/" + id + "/comments.json").then().statusCode(200)
                .extract().jsonPath().getList("comments", Map.class).get(0))).containsEntry("content_url", contentUrl);
        downloader(customer).get(path(contentUrl)).then().statusCode(200);
        // Someone else's ticket: as if it did not exist.
        downloader(stranger).get(path(contentUrl)).then().statusCode(404);
        fixtures.as(stranger).get("/api/v2/attachments/" + attachmentId + ".json").then().statusCode(404)
                .body("error", equalTo("RecordNotFound"));
        // The token was used: it cannot attach the file again.
        fixtures.as(agent).body(Map.of("ticket", Map.of("comment", Map.of("body", "again", "uploads", List.of(token)))))
                .put("/api/v2/tickets/" + id + ".json").then().statusCode(422).body("error", equalTo("RecordInvalid"));
    }

    @Test
    @DisplayName("V1: a file of an internal note is 404 for the requester, on every path")
    void v1_filesOfInternalNotesAreHiddenFromEndUsers() {
        long id = ticket(true, "Public first.");
        String token = upload(agent, "internal.pdf", "application/pdf", "%PDF-1.4 secret".getBytes(StandardCharsets.UTF_8));
        fixtures.as(agent).body(Map.of("ticket", Map.of("comment", Map.of("body", "Note with file", "public", false,
                "uploads", List.of(token))))).put("/api/v2/tickets/" + id + ".json").then().statusCode(200)
                .body("audit.events.find { it.type == 'Comment' }.attachments[0].file_name", equalTo("internal.pdf"));
        Map<String, Object> file = onlyAttachment(agentComments(id).get(1));
        long attachmentId = ((Number) file.get("id")).longValue();

        fixtures.as(customer).get("/api/v2/attachments/" + attachmentId + ".json").then().statusCode(404);
        downloader(customer).get(path((String) file.get("content_url"))).then().statusCode(404);
        assertThat(fixtures.as(customer).get("/api/v2/requests/" + id + "/comments.json").jsonPath().getList("comments.attachments.flatten()"))
                .isEmpty();
        // The agent reads it.
        downloader(agent).get(path((String) file.get("content_url"))).then().statusCode(200)
                .header("Content-Disposition", startsWith("attachment"));
    }

    @Test
    @DisplayName("R17: a comment made private takes its file away from the requester (404)")
    void r17_aCommentMadePrivateHidesItsFile() {
        String token = upload(agent, "invoice.txt", "text/plain", "Invoice 42".getBytes(StandardCharsets.UTF_8));
        long id = ticket(true, "Here is your invoice.", token);
        Map<String, Object> comment = agentComments(id).get(0);
        Map<String, Object> file = onlyAttachment(comment);
        String path = path((String) file.get("content_url"));
        downloader(customer).get(path).then().statusCode(200).body(equalTo("Invoice 42"));

        fixtures.as(agent).put("/api/v2/tickets/" + id + "/comments/" + comment.get("id") + "/make_private.json").then().statusCode(200);

        downloader(customer).get(path).then().statusCode(404);
        fixtures.as(customer).get("/api/v2/attachments/" + file.get("id") + ".json").then().statusCode(404);
        downloader(agent).get(path).then().statusCode(200);
    }

    @Test
    @DisplayName("R11: the file of a private ticket is 404 for its requester")
    void r11_filesOfPrivateTicketsAreHidden() {
        String token = upload(agent, "notes.txt", "text/plain", "call notes".getBytes(StandardCharsets.UTF_8));
        long id = ticket(false, "Call notes attached.", token);
        Map<String, Object> file = onlyAttachment(agentComments(id).get(0));
        downloader(customer).get(path((String) file.get("content_url"))).then().statusCode(404);
        fixtures.as(customer).get("/api/v2/attachments/" + file.get("id") + ".json").then().statusCode(404);
    }

    @Test
    @DisplayName("End users upload for their own request and reply; only the uploader may use the token")
    void endUsersAttachFilesToTheirRequests() {
        String first = upload(customer, "photo.jpg", "image/jpeg", new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 1, 2});
        // Someone else's token is refused, before anything is written.
        fixtures.as(stranger).body(Map.of("request", Map.of("subject", "Mine", "comment", Map.of("body", "x", "uploads", List.of(first)))))
                .post("/api/v2/requests.json").then().statusCode(422).body("details.'comment.uploads'[0].description", containsString(first));
        long id = fixtures.as(customer).body(Map.of("request", Map.of("subject", "Broken", "comment",
                        Map.of("body", "Photo attached", "uploads", List.of(first)))))
                .post("/api/v2/requests.json").then().statusCode(201).extract().jsonPath().getLong("request.id");
        String second = upload(customer, "log.txt", "text/plain", "log".getBytes(StandardCharsets.UTF_8));
        fixtures.as(customer).body(Map.of("request", Map.of("comment", Map.of("body", "And the log", "uploads", List.of(second)))))
                .put("/api/v2/requests/" + id + ".json").then().statusCode(200);

        List<Map<String, Object>> comments = agentComments(id);
        assertThat(onlyAttachment(comments.get(0))).containsEntry("file_name", "photo.jpg");
        assertThat(onlyAttachment(comments.get(1))).containsEntry("file_name", "log.txt");
        JsonPath mine = fixtures.as(customer).get("/api/v2/requests/" + id + "/comments.json").jsonPath();
        assertThat(mine.getList("comments.attachments.file_name.flatten()")).containsExactly("photo.jpg", "log.txt");
        downloader(stranger).get(path(mine.getString("comments[1].attachments[0].content_url"))).then().statusCode(404);
    }

    @Test
    @DisplayName("An upload not on a comment yet: its uploader and agents only; the uploader can delete it")
    void openUploads() {
        JsonPath upload = fixtures.as(customer).contentType("application/octet-stream").body(new byte[] {1, 2, 3})
                .post("/api/v2/uploads.json?filename=data.bin").then().statusCode(201).extract().jsonPath();
        long attachmentId = upload.getLong("upload.attachment.id");
        String token = upload.getString("upload.token");
        // A second file under the same token.
        fixtures.as(customer).contentType("text/plain").body("two").post("/api/v2/uploads.json?filename=two.txt&token=" + token)
                .then().statusCode(201).body("upload.token", equalTo(token)).body("upload.attachments.file_name", equalTo(List.of("data.bin", "two.txt")));
        fixtures.as(customer).get("/api/v2/attachments/" + attachmentId + ".json").then().statusCode(200);
        fixtures.as(stranger).get("/api/v2/attachments/" + attachmentId + ".json").then().statusCode(404);
        fixtures.as(stranger).contentType("text/plain").body("x").post("/api/v2/uploads.json?filename=x.txt&token=" + token)
                .then().statusCode(422);
        fixtures.as(stranger).delete("/api/v2/uploads/" + token + ".json").then().statusCode(404);
        fixtures.as(customer).delete("/api/v2/uploads/" + token + ".json").then().statusCode(204);
        fixtures.as(customer).get("/api/v2/attachments/" + attachmentId + ".json").then().statusCode(404);
    }

    @Test
    @DisplayName("HTML is never served inline: a download labelled as bytes, not sniffed, sandboxed")
    void htmlIsADownload() {
        String token = upload(agent, "page.html", "text/html", "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));
        long id = ticket(true, "A page.", token);
        String path = path((String) onlyAttachment(agentComments(id).get(0)).get("content_url"));
        downloader(customer).get(path).then().statusCode(200).contentType(startsWith("application/octet-stream"))
                .header("Content-Disposition", startsWith("attachment")).header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", containsString("sandbox"));
    }

    @Test
    @DisplayName("Bad uploads: no file name 400, empty 422, over kontor.attachments.max-size refused; no credentials 401")
    void badUploadsAndMissingCredentials() throws Exception {
        fixtures.as(agent).contentType("text/plain").body("x").post("/api/v2/uploads.json").then().statusCode(400)
                .body("error", equalTo("InvalidParameter"));
        fixtures.as(agent).contentType("text/plain").body(new byte[0]).post("/api/v2/uploads.json?filename=empty.txt")
                .then().statusCode(422);
        // Over the limit while streaming (a client without Content-Length); the API maps it to 413.
        long max = attachments.settings().maxBytes();
        assertThat(max).isEqualTo(20L * 1024 * 1024);
        InputStream endless = new InputStream() {
            private long left = max + 1;

            @Override
            public int read() {
                return left-- > 0 ? 'x' : -1;
            }
        };
        assertThatThrownBy(() -> attachments.upload("big.bin", "application/octet-stream", endless, null, Actor.of(agent)))
                .isInstanceOf(AttachmentTooLarge.class);
        anonymous().contentType("text/plain").body("x").post("/api/v2/uploads.json?filename=a.txt").then().statusCode(401);
        anonymous().redirects().follow(false).get("/attachments/1").then().statusCode(401);
        anonymous().redirects().follow(false).accept("text/html").get("/attachments/1").then().statusCode(302)
                .header("Location", containsString("/login"));
    }
}
