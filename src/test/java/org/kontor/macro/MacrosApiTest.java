package org.kontor.macro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kontor.group.Group;
import org.kontor.group.GroupService;
import org.kontor.support.Fixtures;
import org.kontor.support.IntegrationTest;
import org.kontor.user.User;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Zendesk's Macros API: admins keep shared macros, agents their personal ones; a group's macros are for its members;
 * apply proposes the reply (placeholders filled in) and fields, and saves nothing.
 */
class MacrosApiTest extends IntegrationTest {
    @Autowired
    GroupService groups;
    @Autowired
    MacroService service;

    private long createMacro(User by, Map<String, Object> macro) {
        return fixtures.as(by).body(Map.of("macro", macro)).post("/api/v2/macros.json").then().statusCode(201)
                .extract().jsonPath().getLong("macro.id");
    }

    private long ticket(User agent, User requester) {
        return fixtures.as(agent).body(Map.of("ticket", Map.of("subject", "Refund please", "requester_id", requester.getId(),
                        "priority", "high", "tags", List.of("billing", "vip"), "comment", Map.of("body", "Please refund order 42"))))
                .post("/api/v2/tickets.json").then().statusCode(201).extract().jsonPath().getLong("ticket.id");
    }

    @Test
    void applyProposesTheReplyWithPlaceholdersAndTheFieldsAndSavesNothing() {
        User agent = fixtures.agent("Maggie Macro");
        User customer = fixtures.endUser("Rudi Refund");
        String title = Fixtures.unique("Refund done ");
        long macroId = createMacro(fixtures.rootAdminUser(), Map.of("title", title, "actions", List.of(
                Map.of("field", "comment_value", "value", "Hi {{ticket.requester.first_name}}, ticket #{{ticket.id}} is refunded. {{current_user.first_name}}"),
                Map.of("field", "comment_mode_is_public", "value", "true"),
                Map.of("field", "status", "value", "solved"),
                Map.of("field", "priority", "value", ""),
                Map.of("field", "assignee_id", "value", "current_user"),
                Map.of("field", "current_tags", "value", "refunded"),
                Map.of("field", "remove_tags", "value", "vip"))));
        long ticketId = ticket(agent, customer);

        JsonPath result = fixtures.as(agent).get("/api/v2/tickets/" + ticketId + "/macros/" + macroId + "/apply.json")
                .then().statusCode(200).extract().jsonPath();

        assertThat(result.getLong("result.ticket.id")).isEqualTo(ticketId);
        assertThat(result.getString("result.ticket.status")).isEqualTo("solved");
        assertThat(result.getMap("result.ticket")).containsEntry("priority", null).doesNotContainKey("type");
        assertThat(result.getLong("result.ticket.assignee_id")).isEqualTo(agent.getId());
        assertThat(result.getList("result.ticket.tags", String.class)).containsExactly("billing", "refunded");
        assertThat(result.getString("result.comment.body")).isEqualTo("Hi Rudi, ticket #" + ticketId + " is refunded. Maggie");
        assertThat(result.getBoolean("result.comment.public")).isTrue();
        assertThat(result.getList("result.comment.scoped_body[0]", String.class)).containsExactly("channel:all",
                "Hi Rudi, ticket #" + ticketId + " is refunded. Maggie");
        JsonPath ticket = fixtures.as(agent).get("/api/v2/tickets/" + ticketId + ".json").jsonPath();
        assertThat(ticket.getString("ticket.status")).isEqualTo("new");
        assertThat(ticket.getString("ticket.priority")).isEqualTo("high");
        assertThat(ticket.getList("ticket.tags", String.class)).containsExactlyInAnyOrder("billing", "vip");
        assertThat(fixtures.as(agent).get("/api/v2/tickets/" + ticketId + "/comments.json").jsonPath().getList("comments")).hasSize(1);
    }

    @Test
    void anHtmlReplyIsProposedAsHtmlAndAsItsText() {
        User agent = fixtures.agent("Hanna Html");
        User customer = fixtures.endUser("Hugo Html");
        long macroId = createMacro(fixtures.rootAdminUser(), Map.of("title", Fixtures.unique("Html "), "actions", List.of(
                Map.of("field", "comment_value_html", "value", "<p>Hello <b>{{ticket.requester.first_name}}</b></p>"),
                Map.of("field", "comment_mode_is_public", "value", "false"))));
        long ticketId = ticket(agent, customer);

        JsonPath result = fixtures.as(agent).get("/api/v2/tickets/" + ticketId + "/macros/" + macroId + "/apply.json")
                .then().statusCode(200).extract().jsonPath();

        assertThat(result.getString("result.comment.html_body")).isEqualTo("<p>Hello <b>Hugo</b></p>");
        assertThat(result.getString("result.comment.body")).isEqualTo("Hello Hugo");
        assertThat(result.getBoolean("result.comment.public")).isFalse();
        assertThat(result.getMap("result.ticket")).containsOnlyKeys("id");
    }

    @Test
    void sharedMacrosAreAdminsBusinessGroupMacrosForMembersAndPersonalOnesForTheirOwner() {
        User admin = fixtures.rootAdminUser();
        User member = fixtures.agent("Gina Group");
        User outsider = fixtures.agent("Otto Outside");
        User customer = fixtures.endUser("Ella Enduser");
        Group billing = groups.create(Fixtures.unique("Billing "), null);
        groups.addMember(member.getId(), billing.getId(), false);
        List<Map<String, String>> note = List.of(Map.of("field", "comment_value", "value", "Checked."));
        long shared = createMacro(admin, Map.of("title", Fixtures.unique("Shared "), "actions", note));
        long forBilling = createMacro(admin, Map.of("title", Fixtures.unique("Billing only "), "actions", note,
                "restriction", Map.of("type", "Group", "ids", List.of(billing.getId()))));
        long personal = createMacro(outsider, Map.of("title", Fixtures.unique("Mine "), "actions", note));

        assertThat(fixtures.as(member).get("/api/v2/macros.json").jsonPath().getList("macros.id", Long.class))
                .contains(shared, forBilling).doesNotContain(personal);
        assertThat(fixtures.as(outsider).get("/api/v2/macros/active.json").jsonPath().getList("macros.id", Long.class))
                .contains(shared, personal).doesNotContain(forBilling);
        fixtures.as(outsider).get("/api/v2/macros/" + forBilling + ".json").then().statusCode(404);
        long ticketId = ticket(outsider, customer);
        fixtures.as(outsider).get("/api/v2/tickets/" + ticketId + "/macros/" + forBilling + "/apply.json").then().statusCode(404);
        fixtures.as(outsider).get("/api/v2/macros/" + personal + ".json").then().statusCode(200)
                .body("macro.restriction.type", equalTo("User")).body("macro.restriction.id", equalTo(outsider.getId().intValue()));
        assertThat(fixtures.asAdmin().get("/api/v2/macros.json").jsonPath().getList("macros.id", Long.class))
                .contains(shared, forBilling, personal);
        // The admin's own ticket page menu leaves out agents' personal macros; the owner's has theirs.
        assertThat(service.menu(fixtures.adminActor())).extracting(Macro::getId).contains(shared, forBilling).doesNotContain(personal);
        assertThat(service.menu(org.kontor.user.Actor.of(outsider))).extracting(Macro::getId).contains(shared, personal)
                .doesNotContain(forBilling);

        // Agents change their own macros only; a shared one, or making theirs shared, is refused.
        fixtures.as(outsider).body(Map.of("macro", Map.of("title", "Renamed"))).put("/api/v2/macros/" + shared + ".json")
                .then().statusCode(403);
        fixtures.as(outsider).body(Map.of("macro", Map.of("restriction", Map.of("type", "Group", "id", billing.getId()))))
                .put("/api/v2/macros/" + personal + ".json").then().statusCode(403);
        fixtures.as(outsider).body(Map.of("macro", Map.of("title", "Mine, renamed", "active", false)))
                .put("/api/v2/macros/" + personal + ".json").then().statusCode(200)
                .body("macro.title", equalTo("Mine, renamed")).body("macro.active", equalTo(false));
        assertThat(fixtures.as(outsider).get("/api/v2/macros/active.json").jsonPath().getList("macros.id", Long.class))
                .doesNotContain(personal);
        fixtures.as(member).delete("/api/v2/macros/" + personal + ".json").then().statusCode(404);
        fixtures.as(outsider).delete("/api/v2/macros/" + personal + ".json").then().statusCode(204);
        fixtures.as(outsider).get("/api/v2/macros/" + personal + ".json").then().statusCode(404);
        fixtures.as(customer).get("/api/v2/macros.json").then().statusCode(403);
    }

    @Test
    void invalidMacrosAreRefusedWithEveryProblemNamed() {
        User admin = fixtures.rootAdminUser();
        fixtures.as(admin).body(Map.of("macro", Map.of("title", "Broken", "actions", List.of(
                        Map.of("field", "status", "value", "closed"),
                        Map.of("field", "colour", "value", "red"),
                        Map.of("field", "assignee_id", "value", "someone"),
                        Map.of("field", "comment_value", "value", "{% if %}")))))
                .post("/api/v2/macros.json").then().statusCode(422).body("error", equalTo("RecordInvalid"))
                .body("details.actions.size()", equalTo(4))
                .body("details.actions[0].description", equalTo("Actions: status: \"closed\" is not one of [open, pending, hold, solved]"))
                .body("details.actions[1].description", org.hamcrest.Matchers.startsWith("Actions: unknown field \"colour\"; known: ["));
        fixtures.as(admin).body(Map.of("macro", Map.of("actions", List.of(Map.of("field", "status", "value", "open")))))
                .post("/api/v2/macros.json").then().statusCode(422).body("details.title[0].description", equalTo("Title: cannot be blank"));
        fixtures.as(admin).body(Map.of("macro", Map.of("title", "No actions", "actions", List.of())))
                .post("/api/v2/macros.json").then().statusCode(422)
                .body("details.actions[0].description", equalTo("Actions: a macro needs at least one action"));
        fixtures.as(admin).body(Map.of("macro", Map.of("title", "Nobody's", "actions", List.of(Map.of("field", "status", "value", "open")),
                "restriction", Map.of("type", "Group", "id", 987654321)))).post("/api/v2/macros.json").then().statusCode(422);
        fixtures.as(admin).body(Map.of("macro", Map.of("title", "x".repeat(256), "actions", List.of(Map.of("field", "status", "value", "open")))))
                .post("/api/v2/macros.json").then().statusCode(422);
        fixtures.as(admin).body("{\"macro\": ").post("/api/v2/macros.json").then().statusCode(400);
    }
}
