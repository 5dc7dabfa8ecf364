package org.kontor.ticket.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kontor.api.IdempotentRequests;
import org.kontor.support.Fixtures;
import org.kontor.support.IntegrationTest;
import org.kontor.user.User;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Zendesk's {@code Idempotency-Key} on {@code POST /api/v2/tickets}: a retried creation returns the first answer
 * ({@code x-idempotency-lookup: hit}) and never makes a second ticket — nor a second notification to the requester.
 */
class IdempotentTicketCreationTest extends IntegrationTest {
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    IdempotentRequests idempotentRequests;

    private User agent;
    private User customer;

    @BeforeEach
    void setUp() {
        agent = fixtures.agent("Ida Agent");
        customer = fixtures.endUser("Ivo Customer");
    }

    private String body(String externalId, String text) {
        return "{\"ticket\": {\"subject\": \"Router\", \"external_id\": \"" + externalId + "\", \"requester_id\": "
                + customer.getId() + ", \"comment\": {\"body\": \"" + text + "\"}}}";
    }

    private Response post(User caller, String key, String json) {
        return fixtures.as(caller).header(IdempotentRequests.KEY_HEADER, key).body(json).post("/api/v2/tickets.json");
    }

    private List<Long> ticketsWithExternalId(String externalId) {
        return fixtures.as(agent).queryParam("external_id", externalId).get("/api/v2/tickets.json")
                .then().statusCode(200).extract().jsonPath().getList("tickets.id", Long.class);
    }

    private int notificationsOf(long ticketId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM notifications WHERE ticket_id = ?", Integer.class, ticketId);
    }

    @Test
    void aRetriedCreationGetsTheFirstAnswerAndNoSecondTicket() {
        String key = Fixtures.unique("key-");
        String externalId = Fixtures.unique("ext-");
        Response first = post(agent, key, body(externalId, "We ship a new router."));
        first.then().statusCode(201).header(IdempotentRequests.LOOKUP_HEADER, "miss");
        long id = first.jsonPath().getLong("ticket.id");
        int mails = notificationsOf(id);
        assertThat(mails).as("the proactive notification of the first creation").isPositive();

        Response retry = post(agent, key, body(externalId, "We ship a new router."));
        retry.then().statusCode(201).header(IdempotentRequests.LOOKUP_HEADER, "hit")
                .header("Location", first.header("Location"));
        assertThat(retry.jsonPath().getLong("ticket.id")).isEqualTo(id);
        assertThat(retry.jsonPath().getLong("audit.id")).isEqualTo(first.jsonPath().getLong("audit.id"));
        assertThat(retry.jsonPath().getMap("ticket")).isEqualTo(first.jsonPath().getMap("ticket"));

        assertThat(ticketsWithExternalId(externalId)).containsExactly(id);
        assertThat(notificationsOf(id)).isEqualTo(mails);
    }

    @Test
    void aCreationWithTheLargestCommentIsRememberedAndReplayed() {
        String key = Fixtures.unique("key-");
        String externalId = Fixtures.unique("ext-");
        // The longest comment (65,536 characters) of the characters that grow most when escaped for HTML and JSON:
        // the response repeats it four times (description, body, plain_body, html_body).
        String text = "\"\u0001<&".repeat(16_384);
        String json = tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(Map.of("ticket", Map.of(
                "subject", "Escapes", "external_id", externalId, "requester_id", customer.getId(), "comment", Map.of("body", text))));
        Response first = post(agent, key, json);
        first.then().statusCode(201).header(IdempotentRequests.LOOKUP_HEADER, "miss");
        Response retry = post(agent, key, json);
        retry.then().statusCode(201).header(IdempotentRequests.LOOKUP_HEADER, "hit");
        assertThat(retry.jsonPath().getLong("ticket.id")).isEqualTo(first.jsonPath().getLong("ticket.id"));
        assertThat(retry.jsonPath().getString("ticket.description")).isEqualTo(first.jsonPath().getString("ticket.description"));
        assertThat(ticketsWithExternalId(externalId)).hasSize(1);
    }

    @Test
    void aResponseLargerThanAMillionCharactersIsRememberedToo() {
        String key = Fixtures.unique("key-");
        String externalId = Fixtures.unique("ext-");
        // 8,000 tags of 80 characters, the longest allowed (a 0.7 MB request): the response lists them twice, on the
        // ticket and in the audit.
        List<String> tags = new java.util.ArrayList<>();
        for (int i = 0; i < 8_000; i++) {
            String prefix = "tag-" + i + "-";
            tags.add(prefix + "x".repeat(80 - prefix.length()));
        }
        String json = tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(Map.of("ticket", Map.of(
                "subject", "Tagged", "external_id", externalId, "requester_id", customer.getId(), "tags", tags,
                "comment", Map.of("body", "Many tags"))));
        Response first = post(agent, key, json);
        first.then().statusCode(201).header(IdempotentRequests.LOOKUP_HEADER, "miss");
        assertThat(first.asString().length()).isGreaterThan(1_000_000);
        Response retry = post(agent, key, json);
        retry.then().statusCode(201).header(IdempotentRequests.LOOKUP_HEADER, "hit");
        assertThat(retry.jsonPath().getList("ticket.tags")).hasSize(8_000);
        assertThat(ticketsWithExternalId(externalId)).hasSize(1);
    }

    @Test
    void theSameJsonInAnotherPropertyOrderAndSpacingIsTheSameRequest() {
        String key = Fixtures.unique("key-");
        String externalId = Fixtures.unique("ext-");
        long id = post(agent, key, body(externalId, "Hello")).then().statusCode(201).extract().jsonPath().getLong("ticket.id");
        String reordered = "{ \"ticket\" : { \"comment\" : { \"body\" : \"Hello\" },\n  \"requester_id\" : " + customer.getId()
                + ", \"external_id\" : \"" + externalId + "\", \"subject\" : \"Router\" } }";
        post(agent, key, reordered).then().statusCode(201).header(IdempotentRequests.LOOKUP_HEADER, "hit");
        assertThat(ticketsWithExternalId(externalId)).containsExactly(id);
    }

    @Test
    void aUsedKeyWithAnotherBodyIsRefusedAndCreatesNothing() {
        String key = Fixtures.unique("key-");
        String externalId = Fixtures.unique("ext-");
        String otherExternalId = Fixtures.unique("ext-");
        post(agent, key, body(externalId, "First")).then().statusCode(201);

        post(agent, key, body(otherExternalId, "Second")).then().statusCode(400)
                .body("error", org.hamcrest.Matchers.equalTo("IdempotentRequestError"));
        assertThat(ticketsWithExternalId(otherExternalId)).isEmpty();
    }

    @Test
    void keysBelongToTheirCaller() {
        User otherAgent = fixtures.agent("Olga Agent");
        String key = Fixtures.unique("key-");
        String externalId = Fixtures.unique("ext-");
        long mine = post(agent, key, body(externalId, "Same")).then().statusCode(201).extract().jsonPath().getLong("ticket.id");

        Response theirs = post(otherAgent, key, body(externalId, "Same"));
        theirs.then().statusCode(201).header(IdempotentRequests.LOOKUP_HEADER, "miss");
        assertThat(theirs.jsonPath().getLong("ticket.id")).isNotEqualTo(mine);
        assertThat(theirs.jsonPath().getLong("ticket.submitter_id")).isEqualTo(otherAgent.getId());
    }

    @Test
    void aFailedCreationLeavesTheKeyUnused() {
        String key = Fixtures.unique("key-");
        String externalId = Fixtures.unique("ext-");
        String withoutComment = "{\"ticket\": {\"subject\": \"Router\", \"requester_id\": " + customer.getId() + "}}";
        post(agent, key, withoutComment).then().statusCode(422).body("error", org.hamcrest.Matchers.equalTo("RecordInvalid"));

        post(agent, key, body(externalId, "Now with a comment")).then().statusCode(201)
                .header(IdempotentRequests.LOOKUP_HEADER, "miss");
        assertThat(ticketsWithExternalId(externalId)).hasSize(1);
    }

    @Test
    void anExpiredKeyCreatesAgainAndExpiredKeysArePurged() {
        String key = Fixtures.unique("key-");
        String externalId = Fixtures.unique("ext-");
        long first = post(agent, key, body(externalId, "Hello")).then().statusCode(201).extract().jsonPath().getLong("ticket.id");
        jdbc.update("UPDATE idempotent_requests SET expires_at = ? WHERE user_id = ? AND idempotency_key = ?",
                java.sql.Timestamp.from(Instant.now().minusSeconds(1)), agent.getId(), key);

        Response again = post(agent, key, body(externalId, "Hello"));
        again.then().statusCode(201).header(IdempotentRequests.LOOKUP_HEADER, "miss");
        assertThat(again.jsonPath().getLong("ticket.id")).isNotEqualTo(first);

        jdbc.update("UPDATE idempotent_requests SET expires_at = ? WHERE user_id = ? AND idempotency_key = ?",
                java.sql.Timestamp.from(Instant.now().minusSeconds(1)), agent.getId(), key);
        assertThat(idempotentRequests.purgeExpired(Instant.now())).isPositive();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM idempotent_requests WHERE user_id = ? AND idempotency_key = ?",
                Integer.class, agent.getId(), key)).isZero();
    }

    @Test
    void anEmptyOrOverlongKeyIsABadRequest() {
        String externalId = Fixtures.unique("ext-");
        post(agent, " ", body(externalId, "Hello")).then().statusCode(400)
                .body("error", org.hamcrest.Matchers.equalTo("IdempotentRequestError"));
        post(agent, "k".repeat(256), body(externalId, "Hello")).then().statusCode(400)
                .body("error", org.hamcrest.Matchers.equalTo("IdempotentRequestError"));
        assertThat(ticketsWithExternalId(externalId)).isEmpty();
    }

    @Test
    void aKeyWithAsyncCreationIsRefusedRatherThanIgnored() {
        String externalId = Fixtures.unique("ext-");
        fixtures.as(agent).header(IdempotentRequests.KEY_HEADER, Fixtures.unique("key-")).queryParam("async", "true")
                .body(body(externalId, "Queued")).post("/api/v2/tickets.json").then().statusCode(400)
                .body("error", org.hamcrest.Matchers.equalTo("InvalidParameter"));
        assertThat(ticketsWithExternalId(externalId)).isEmpty();
    }

    @Test
    void concurrentRequestsWithOneKeyCreateOneTicket() throws Exception {
        String key = Fixtures.unique("key-");
        String externalId = Fixtures.unique("ext-");
        String json = body(externalId, "Sent eight times at once");
        int clients = 8;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                Callable<Response> call = () -> {
                    start.await();
                    return post(agent, key, json);
                };
                answers.add(pool.submit(call));
            }
            start.countDown();
            List<Long> ids = new ArrayList<>();
            List<String> lookups = new ArrayList<>();
            for (Future<Response> answer : answers) {
                Response r = answer.get();
                assertThat(r.statusCode()).as(r.asString()).isEqualTo(201);
                ids.add(r.jsonPath().getLong("ticket.id"));
                lookups.add(r.header(IdempotentRequests.LOOKUP_HEADER));
            }
            assertThat(ids).containsOnly(ids.get(0));
            assertThat(lookups).containsOnlyOnce("miss");
            assertThat(ticketsWithExternalId(externalId)).containsExactly(ids.get(0));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void withoutAKeyEveryRequestCreatesATicket() {
        String externalId = Fixtures.unique("ext-");
        String json = body(externalId, "Twice");
        fixtures.as(agent).body(json).post("/api/v2/tickets.json").then().statusCode(201)
                .header(IdempotentRequests.LOOKUP_HEADER, org.hamcrest.Matchers.nullValue());
        fixtures.as(agent).body(json).post("/api/v2/tickets.json").then().statusCode(201);
        assertThat(ticketsWithExternalId(externalId)).hasSize(2);
    }
}
