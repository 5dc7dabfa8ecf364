package org.kontor.request.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kontor.support.Fixtures;
import org.kontor.support.IntegrationTest;
import org.kontor.user.User;

/** The end user's side of tickets: My requests (R6b), viewing and updating (R7), CCs (R19), privacy (R11, R15, R17). */
class RequestsApiTest extends IntegrationTest {
    private User agent;
    private User customer;

    @BeforeEach
    void setUp() {
        agent = fixtures.agent("Rex Agent");
        customer = fixtures.endUser("Rosa Customer");
    }

    private long agentCreates(boolean isPublic, String body, User... ccs) {
        fixtures.privateTicketCreation(true);
        return fixtures.as(agent).body(Map.of("ticket", Map.of("subject", "Proactive", "requester_id", customer.getId(),
                        "collaborator_ids", java.util.Arrays.stream(ccs).map(User::getId).toList(),
                        "comment", Map.of("body", body, "public", isPublic))))
                .post("/api/v2/tickets.json").then().statusCode(201).extract().jsonPath().getLong("ticket.id");
    }

    private List<Long> myRequests(User user) {
        return fixtures.as(user).get("/api/v2/requests.json").then().statusCode(200).extract().jsonPath()
                .getList("requests.id", Long.class);
    }

    @Test
    void r6_aPublicTicketIsInTheRequestersListAndFindableAtOnce() {
        String word = Fixtures.unique("router").replaceAll("[^a-z0-9]", "");
        long id = agentCreates(true, "Your " + word + " ships today");
        assertThat(myRequests(customer)).contains(id);
        fixtures.as(customer).get("/api/v2/requests/search.json?query=" + word).then().statusCode(200)
                .body("requests.id", hasItem((int) id)).body("count", equalTo(1));
        fixtures.as(customer).get("/api/v2/requests/" + id + ".json").then().statusCode(200)
                .body("request.subject", equalTo("Proactive")).body("request.description", equalTo("Your " + word + " ships today"))
                .body("request.can_be_solved_by_me", equalTo(true)).body("request.is_public", equalTo(true));
    }

    @Test
    void r11_aPrivateTicketIsUnreachableForItsRequesterUntilR15MakesItPublic() {
        String word = Fixtures.unique("secret").replaceAll("[^a-z0-9]", "");
        long id = agentCreates(false, "Investigating " + word);
        assertThat(myRequests(customer)).doesNotContain(id);
        fixtures.as(customer).get("/api/v2/requests/" + id + ".json").then().statusCode(404).body("error", equalTo("RecordNotFound"));
        fixtures.as(customer).get("/api/v2/requests/" + id + "/comments.json").then().statusCode(404);
        fixtures.as(customer).body(Map.of("request", Map.of("comment", Map.of("body", "let me in")))).put("/api/v2/requests/" + id + ".json")
                .then().statusCode(404);
        fixtures.as(customer).get("/api/v2/requests/search.json?query=" + word).then().statusCode(200).body("count", equalTo(0));

        fixtures.as(agent).body(Map.of("ticket", Map.of("comment", Map.of("body", "We are on it.", "public", true))))
                .put("/api/v2/tickets/" + id + ".json").then().statusCode(200);
        assertThat(myRequests(customer)).contains(id);
        JsonPath request = fixtures.as(customer).get("/api/v2/requests/" + id + ".json").then().statusCode(200).extract().jsonPath();
        // V1: the internal first comment never becomes the description the requester sees.
        assertThat(request.getString("request.description")).isEqualTo("We are on it.");
        List<Map<String, Object>> listed = fixtures.as(customer).get("/api/v2/requests.json").jsonPath().getList("requests");
        assertThat(listed).filteredOn(r -> ((Number) r.get("id")).longValue() == id)
                .singleElement().satisfies(r -> assertThat(r.get("description")).isEqualTo("We are on it."));
        assertThat(fixtures.as(customer).get("/api/v2/requests/" + id + "/comments.json").jsonPath().getList("comments.body"))
                .containsExactly("We are on it.");
        // Internal notes stay hidden for good, and are not searchable.
        fixtures.as(customer).get("/api/v2/requests/search.json?query=" + word).then().body("count", equalTo(0));
    }

    @Test
    void r7_theRequesterRepliesAndSolves() {
        long id = agentCreates(true, "Please confirm the delivery address.");
        fixtures.as(agent).body(Map.of("ticket", Map.of("status", "pending"))).put("/api/v2/tickets/" + id + ".json").then().statusCode(200);
        fixtures.as(customer).body(Map.of("request", Map.of("comment", Map.of("body", "Main street 1", "public", false))))
                .put("/api/v2/requests/" + id + ".json").then().statusCode(200).body("request.status", equalTo("open"));
        // An end user cannot write an internal note: "public": false is not theirs to choose.
        assertThat(fixtures.as(agent).get("/api/v2/tickets/" + id + "/comments.json").jsonPath().getList("comments.public", Boolean.class))
                .containsExactly(true, true);
        fixtures.as(customer).body(Map.of("request", Map.of("solved", true))).put("/api/v2/requests/" + id + ".json")
                .then().statusCode(200).body("request.status", equalTo("solved")).body("request.solved", equalTo(true))
                .body("request.can_be_solved_by_me", equalTo(false));
        // Replying to a solved request reopens it.
        fixtures.as(customer).body(Map.of("request", Map.of("comment", Map.of("body", "It broke again")))).put("/api/v2/requests/" + id + ".json")
                .then().statusCode(200).body("request.status", equalTo("open"));
    }

    @Test
    void r19_aCcSeesThePublicTicketButNotItsNotesAndCannotSolveIt() {
        User cc = fixtures.endUser("Cleo Cc");
        long id = agentCreates(true, "Shared with your colleague", cc);
        fixtures.as(agent).body(Map.of("ticket", Map.of("comment", Map.of("body", "internal only", "public", false))))
                .put("/api/v2/tickets/" + id + ".json").then().statusCode(200);
        fixtures.as(cc).get("/api/v2/requests/ccd.json").then().statusCode(200).body("requests.id", hasItem((int) id));
        assertThat(myRequests(cc)).doesNotContain(id);
        fixtures.as(cc).get("/api/v2/requests/" + id + ".json").then().statusCode(200).body("request.can_be_solved_by_me", equalTo(false));
        assertThat(fixtures.as(cc).get("/api/v2/requests/" + id + "/comments.json").jsonPath().getList("comments.body"))
                .containsExactly("Shared with your colleague");
        fixtures.as(cc).body(Map.of("request", Map.of("solved", true))).put("/api/v2/requests/" + id + ".json").then().statusCode(422);
        fixtures.as(cc).body(Map.of("request", Map.of("comment", Map.of("body", "Thanks from the CC")))).put("/api/v2/requests/" + id + ".json")
                .then().statusCode(200);
    }

    @Test
    void r19_aCcOfAPrivateTicketGainsAccessOnlyWhenItBecomesPublic() {
        User cc = fixtures.endUser("Pia PrivateCc");
        long id = agentCreates(false, "Preparing", cc);
        fixtures.as(cc).get("/api/v2/requests/" + id + ".json").then().statusCode(404);
        fixtures.as(cc).get("/api/v2/requests/ccd.json").then().body("requests.id", not(hasItem((int) id)));
        fixtures.as(agent).body(Map.of("ticket", Map.of("comment", Map.of("body", "Now you know", "public", true))))
                .put("/api/v2/tickets/" + id + ".json").then().statusCode(200);
        fixtures.as(cc).get("/api/v2/requests/" + id + ".json").then().statusCode(200);
    }

    @Test
    void r17_aTicketMadePrivateLeavesTheRequestersListAtOnce() {
        long id = agentCreates(true, "Oops, wrong customer");
        assertThat(myRequests(customer)).contains(id);
        long commentId = fixtures.as(agent).get("/api/v2/tickets/" + id + "/comments.json").jsonPath().getLong("comments[0].id");
        fixtures.as(agent).put("/api/v2/tickets/" + id + "/comments/" + commentId + "/make_private.json").then().statusCode(200);
        assertThat(myRequests(customer)).doesNotContain(id);
        fixtures.as(customer).get("/api/v2/requests/" + id + ".json").then().statusCode(404);
    }

    @Test
    void anEndUserCreatesTheirOwnRequestWhichIsAlwaysPublic() {
        JsonPath json = fixtures.as(customer).body(Map.of("request", Map.of("subject", "Printer on fire",
                        "comment", Map.of("body", "It is very colourful", "public", false))))
                .post("/api/v2/requests.json").then().statusCode(201).extract().jsonPath();
        long id = json.getLong("request.id");
        assertThat(json.getLong("request.requester_id")).isEqualTo(customer.getId());
        assertThat(json.getBoolean("request.is_public")).isTrue();
        fixtures.as(agent).get("/api/v2/tickets/" + id + ".json").then().statusCode(200)
                .body("ticket.submitter_id", equalTo(customer.getId().intValue())).body("ticket.is_public", equalTo(true));
        fixtures.as(customer).body(Map.of("request", Map.of("subject", "x"))).post("/api/v2/requests.json").then().statusCode(422);
    }

    @Test
    void agentsUsingTheRequestsApiGetTheEndUserView() {
        long id = agentCreates(true, "for the customer");
        fixtures.as(agent).get("/api/v2/requests/" + id + ".json").then().statusCode(404);
        assertThat(myRequests(agent)).doesNotContain(id);
    }

    @Test
    void holdIsShownAsOpenToEndUsers() {
        long id = agentCreates(true, "Waiting on the courier");
        fixtures.as(agent).body(Map.of("ticket", Map.of("status", "hold"))).put("/api/v2/tickets/" + id + ".json").then().statusCode(200);
        fixtures.as(customer).get("/api/v2/requests/" + id + ".json").then().body("request.status", equalTo("open"));
        fixtures.as(customer).get("/api/v2/requests.json?status=open").then().body("requests.id", hasItem((int) id));
    }
}
