package org.kontor.ticket.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kontor.support.Fixtures;
import org.kontor.support.IntegrationTest;
import org.kontor.user.User;

/** The Tickets API through real HTTP: creating on behalf of end users (R1), privacy (R10–R18), audits (V3), errors. */
class TicketsApiTest extends IntegrationTest {
    private User agent;
    private User customer;

    @BeforeEach
    void setUp() {
        agent = fixtures.agent("Agnes Agent");
        customer = fixtures.endUser("Carla Customer");
        fixtures.privateTicketCreation(false);
    }

    private JsonPath create(Map<String, Object> ticket) {
        return fixtures.as(agent).body(Map.of("ticket", ticket)).post("/api/v2/tickets.json")
                .then().statusCode(201).extract().jsonPath();
    }

    private long publicTicket() {
        return create(Map.of("subject", "Router", "requester_id", customer.getId(),
                "comment", Map.of("body", "We ship a new router."))).getLong("ticket.id");
    }

    private long privateTicket() {
        fixtures.privateTicketCreation(true);
        return create(Map.of("subject", "Call notes", "requester_id", customer.getId(),
                "comment", Map.of("body", "Customer called, investigating.", "public", false))).getLong("ticket.id");
    }

    @Test
    void r1_agentCreatesATicketOnBehalfOfAnEndUser() {
        JsonPath json = fixtures.as(agent).body(Map.of("ticket", Map.of("subject", "Router", "requester_id", customer.getId(),
                        "comment", Map.of("body", "We ship a new router."))))
                .post("/api/v2/tickets.json").then().statusCode(201)
                .header("Location", startsWith("http://localhost:" + port + "/api/v2/tickets/"))
                .extract().jsonPath();
        assertThat(json.getLong("ticket.requester_id")).isEqualTo(customer.getId());
        assertThat(json.getLong("ticket.submitter_id")).isEqualTo(agent.getId());
        assertThat(json.getBoolean("ticket.is_public")).isTrue();
        assertThat(json.getString("ticket.status")).isEqualTo("new");
        assertThat(json.getString("ticket.description")).isEqualTo("We ship a new router.");
        assertThat(json.getList("audit.events.type", String.class)).contains("Create", "Comment");
        assertThat(json.getString("ticket.assignee_id")).isNull();
    }

    @Test
    void r1_anEmptyRequesterMakesTheAgentTheRequester() {
        JsonPath json = create(Map.of("subject", "Note to self", "comment", Map.of("body", "Remember this")));
        assertThat(json.getLong("ticket.requester_id")).isEqualTo(agent.getId());
        assertThat(json.getLong("ticket.submitter_id")).isEqualTo(agent.getId());
    }

    @Test
    void r1_aRequesterGivenByNameAndEmailIsCreatedOnceAndReused() {
        String email = Fixtures.unique("new-customer-") + "@example.test";
        JsonPath first = create(Map.of("subject", "Hello", "requester", Map.of("name", "Nina New", "email", email),
                "comment", Map.of("body", "Welcome")));
        JsonPath second = create(Map.of("subject", "Again", "requester", Map.of("name", "Other Name", "email", email.toUpperCase()),
                "comment", Map.of("body", "Welcome back")));
        long requesterId = first.getLong("ticket.requester_id");
        assertThat(second.getLong("ticket.requester_id")).isEqualTo(requesterId);
        fixtures.as(agent).get("/api/v2/users/" + requesterId + ".json").then().statusCode(200)
                .body("user.name", equalTo("Nina New")).body("user.role", equalTo("end-user"))
                .body("user.email", equalTo(email));
    }

    @Test
    void r10_privateCreationThroughTheApiIsRefusedWhileTheSettingIsOff() {
        fixtures.as(agent).body(Map.of("ticket", Map.of("subject", "Secret", "requester_id", customer.getId(),
                        "comment", Map.of("body", "internal", "public", false))))
                .post("/api/v2/tickets.json").then().statusCode(422)
                .body("error", equalTo("RecordInvalid")).body("rule", equalTo("R10"))
                .body("details.comment[0].description", containsString("R10"));
        // Nothing was written: the customer has no ticket.
        fixtures.as(agent).get("/api/v2/users/" + customer.getId() + "/tickets/requested.json").then()
                .statusCode(200).body("count", equalTo(0));
    }

    @Test
    void r10_privateCreationThroughTheApiWorksWhenTheSettingIsOn() {
        long id = privateTicket();
        fixtures.as(agent).get("/api/v2/tickets/" + id + ".json").then().statusCode(200)
                .body("ticket.is_public", equalTo(false)).body("ticket.requester_id", equalTo(customer.getId().intValue()));
    }

    @Test
    void isPublicIsReadOnlyAndIgnoredOnCreate() {
        JsonPath json = create(Map.of("subject", "x", "requester_id", customer.getId(), "is_public", false,
                "comment", Map.of("body", "public by default")));
        assertThat(json.getBoolean("ticket.is_public")).isTrue();
    }

    @Test
    void r12_onAPrivateTicketACommentWithoutPublicIsAnInternalNote() {
        long id = privateTicket();
        JsonPath json = fixtures.as(agent).body(Map.of("ticket", Map.of("comment", Map.of("body", "More notes"))))
                .put("/api/v2/tickets/" + id + ".json").then().statusCode(200).extract().jsonPath();
        assertThat(json.getBoolean("ticket.is_public")).isFalse();
        List<Boolean> visibility = fixtures.as(agent).get("/api/v2/tickets/" + id + "/comments.json").then().statusCode(200)
                .extract().jsonPath().getList("comments.public", Boolean.class);
        assertThat(visibility).containsExactly(false, false);
    }

    @Test
    void r12_onAPublicTicketACommentWithoutPublicIsPublic() {
        long id = publicTicket();
        fixtures.as(agent).body(Map.of("ticket", Map.of("comment", Map.of("body", "Follow-up"))))
                .put("/api/v2/tickets/" + id + ".json").then().statusCode(200);
        assertThat(fixtures.as(agent).get("/api/v2/tickets/" + id + "/comments.json").jsonPath()
                .getList("comments.public", Boolean.class)).containsExactly(true, true);
    }

    @Test
    void r15_aPublicReplyMakesAPrivateTicketPublicAndTheAuditSaysSo() {
        long id = privateTicket();
        JsonPath json = fixtures.as(agent).body(Map.of("ticket", Map.of("comment", Map.of("body", "We fixed it", "public", true))))
                .put("/api/v2/tickets/" + id + ".json").then().statusCode(200).extract().jsonPath();
        assertThat(json.getBoolean("ticket.is_public")).isTrue();
        List<Map<String, Object>> events = json.getList("audit.events");
        assertThat(events).anySatisfy(e -> {
            assertThat(e.get("type")).isEqualTo("Change");
            assertThat(e.get("field_name")).isEqualTo("is_public");
            assertThat(e.get("previous_value")).isEqualTo("false");
            assertThat(e.get("value")).isEqualTo("true");
        });
        assertThat(json.getLong("audit.author_id")).isEqualTo(agent.getId());
        assertThat(json.getString("audit.created_at")).isNotNull();
    }

    @Test
    void r16_aTicketMadePublicFromPrivateCannotBeMadePrivateAgain() {
        long id = privateTicket();
        fixtures.as(agent).body(Map.of("ticket", Map.of("comment", Map.of("body", "Now public", "public", true))))
                .put("/api/v2/tickets/" + id + ".json").then().statusCode(200);
        long publicComment = publicCommentIds(id).get(0);
        fixtures.as(agent).put("/api/v2/tickets/" + id + "/comments/" + publicComment + "/make_private.json")
                .then().statusCode(422).body("rule", equalTo("R16"));
        fixtures.as(agent).get("/api/v2/tickets/" + id + ".json").then().body("ticket.is_public", equalTo(true));
    }

    @Test
    void r17_aPublicTicketWithOnePublicCommentBecomesPrivateWhenItIsMadePrivate() {
        long id = publicTicket();
        long commentId = publicCommentIds(id).get(0);
        fixtures.as(agent).put("/api/v2/tickets/" + id + "/comments/" + commentId + "/make_private.json")
                .then().statusCode(200);
        fixtures.as(agent).get("/api/v2/tickets/" + id + ".json").then().body("ticket.is_public", equalTo(false));
        // V3: the audit trail records the comment's and the ticket's change, by whom.
        JsonPath audits = fixtures.as(agent).get("/api/v2/tickets/" + id + "/audits.json").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> last = audits.getList("audits[-1].events");
        assertThat(last).anySatisfy(e -> {
            assertThat(e.get("type")).isEqualTo("CommentPrivacyChange");
            assertThat(((Number) e.get("comment_id")).longValue()).isEqualTo(commentId);
            assertThat(e.get("public")).isEqualTo(false);
        });
        assertThat(last).anySatisfy(e -> {
            assertThat(e.get("field_name")).isEqualTo("is_public");
            assertThat(e.get("value")).isEqualTo("false");
        });
        assertThat(audits.getLong("audits[-1].author_id")).isEqualTo(agent.getId());
        // R18: a later update without "public" does not bring the comment back.
        fixtures.as(agent).body(Map.of("ticket", Map.of("comment", Map.of("body", "internal follow-up"))))
                .put("/api/v2/tickets/" + id + ".json").then().statusCode(200).body("ticket.is_public", equalTo(false));
        assertThat(publicCommentIds(id)).isEmpty();
    }

    @Test
    void r17_aTicketWithTwoPublicCommentsStaysPublicWhenOneIsMadePrivate() {
        long id = publicTicket();
        fixtures.as(agent).body(Map.of("ticket", Map.of("comment", Map.of("body", "Second reply", "public", true))))
                .put("/api/v2/tickets/" + id + ".json").then().statusCode(200);
        long first = publicCommentIds(id).get(0);
        fixtures.as(agent).put("/api/v2/tickets/" + id + "/comments/" + first + "/make_private.json").then().statusCode(200);
        fixtures.as(agent).get("/api/v2/tickets/" + id + ".json").then().body("ticket.is_public", equalTo(true));
        assertThat(publicCommentIds(id)).hasSize(1).doesNotContain(first);
    }

    @Test
    void makePrivateByAuditIdIsTheVariantTheJavaClientUses() {
        JsonPath created = create(Map.of("subject", "x", "requester_id", customer.getId(), "comment", Map.of("body", "oops")));
        long id = created.getLong("ticket.id");
        long auditId = created.getLong("audit.id");
        // The Java client sends no body and no content type.
        io.restassured.RestAssured.given().baseUri("http://localhost").port(port)
                .auth().preemptive().basic(agent.getEmail() + "/token", fixtures.apiToken())
                .put("/api/v2/tickets/" + id + "/audits/" + auditId + "/make_private.json").then().statusCode(200);
        fixtures.as(agent).get("/api/v2/tickets/" + id + ".json").then().body("ticket.is_public", equalTo(false));
    }

    private List<Long> publicCommentIds(long ticketId) {
        return fixtures.as(agent).get("/api/v2/tickets/" + ticketId + "/comments.json?public=true").then().statusCode(200)
                .extract().jsonPath().getList("comments.id", Long.class);
    }

    @Test
    void commentHtmlIsSanitised() {
        long id = create(Map.of("subject", "x", "requester_id", customer.getId(), "comment",
                Map.of("html_body", "<p onclick=\"steal()\">Hi <script>alert(1)</script><a href=\"javascript:evil()\">x</a><b>bold</b></p>")))
                .getLong("ticket.id");
        String html = fixtures.as(agent).get("/api/v2/tickets/" + id + "/comments.json").jsonPath().getString("comments[0].html_body");
        assertThat(html).contains("<b>bold</b>").doesNotContain("script").doesNotContain("onclick").doesNotContain("javascript");
    }

    @Test
    void statusLifeCycle() {
        long id = publicTicket();
        fixtures.as(agent).body(Map.of("ticket", Map.of("status", "closed"))).put("/api/v2/tickets/" + id + ".json")
                .then().statusCode(422).body("rule", equalTo("R5"));
        fixtures.as(agent).body(Map.of("ticket", Map.of("status", "solved"))).put("/api/v2/tickets/" + id + ".json")
                .then().statusCode(200).body("ticket.status", equalTo("solved"));
        fixtures.as(agent).body(Map.of("ticket", Map.of("status", "new"))).put("/api/v2/tickets/" + id + ".json")
                .then().statusCode(422).body("rule", equalTo("R5"));
        fixtures.as(agent).body(Map.of("ticket", Map.of("status", "closed"))).put("/api/v2/tickets/" + id + ".json")
                .then().statusCode(200).body("ticket.status", equalTo("closed"));
        fixtures.as(agent).body(Map.of("ticket", Map.of("comment", Map.of("body", "too late")))).put("/api/v2/tickets/" + id + ".json")
                .then().statusCode(422).body("details.status[0].description", containsString("closed"));
        fixtures.as(agent).body(Map.of("ticket", Map.of("status", "bogus"))).put("/api/v2/tickets/" + id + ".json")
                .then().statusCode(422).body("details.status[0].description", containsString("bogus"));
    }

    @Test
    void assigningAnAgentOpensANewTicket() {
        long id = publicTicket();
        fixtures.as(agent).body(Map.of("ticket", Map.of("assignee_id", agent.getId()))).put("/api/v2/tickets/" + id + ".json")
                .then().statusCode(200).body("ticket.status", equalTo("open")).body("ticket.assignee_id", equalTo(agent.getId().intValue()));
        fixtures.as(agent).body(Map.of("ticket", Map.of("assignee_id", customer.getId()))).put("/api/v2/tickets/" + id + ".json")
                .then().statusCode(422).body("details.assignee_id", notNullValue());
    }

    @Test
    void readOnlyFieldsEchoedBackByClientsAreIgnored() {
        long id = publicTicket();
        Map<String, Object> ticket = fixtures.as(agent).get("/api/v2/tickets/" + id + ".json").jsonPath().getMap("ticket");
        ticket.put("subject", "Changed subject");
        ticket.put("is_public", false);
        ticket.put("created_at", "2024-01-01T00:00:00.000+00:00");
        fixtures.as(agent).body(Map.of("ticket", ticket)).put("/api/v2/tickets/" + id + ".json").then().statusCode(200)
                .body("ticket.subject", equalTo("Changed subject")).body("ticket.is_public", equalTo(true))
                .body("audit.events.field_name", equalTo(List.of("subject")));
    }

    @Test
    void tagsCcsAndShowMany() {
        User cc = fixtures.endUser("Cecil Cc");
        long id = create(Map.of("subject", "x", "requester_id", customer.getId(), "tags", List.of("VIP", "router"),
                "email_ccs", List.of(Map.of("user_id", cc.getId(), "action", "put")),
                "comment", Map.of("body", "hi"))).getLong("ticket.id");
        long other = publicTicket();
        fixtures.as(agent).get("/api/v2/tickets/show_many.json?ids=" + id + "," + other + ",999999999").then().statusCode(200)
                .body("tickets.id", equalTo(List.of((int) id, (int) other)))
                .body("tickets[0].tags", equalTo(List.of("router", "vip")))
                .body("tickets[0].collaborator_ids", equalTo(List.of(cc.getId().intValue())));
        fixtures.as(agent).body(Map.of("ticket", Map.of("additional_tags", List.of("urgent"), "remove_tags", List.of("vip"))))
                .put("/api/v2/tickets/" + id + ".json").then().statusCode(200).body("ticket.tags", equalTo(List.of("router", "urgent")));
    }

    @Test
    void deletedTicketsAreGoneEverywhere() {
        long id = publicTicket();
        fixtures.as(agent).delete("/api/v2/tickets/" + id + ".json").then().statusCode(204);
        fixtures.as(agent).get("/api/v2/tickets/" + id + ".json").then().statusCode(404).body("error", equalTo("RecordNotFound"));
        fixtures.as(customer).get("/api/v2/requests/" + id + ".json").then().statusCode(404);
    }

    @Test
    void offsetAndCursorPaginationWithAbsoluteLinks() {
        User requester = fixtures.endUser("Paula Pages");
        for (int i = 0; i < 5; i++) {
            create(Map.of("subject", "Page " + i, "requester_id", requester.getId(), "comment", Map.of("body", "b" + i)));
        }
        String base = "/api/v2/users/" + requester.getId() + "/tickets/requested.json";
        JsonPath page1 = fixtures.as(agent).get(base + "?per_page=2").jsonPath();
        assertThat(page1.getList("tickets")).hasSize(2);
        assertThat(page1.getInt("count")).isEqualTo(5);
        assertThat(page1.getString("next_page")).startsWith("http://localhost:" + port + "/api/v2/users/")
                .contains("page=2").contains("per_page=2");
        assertThat(page1.getString("previous_page")).isNull();

        // Cursor pagination: follow links.next verbatim until it is null.
        String next = "http://localhost:" + port + base + "?page%5Bsize%5D=2";
        List<String> subjects = new java.util.ArrayList<>();
        int pages = 0;
        while (next != null) {
            JsonPath page = fixtures.as(agent).urlEncodingEnabled(false).get(next).then().statusCode(200).extract().jsonPath();
            subjects.addAll(page.getList("tickets.subject", String.class));
            next = page.getString("links.next");
            assertThat(next == null || next.contains("page%5Bafter%5D")).isTrue();
            assertThat(page.getBoolean("meta.has_more")).isEqualTo(next != null);
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(subjects).containsExactly("Page 0", "Page 1", "Page 2", "Page 3", "Page 4");
        // Raw brackets, as some clients send them, work too.
        fixtures.as(agent).urlEncodingEnabled(false).get(base + "?page[size]=1").then().statusCode(200)
                .body("tickets.size()", equalTo(1));
    }

    @Test
    void pathsWorkWithAndWithoutJsonSuffix() {
        long id = publicTicket();
        fixtures.as(agent).get("/api/v2/tickets/" + id).then().statusCode(200).body("ticket.id", equalTo((int) id));
        fixtures.as(agent).get("/api/v2/tickets/" + id + ".json").then().statusCode(200).body("ticket.id", equalTo((int) id));
    }

    @Test
    void badInputAnswersZendeskErrorsNeverA500() {
        fixtures.as(agent).body("{\"ticket\": {").post("/api/v2/tickets.json").then().statusCode(400).body("error", equalTo("InvalidJSON"));
        fixtures.as(agent).body(Map.of("ticket", Map.of("subject", "no comment"))).post("/api/v2/tickets.json")
                .then().statusCode(422).body("error", equalTo("RecordInvalid")).body("details.comment", notNullValue());
        fixtures.as(agent).body(Map.of("ticket", Map.of("requester_id", "abc", "comment", Map.of("body", "x"))))
                .post("/api/v2/tickets.json").then().statusCode(422).body("details.requester_id", notNullValue());
        fixtures.as(agent).body(Map.of("ticket", Map.of("requester_id", 987654321, "comment", Map.of("body", "x"))))
                .post("/api/v2/tickets.json").then().statusCode(422).body("details.requester_id[0].description", containsString("does not exist"));
        fixtures.as(agent).body(Map.of("nope", 1)).post("/api/v2/tickets.json").then().statusCode(422);
        fixtures.as(agent).body("[1,2]").post("/api/v2/tickets.json").then().statusCode(400);
        fixtures.as(agent).get("/api/v2/tickets/987654321.json").then().statusCode(404).body("error", equalTo("RecordNotFound"));
        fixtures.as(agent).get("/api/v2/tickets/abc.json").then().statusCode(404);
        fixtures.as(agent).get("/api/v2/no_such_thing.json").then().statusCode(404).body("error", equalTo("InvalidEndpoint"));
        fixtures.as(agent).patch("/api/v2/tickets.json").then().statusCode(405).body("error", equalTo("InvalidEndpoint"));
        fixtures.as(agent).contentType("text/plain").body("x").post("/api/v2/tickets.json").then().statusCode(415)
                .body("error", equalTo("UnsupportedMediaType"));
        fixtures.as(agent).get("/api/v2/tickets.json?page=0").then().statusCode(400);
        fixtures.as(agent).get("/api/v2/tickets.json?page=101&per_page=100").then().statusCode(400);
        String huge = "x".repeat(3 * 1024 * 1024);
        fixtures.as(agent).body(Map.of("ticket", Map.of("comment", Map.of("body", huge)))).post("/api/v2/tickets.json")
                .then().statusCode(413).body("error", equalTo("RequestTooLarge"));
        String long70k = "y".repeat(70_000);
        fixtures.as(agent).body(Map.of("ticket", Map.of("comment", Map.of("body", long70k)))).post("/api/v2/tickets.json")
                .then().statusCode(422).body("details.'comment.body'", notNullValue());
    }

    @Test
    void authenticationAndRoles() {
        anonymous().get("/api/v2/tickets.json").then().statusCode(401).body("error", equalTo("Couldn't authenticate you"));
        anonymous().auth().preemptive().basic(agent.getEmail() + "/token", "wrong-token").get("/api/v2/tickets.json")
                .then().statusCode(401);
        anonymous().auth().preemptive().basic(agent.getEmail(), "no-password-set").get("/api/v2/tickets.json")
                .then().statusCode(401);
        fixtures.as(customer).get("/api/v2/tickets.json").then().statusCode(403).body("error", equalTo("Forbidden"));
        fixtures.as(customer).body(Map.of("ticket", Map.of("comment", Map.of("body", "x")))).post("/api/v2/tickets.json")
                .then().statusCode(403);
        fixtures.as(agent).body(Map.of("settings", Map.of("tickets", Map.of("is_first_comment_private_enabled", true))))
                .put("/api/v2/account/settings.json").then().statusCode(403);
        fixtures.as(agent).get("/api/v2/account/settings.json").then().statusCode(200)
                .body("settings.tickets.is_first_comment_private_enabled", equalTo(false));
    }

    @Test
    void r8_onlyAnAdminTurnsPrivateTicketCreationOnAndItIsOffByDefault() {
        fixtures.asAdmin().body(Map.of("settings", Map.of("tickets", Map.of("is_first_comment_private_enabled", true))))
                .put("/api/v2/account/settings.json").then().statusCode(200)
                .body("settings.tickets.is_first_comment_private_enabled", equalTo(true));
        fixtures.asAdmin().body(Map.of("settings", Map.of("tickets", Map.of("is_first_comment_private_enabled", false))))
                .put("/api/v2/account/settings.json").then().statusCode(200)
                .body("settings.tickets.is_first_comment_private_enabled", equalTo(false));
    }

    @Test
    void safeUpdateRefusesAStaleChange() {
        long id = publicTicket();
        fixtures.as(agent).body(Map.of("ticket", Map.of("subject", "x", "safe_update", true, "updated_stamp", "2001-01-01T00:00:00Z")))
                .put("/api/v2/tickets/" + id + ".json").then().statusCode(409);
        String stamp = fixtures.as(agent).get("/api/v2/tickets/" + id + ".json").jsonPath().getString("ticket.updated_at");
        fixtures.as(agent).body(Map.of("ticket", Map.of("subject", "fresh", "safe_update", true, "updated_stamp", stamp)))
                .put("/api/v2/tickets/" + id + ".json").then().statusCode(200).body("ticket.subject", equalTo("fresh"));
    }

    @Test
    void unchangedUpdateReturnsNoAudit() {
        long id = publicTicket();
        fixtures.as(agent).body(Map.of("ticket", Map.of("has_incidents", false))).put("/api/v2/tickets/" + id + ".json")
                .then().statusCode(200).body("audit", nullValue()).body("ticket.id", equalTo((int) id));
    }

    @Test
    void groupsAndAssignment() {
        var group = fixtures.group("Support");
        fixtures.asAdmin().body(Map.of("group_membership", Map.of("user_id", agent.getId(), "group_id", group.getId())))
                .post("/api/v2/group_memberships.json").then().statusCode(201);
        long id = create(Map.of("subject", "queue", "requester_id", customer.getId(), "group_id", group.getId(),
                "comment", Map.of("body", "for the queue"))).getLong("ticket.id");
        fixtures.as(agent).get("/api/v2/tickets/" + id + ".json").then().body("ticket.group_id", equalTo(group.getId().intValue()))
                .body("ticket.assignee_id", nullValue());
        User outsider = fixtures.agent("Otto Outsider");
        fixtures.as(agent).body(Map.of("ticket", Map.of("assignee_id", outsider.getId(), "group_id", group.getId())))
                .put("/api/v2/tickets/" + id + ".json").then().statusCode(422);
        fixtures.as(agent).body(Map.of("ticket", Map.of("assignee_id", agent.getId()))).put("/api/v2/tickets/" + id + ".json")
                .then().statusCode(200).body("ticket.group_id", equalTo(group.getId().intValue()));
        fixtures.as(agent).get("/api/v2/tickets/" + id + "/comments/count.json").then().statusCode(200).body("count.value", equalTo(1));
        fixtures.as(agent).get("/api/v2/users/" + customer.getId() + "/tickets/requested.json").then()
                .body("tickets.id", hasItem((int) id));
        fixtures.as(agent).get("/api/v2/users/" + customer.getId() + "/tickets/requested.json").then()
                .body("tickets.id", not(hasItem(-1)));
    }

    @Test
    void concurrentCreatesForTheSameNewRequesterMakeOneUser() throws Exception {
        String email = Fixtures.unique("race-") + "@example.test";
        var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                results.add(pool.submit(() -> fixtures.as(agent).body(Map.of("ticket", Map.of("subject", "race",
                        "requester", Map.of("name", "Racy", "email", email), "comment", Map.of("body", "hi"))))
                        .post("/api/v2/tickets.json").statusCode()));
            }
            for (var r : results) {
                assertThat(r.get()).isEqualTo(201);
            }
        } finally {
            pool.shutdown();
        }
        fixtures.as(agent).get("/api/v2/users/search.json?query=email:" + email).then().statusCode(200).body("count", equalTo(1));
    }
}
