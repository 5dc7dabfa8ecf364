package org.kontor.ticket.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kontor.support.Fixtures;
import org.kontor.support.IntegrationTest;
import org.kontor.user.User;

/**
 * Zendesk's comment redaction ({@code PUT /tickets/{t}/comments/{c}/redact}): the text leaves every form of the
 * comment — plain, HTML text and attributes, the ticket's description, the search index, the requester's view — and
 * the audit records that it happened, not the text.
 */
class CommentRedactionTest extends IntegrationTest {
    private static final String BLOCK = "\u2587";

    private JsonPath create(User agent, User requester, Map<String, Object> comment) {
        return fixtures.as(agent).body(Map.of("ticket", Map.of("subject", "Redaction", "requester_id", requester.getId(),
                "comment", comment))).post("/api/v2/tickets.json").then().statusCode(201).extract().jsonPath();
    }

    private long firstCommentId(User agent, long ticketId) {
        return fixtures.as(agent).get("/api/v2/tickets/" + ticketId + "/comments.json").jsonPath().getLong("comments[0].id");
    }

    private List<Long> searchIds(User agent, String word) {
        return fixtures.as(agent).queryParam("query", word).get("/api/v2/search.json")
                .then().statusCode(200).extract().jsonPath().getList("results.id", Long.class);
    }

    @Test
    void theTextLeavesTheCommentTheDescriptionTheSearchIndexAndTheRequestersView() {
        User agent = fixtures.agent("Rita Redactor");
        User customer = fixtures.endUser("Sam Secret");
        String secret = Fixtures.unique("Kennwort");
        long ticketId = create(agent, customer, Map.of("body", "My password is " + secret + ", please reset it."))
                .getLong("ticket.id");
        long commentId = firstCommentId(agent, ticketId);
        assertThat(searchIds(agent, secret)).contains(ticketId);

        JsonPath redacted = fixtures.as(agent).body(Map.of("text", secret))
                .put("/api/v2/tickets/" + ticketId + "/comments/" + commentId + "/redact.json")
                .then().statusCode(200).extract().jsonPath();

        String blocks = BLOCK.repeat(secret.length());
        assertThat(redacted.getLong("comment.id")).isEqualTo(commentId);
        assertThat(redacted.getString("comment.body")).isEqualTo("My password is " + blocks + ", please reset it.");
        assertThat(redacted.getString("comment.html_body")).doesNotContain(secret).contains(blocks);
        JsonPath ticket = fixtures.as(agent).get("/api/v2/tickets/" + ticketId + ".json").jsonPath();
        assertThat(ticket.getString("ticket.description")).doesNotContain(secret).contains(blocks);
        assertThat(fixtures.as(customer).get("/api/v2/requests/" + ticketId + "/comments.json").jsonPath()
                .getList("comments.body", String.class)).containsExactly("My password is " + blocks + ", please reset it.");
        assertThat(searchIds(agent, secret)).doesNotContain(ticketId);
        assertThat(fixtures.as(customer).queryParam("query", secret).get("/api/v2/requests/search.json").jsonPath()
                .getList("requests.id", Long.class)).doesNotContain(ticketId);

        JsonPath audits = fixtures.as(agent).get("/api/v2/tickets/" + ticketId + "/audits.json").jsonPath();
        int last = audits.getList("audits").size() - 1;
        assertThat(audits.getLong("audits[" + last + "].author_id")).isEqualTo(agent.getId());
        assertThat(audits.getString("audits[" + last + "].events[0].type")).isEqualTo("CommentRedactionEvent");
        assertThat(audits.getLong("audits[" + last + "].events[0].comment_id")).isEqualTo(commentId);
        assertThat(fixtures.as(agent).get("/api/v2/tickets/" + ticketId + "/audits.json").asString()).doesNotContain(secret);
    }

    @Test
    void inHtmlTheTextGoesFromTextAndAttributesAndTextAcrossFormattingIsRefused() {
        User agent = fixtures.agent("Hal Html");
        User customer = fixtures.endUser("Jane Html");
        String address = Fixtures.unique("jane-") + "@example.test";
        long ticketId = create(agent, customer, Map.of("html_body",
                "<p>Write to <a href=\"mailto:" + address + "\">" + address + "</a> or call <b>Jane</b> Doe.</p>"))
                .getLong("ticket.id");
        long commentId = firstCommentId(agent, ticketId);
        String path = "/api/v2/tickets/" + ticketId + "/comments/" + commentId + "/redact.json";

        JsonPath refused = fixtures.as(agent).body(Map.of("text", "Jane Doe")).put(path).then().statusCode(422).extract().jsonPath();
        assertThat(refused.getString("error")).isEqualTo("RecordInvalid");
        assertThat(refused.getString("details.text[0].description")).contains("spans formatting");
        assertThat(fixtures.as(agent).get("/api/v2/tickets/" + ticketId + "/comments.json").jsonPath().getString("comments[0].body"))
                .contains("Jane Doe");

        JsonPath redacted = fixtures.as(agent).body(Map.of("text", address)).put(path).then().statusCode(200).extract().jsonPath();
        assertThat(redacted.getString("comment.html_body")).doesNotContain(address).contains("<b>Jane</b>");
        assertThat(redacted.getString("comment.body")).doesNotContain(address);
    }

    @Test
    void badRequestsAreClearAndChangeNothing() {
        User agent = fixtures.agent("Bea Bad");
        User customer = fixtures.endUser("Carl Customer");
        long ticketId = create(agent, customer, Map.of("body", "Nothing secret here")).getLong("ticket.id");
        long commentId = firstCommentId(agent, ticketId);
        long otherTicket = create(agent, customer, Map.of("body", "Another one")).getLong("ticket.id");
        String path = "/api/v2/tickets/" + ticketId + "/comments/" + commentId + "/redact.json";

        fixtures.as(agent).body(Map.of("text", "absent words")).put(path).then().statusCode(422)
                .body("details.text[0].description", org.hamcrest.Matchers.equalTo("Text: not found in the comment"));
        fixtures.as(agent).body(Map.of("text", " ")).put(path).then().statusCode(422);
        fixtures.as(agent).body(Map.of()).put(path).then().statusCode(422);
        fixtures.as(agent).contentType("application/json").body("{\"text\": ").put(path).then().statusCode(400);
        fixtures.as(agent).body(Map.of("text", "secret")).put("/api/v2/tickets/" + otherTicket + "/comments/" + commentId
                + "/redact.json").then().statusCode(404).body("error", org.hamcrest.Matchers.equalTo("RecordNotFound"));
        fixtures.as(customer).body(Map.of("text", "secret")).put(path).then().statusCode(403);
        assertThat(fixtures.as(agent).get("/api/v2/tickets/" + ticketId + "/comments.json").jsonPath().getString("comments[0].body"))
                .isEqualTo("Nothing secret here");
        assertThat(fixtures.as(agent).get("/api/v2/tickets/" + ticketId + "/audits.json").jsonPath().getList("audits")).hasSize(1);
    }

    @Test
    void anInternalNoteCanBeRedactedToo() {
        User agent = fixtures.agent("Nina Note");
        User customer = fixtures.endUser("Otto Public");
        long ticketId = create(agent, customer, Map.of("body", "Hello")).getLong("ticket.id");
        fixtures.as(agent).body(Map.of("ticket", Map.of("comment", Map.of("body", "Card 4111 1111 1111 1111 noted", "public", false))))
                .put("/api/v2/tickets/" + ticketId + ".json").then().statusCode(200);
        long noteId = fixtures.as(agent).get("/api/v2/tickets/" + ticketId + "/comments.json").jsonPath().getLong("comments[1].id");

        fixtures.as(agent).body(Map.of("text", "4111 1111 1111 1111"))
                .put("/api/v2/tickets/" + ticketId + "/comments/" + noteId + "/redact.json").then().statusCode(200)
                .body("comment.public", org.hamcrest.Matchers.equalTo(false))
                .body("comment.body", org.hamcrest.Matchers.equalTo("Card " + BLOCK.repeat(19) + " noted"));
    }
}
