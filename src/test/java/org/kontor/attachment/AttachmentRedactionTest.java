package org.kontor.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kontor.support.IntegrationTest;
import org.kontor.user.User;

/**
 * Zendesk's attachment redaction ({@code PUT /tickets/{t}/comments/{c}/attachments/{a}/redact}): the file becomes an
 * empty {@code redacted.txt} for everyone, for good, and the audit records it; a file not on that comment is not found.
 */
class AttachmentRedactionTest extends IntegrationTest {
    private static final byte[] CARD = "Card 4111 1111 1111 1111 exp 12/29".getBytes(StandardCharsets.UTF_8);

    private String upload(User user, String name, byte[] content) {
        return fixtures.as(user).contentType("image/png").body(content).post("/api/v2/uploads.json?filename=" + name)
                .then().statusCode(201).extract().jsonPath().getString("upload.token");
    }

    private RequestSpecification downloader(User user) {
        return RestAssured.given().baseUri("http://localhost").port(port).redirects().follow(false)
                .auth().preemptive().basic(user.getEmail() + "/token", fixtures.apiToken());
    }

    private static String path(String contentUrl) {
        return contentUrl.substring(contentUrl.indexOf("/attachments/"));
    }

    private String redactPath(long ticketId, long commentId, long attachmentId) {
        return "/api/v2/tickets/" + ticketId + "/comments/" + commentId + "/attachments/" + attachmentId + "/redact.json";
    }

    @Test
    void theFileBecomesAnEmptyRedactedTxtForEveryoneAndTheAuditSaysSo() {
        User agent = fixtures.agent("Ria Redacts");
        User customer = fixtures.endUser("Carl Card");
        String token = upload(agent, "card.png", CARD);
        long ticketId = fixtures.as(agent).body(Map.of("ticket", Map.of("subject", "Payment", "requester_id", customer.getId(),
                        "comment", Map.of("body", "Your card photo", "uploads", List.of(token)))))
                .post("/api/v2/tickets.json").then().statusCode(201).extract().jsonPath().getLong("ticket.id");
        JsonPath comments = fixtures.as(agent).get("/api/v2/tickets/" + ticketId + "/comments.json").jsonPath();
        long commentId = comments.getLong("comments[0].id");
        long attachmentId = comments.getLong("comments[0].attachments[0].id");
        String contentUrl = comments.getString("comments[0].attachments[0].content_url");
        assertThat(downloader(customer).get(path(contentUrl)).asByteArray()).isEqualTo(CARD);

        JsonPath redacted = fixtures.as(agent).put(redactPath(ticketId, commentId, attachmentId))
                .then().statusCode(200).extract().jsonPath();

        assertThat(redacted.getLong("attachment.id")).isEqualTo(attachmentId);
        assertThat(redacted.getString("attachment.file_name")).isEqualTo("redacted.txt");
        assertThat(redacted.getString("attachment.content_type")).isEqualTo("text/plain");
        assertThat(redacted.getInt("attachment.size")).isZero();
        JsonPath theirs = fixtures.as(customer).get("/api/v2/requests/" + ticketId + "/comments.json").jsonPath();
        assertThat(theirs.getList("comments[0].attachments.file_name", String.class)).containsExactly("redacted.txt");
        String newUrl = theirs.getString("comments[0].attachments[0].content_url");
        assertThat(downloader(customer).get(path(newUrl)).then().statusCode(200).extract().asByteArray()).isEmpty();
        // The old address (with the old name) gives nothing of the file either.
        assertThat(downloader(agent).get(path(contentUrl)).then().statusCode(200).extract().asByteArray()).isEmpty();
        JsonPath audits = fixtures.as(agent).get("/api/v2/tickets/" + ticketId + "/audits.json").jsonPath();
        int last = audits.getList("audits").size() - 1;
        assertThat(audits.getString("audits[" + last + "].events[0].type")).isEqualTo("AttachmentRedactionEvent");
        assertThat(audits.getLong("audits[" + last + "].events[0].attachment_id")).isEqualTo(attachmentId);
        assertThat(audits.getLong("audits[" + last + "].events[0].comment_id")).isEqualTo(commentId);
        assertThat(audits.getLong("audits[" + last + "].author_id")).isEqualTo(agent.getId());
    }

    @Test
    void aFileOfAnotherCommentAnUnknownFileAndEndUsersAreRefusedAndChangeNothing() {
        User agent = fixtures.agent("Rolf Refused");
        User customer = fixtures.endUser("Rosa Refused");
        long first = fixtures.as(agent).body(Map.of("ticket", Map.of("subject", "One", "requester_id", customer.getId(),
                        "comment", Map.of("body", "File here", "uploads", List.of(upload(agent, "one.png", CARD))))))
                .post("/api/v2/tickets.json").then().statusCode(201).extract().jsonPath().getLong("ticket.id");
        long second = fixtures.as(agent).body(Map.of("ticket", Map.of("subject", "Two", "requester_id", customer.getId(),
                        "comment", Map.of("body", "No file")))).post("/api/v2/tickets.json")
                .then().statusCode(201).extract().jsonPath().getLong("ticket.id");
        JsonPath one = fixtures.as(agent).get("/api/v2/tickets/" + first + "/comments.json").jsonPath();
        long firstComment = one.getLong("comments[0].id");
        long file = one.getLong("comments[0].attachments[0].id");
        long secondComment = fixtures.as(agent).get("/api/v2/tickets/" + second + "/comments.json").jsonPath().getLong("comments[0].id");
        int auditsBefore = fixtures.as(agent).get("/api/v2/tickets/" + first + "/audits.json").jsonPath().getList("audits").size();

        fixtures.as(agent).put(redactPath(second, secondComment, file)).then().statusCode(404).body("error", equalTo("RecordNotFound"));
        fixtures.as(agent).put(redactPath(first, secondComment, file)).then().statusCode(404);
        fixtures.as(agent).put(redactPath(first, firstComment, 999_999_999L)).then().statusCode(404);
        fixtures.as(customer).put(redactPath(first, firstComment, file)).then().statusCode(403);

        assertThat(fixtures.as(agent).get("/api/v2/attachments/" + file + ".json").jsonPath().getString("attachment.file_name"))
                .isEqualTo("one.png");
        assertThat(fixtures.as(agent).get("/api/v2/tickets/" + first + "/audits.json").jsonPath().getList("audits")).hasSize(auditsBefore);
        fixtures.as(agent).delete("/api/v2/tickets/" + first + ".json").then().statusCode(204);
        fixtures.as(agent).put(redactPath(first, firstComment, file)).then().statusCode(404);
    }
}
