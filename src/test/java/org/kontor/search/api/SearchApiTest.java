package org.kontor.search.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kontor.organization.Organization;
import org.kontor.support.Fixtures;
import org.kontor.support.IntegrationTest;
import org.kontor.user.User;

/**
 * The one search engine behind {@code /api/v2/search} (agents) and {@code /api/v2/requests/search} (end users):
 * the access policy's filter is part of the query, so an end user never finds a private ticket (R11, R17) nor a
 * word that is only in an internal note (V1), and a change is searchable as soon as the request returns.
 */
class SearchApiTest extends IntegrationTest {
    private User agent;
    private User customer;

    @BeforeEach
    void setUp() {
        agent = fixtures.agent("Sam Agent");
        customer = fixtures.endUser("Sue Customer");
        fixtures.privateTicketCreation(true);
    }

    private static String word(String prefix) {
        return Fixtures.unique(prefix).replaceAll("[^a-z0-9]", "");
    }

    private long agentCreates(User requester, boolean isPublic, String subject, String body, User... ccs) {
        return fixtures.as(agent).body(Map.of("ticket", Map.of("subject", subject, "requester_id", requester.getId(),
                        "collaborator_ids", java.util.Arrays.stream(ccs).map(User::getId).toList(),
                        "comment", Map.of("body", body, "public", isPublic))))
                .post("/api/v2/tickets.json").then().statusCode(201).extract().jsonPath().getLong("ticket.id");
    }

    private void comment(long id, String body, boolean isPublic) {
        fixtures.as(agent).body(Map.of("ticket", Map.of("comment", Map.of("body", body, "public", isPublic))))
                .put("/api/v2/tickets/" + id + ".json").then().statusCode(200);
    }

    private List<Long> endUserFinds(User user, String query) {
        return fixtures.as(user).queryParam("query", query).get("/api/v2/requests/search.json").then().statusCode(200)
                .extract().jsonPath().getList("requests.id", Long.class);
    }

    private List<Long> agentFinds(String query) {
        return fixtures.as(agent).queryParam("query", query).get("/api/v2/search.json").then().statusCode(200)
                .extract().jsonPath().getList("results.findAll { it.result_type == 'ticket' }.id", Long.class);
    }

    @Test
    void v1_aWordOnlyInAnInternalNoteFindsNothingForTheEndUserButAgentsFindIt() {
        String publicWord = word("parcel");
        String noteWord = word("refund");
        long id = agentCreates(customer, true, "Delivery", "Your " + publicWord + " is on its way");
        comment(id, "Internal: customer asked for a " + noteWord, false);

        assertThat(endUserFinds(customer, publicWord)).containsExactly(id);
        assertThat(endUserFinds(customer, noteWord)).as("V1: internal note text is not searchable by end users").isEmpty();
        assertThat(agentFinds(noteWord)).as("agents search internal notes").containsExactly(id);
        fixtures.as(customer).queryParam("query", noteWord).get("/api/v2/requests/search.json").then().body("count", equalTo(0));
    }

    @Test
    void r11_r15_aPrivateTicketIsNotFoundUntilMadePublicAndTheNewReplyIsSearchableAtOnce() {
        String secret = word("audit");
        String reply = word("answer");
        long id = agentCreates(customer, false, "Call notes " + secret, "Customer called about " + secret);
        assertThat(endUserFinds(customer, secret)).as("R11: a private ticket is not in the requester's search").isEmpty();
        assertThat(agentFinds(secret)).containsExactly(id);

        comment(id, "We found the cause: " + reply, true);
        assertThat(endUserFinds(customer, reply)).as("R15 + issue 5 item 7: searchable when the request returns").containsExactly(id);
        assertThat(endUserFinds(customer, secret)).as("the subject is public now; the first comment stays internal")
                .containsExactly(id);
        fixtures.as(customer).queryParam("query", "customer called " + secret).get("/api/v2/requests/search.json")
                .then().statusCode(200).body("count", equalTo(0));
    }

    @Test
    void r17_aTicketMadePrivateDisappearsFromSearchAtOnce() {
        String w = word("invoice");
        long id = agentCreates(customer, true, "Billing", "Your " + w + " is attached");
        assertThat(endUserFinds(customer, w)).containsExactly(id);
        long commentId = fixtures.as(agent).get("/api/v2/tickets/" + id + "/comments.json").then().extract().jsonPath()
                .getLong("comments[0].id");
        fixtures.as(agent).put("/api/v2/tickets/" + id + "/comments/" + commentId + "/make_private.json").then().statusCode(200);
        assertThat(endUserFinds(customer, w)).as("R17").isEmpty();
        assertThat(endUserFinds(customer, "Billing")).as("R17: not by subject either").doesNotContain(id);
    }

    @Test
    void r19_aCcFindsPublicTicketsOnlyAndOtherEndUsersFindNothing() {
        User cc = fixtures.endUser("Carl Cc");
        User stranger = fixtures.endUser("Stan Stranger");
        String w = word("router");
        long open = agentCreates(customer, true, "Router " + w, "Replacement " + w, cc);
        long hidden = agentCreates(customer, false, "Router notes " + w, "Note " + w, cc);
        assertThat(endUserFinds(cc, w)).as("R19: CC finds the public one only").containsExactly(open);
        assertThat(endUserFinds(stranger, w)).as("another end user finds nothing").isEmpty();
        assertThat(agentFinds(w)).containsExactlyInAnyOrder(open, hidden);
    }

    @Test
    void organizationSharingReachesSearchToo() {
        Organization shared = fixtures.organization("Acme", true);
        User a = fixtures.endUser("Ann Acme", shared);
        User b = fixtures.endUser("Bob Acme", shared);
        String w = word("printer");
        long id = agentCreates(a, true, "Printer", "Toner for the " + w);
        assertThat(endUserFinds(b, w)).containsExactly(id);
    }

    @Test
    void queryKeywordsStatusRequesterTagsPrivacyPhrasesNegationAndDates() {
        String w = word("kw");
        User other = fixtures.endUser("Olga Other");
        long a = agentCreates(customer, true, "Alpha " + w, "the quick brown fox " + w);
        long b = agentCreates(other, false, "Beta " + w, "lazy dog " + w);
        fixtures.as(agent).body(Map.of("ticket", Map.of("status", "pending", "tags", List.of("vip", "billing"))))
                .put("/api/v2/tickets/" + b + ".json").then().statusCode(200);

        assertThat(agentFinds(w)).containsExactlyInAnyOrder(a, b);
        assertThat(agentFinds(w + " type:ticket status:pending")).containsExactly(b);
        assertThat(agentFinds(w + " status<pending")).containsExactly(a);
        assertThat(agentFinds(w + " status:new status:pending")).as("same keyword twice is OR").containsExactlyInAnyOrder(a, b);
        assertThat(agentFinds(w + " requester:" + customer.getEmail())).containsExactly(a);
        assertThat(agentFinds(w + " requester:" + other.getId())).containsExactly(b);
        assertThat(agentFinds(w + " tags:vip")).containsExactly(b);
        assertThat(agentFinds(w + " -tags:vip")).containsExactly(a);
        assertThat(agentFinds(w + " is_public:false")).containsExactly(b);
        assertThat(agentFinds(w + " is_public:true")).containsExactly(a);
        assertThat(agentFinds(w + " \"quick brown\"")).containsExactly(a);
        assertThat(agentFinds(w + " \"brown quick\"")).as("a phrase keeps its order").isEmpty();
        assertThat(agentFinds(w + " -fox")).containsExactly(b);
        assertThat(agentFinds(w + " created>2000-01-01 created<2999-01-01")).containsExactlyInAnyOrder(a, b);
        assertThat(agentFinds(w + " created<2000-01-01")).isEmpty();
        assertThat(agentFinds(w + " updated>1hour")).containsExactlyInAnyOrder(a, b);
        assertThat(agentFinds(w + " assignee:none")).containsExactlyInAnyOrder(a, b);
        assertThat(agentFinds(w + " subject:alpha")).containsExactly(a);
    }

    @Test
    void resultsHaveZendesksShapeAndPaginate() {
        String w = word("page");
        long first = agentCreates(customer, true, "Page one " + w, "text " + w);
        long second = agentCreates(customer, true, "Page two " + w, "text " + w);
        fixtures.as(agent).queryParam("query", "type:ticket " + w).queryParam("per_page", 1)
                .queryParam("sort_by", "created_at").queryParam("sort_order", "asc")
                .get("/api/v2/search.json").then().statusCode(200)
                .body("count", equalTo(2)).body("results.size()", equalTo(1))
                .body("results[0].id", equalTo((int) first)).body("results[0].result_type", equalTo("ticket"))
                .body("next_page", org.hamcrest.Matchers.containsString("page=2")).body("previous_page", equalTo(null));
        fixtures.as(agent).queryParam("query", "type:ticket " + w).queryParam("per_page", 1).queryParam("page", 2)
                .queryParam("sort_by", "created_at").queryParam("sort_order", "asc")
                .get("/api/v2/search.json").then().statusCode(200).body("results[0].id", equalTo((int) second));
        fixtures.as(agent).queryParam("query", "type:ticket " + w).get("/api/v2/search/count.json").then().statusCode(200)
                .body("count", equalTo(2));
    }

    @Test
    void usersAndOrganizationsAreSearchableByAgents() {
        String name = word("zelda");
        User u = fixtures.endUser("Zed " + name);
        fixtures.as(agent).queryParam("query", "type:user " + name).get("/api/v2/search.json").then().statusCode(200)
                .body("results.id", hasItem(u.getId().intValue())).body("results.result_type", everyItem(equalTo("user")));
        fixtures.as(agent).queryParam("query", name).get("/api/v2/search.json").then().statusCode(200)
                .body("results.id", hasItem(u.getId().intValue()));
        Organization o = fixtures.organization("Org " + name, false);
        fixtures.as(agent).queryParam("query", "type:organization " + name).get("/api/v2/search.json").then().statusCode(200)
                .body("results.id", hasItem(o.getId().intValue()));
    }

    @Test
    void endUsersCannotUseAgentSearchAndBadInputIs400() {
        fixtures.as(customer).queryParam("query", "x").get("/api/v2/search.json").then().statusCode(403);
        fixtures.as(agent).get("/api/v2/search.json").then().statusCode(400);
        fixtures.as(agent).queryParam("query", "status:bogus").get("/api/v2/search.json").then().statusCode(400);
        fixtures.as(agent).queryParam("query", "created>yesterdayish").get("/api/v2/search.json").then().statusCode(400);
        fixtures.as(agent).queryParam("query", "x").queryParam("sort_by", "nope").get("/api/v2/search.json").then().statusCode(400);
        fixtures.as(agent).queryParam("query", "x").queryParam("page", 20).get("/api/v2/search.json").then().statusCode(400);
        fixtures.as(agent).queryParam("query", "\"unclosed -( * ~").get("/api/v2/search.json").then().statusCode(200);
        fixtures.as(customer).queryParam("query", "-").get("/api/v2/requests/search.json").then().statusCode(200);
    }
}
