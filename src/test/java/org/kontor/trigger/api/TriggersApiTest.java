package org.kontor.trigger.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kontor.support.IntegrationTest;
import org.kontor.user.User;

/** Zendesk's Triggers API: shape, admin-only, validation errors in Zendesk's shape, reorder and update_many. */
class TriggersApiTest extends IntegrationTest {
    private static final String PASSWORD = "trigger page password";

    private static Map<String, Object> trigger(String title) {
        return Map.of("title", title,
                "conditions", Map.of("all", List.of(Map.of("field", "update_type", "operator", "is", "value", "Create"),
                        Map.of("field", "current_tags", "operator", "includes", "value", "never_used_tag")), "any", List.of()),
                "actions", List.of(Map.of("field", "priority", "value", "high"),
                        Map.of("field", "notification_user", "value", List.of("requester_id", "Hi {{ticket.title}}", "Body"))));
    }

    private long create(String title) {
        return fixtures.asAdmin().body(Map.of("trigger", trigger(title))).post("/api/v2/triggers.json")
                .then().statusCode(201).extract().jsonPath().getLong("trigger.id");
    }

    @Test
    void v3_aChangeMadeByATriggerNamesTheTriggerInTheAuditAsZendeskDoes() {
        String tag = org.kontor.support.Fixtures.unique("vip").toLowerCase(java.util.Locale.ROOT);
        String title = "Escalate " + tag;
        long triggerId = fixtures.asAdmin().body(Map.of("trigger", Map.of("title", title,
                        "conditions", Map.of("all", List.of(Map.of("field", "update_type", "operator", "is", "value", "Create"),
                                Map.of("field", "current_tags", "operator", "includes", "value", tag))),
                        "actions", List.of(Map.of("field", "priority", "value", "urgent")))))
                .post("/api/v2/triggers.json").then().statusCode(201).extract().jsonPath().getLong("trigger.id");
        try {
            User requester = fixtures.endUser("Rule Audit Requester");
            long ticketId = fixtures.asAdmin().body(Map.of("ticket", Map.of("subject", "Rule audit", "requester_id", requester.getId(),
                            "tags", List.of(tag), "comment", Map.of("body", "Please escalate"))))
                    .post("/api/v2/tickets.json").then().statusCode(201).extract().jsonPath().getLong("ticket.id");

            JsonPath audits = fixtures.asAdmin().get("/api/v2/tickets/" + ticketId + "/audits.json").then().statusCode(200)
                    .extract().jsonPath();
            List<Map<String, Object>> events = audits.getList("audits[0].events");
            Map<String, Object> byRule = events.stream()
                    .filter(e -> "Change".equals(e.get("type")) && "priority".equals(e.get("field_name"))).findFirst().orElseThrow();
            assertThat(byRule.get("value")).isEqualTo("urgent");
            int index = events.indexOf(byRule);
            assertThat(audits.getString("audits[0].events[" + index + "].via.channel")).isEqualTo("rule");
            assertThat(audits.getString("audits[0].events[" + index + "].via.source.rel")).isEqualTo("trigger");
            assertThat(audits.getLong("audits[0].events[" + index + "].via.source.from.id")).isEqualTo(triggerId);
            assertThat(audits.getString("audits[0].events[" + index + "].via.source.from.title")).isEqualTo(title);
            // The agent's own values carry no rule.
            assertThat(events.stream().filter(e -> "Create".equals(e.get("type"))).map(e -> e.get("via"))).containsOnlyNulls();
        } finally {
            fixtures.asAdmin().delete("/api/v2/triggers/" + triggerId + ".json").then().statusCode(204);
        }
    }

    @Test
    void theDefaultTriggersAreThereWithTheirPrivacyConditions() {
        JsonPath json = fixtures.asAdmin().get("/api/v2/triggers.json").then().statusCode(200).extract().jsonPath();
        assertThat(json.getList("triggers.title", String.class)).contains("Notify requester of new proactive ticket",
                "Notify requester of received request", "Notify requester and CCs of comment update", "Notify assignee of assignment",
                "Notify assignee of comment update", "Notify group of assignment", "Notify all agents of received request");
        Map<String, Object> proactive = json.getMap("triggers.find { it.title == 'Notify requester of new proactive ticket' }");
        assertThat(proactive.get("default")).isEqualTo(true);
        assertThat(proactive.toString()).contains("ticket_is_public");
    }

    @Test
    void createShowUpdateAndDeleteInZendesksShape() {
        Response created = fixtures.asAdmin().body(Map.of("trigger", trigger("API shape"))).post("/api/v2/triggers.json");
        created.then().statusCode(201);
        JsonPath json = created.jsonPath();
        long id = json.getLong("trigger.id");
        assertThat(created.header("Location")).endsWith("/api/v2/triggers/" + id + ".json");
        assertThat(json.getString("trigger.url")).endsWith("/api/v2/triggers/" + id + ".json");
        assertThat(json.getBoolean("trigger.active")).isTrue();
        assertThat(json.getInt("trigger.position")).isPositive();
        assertThat(json.getList("trigger.conditions.all.field", String.class)).containsExactly("update_type", "current_tags");
        assertThat(json.getList("trigger.conditions.any")).isEmpty();
        assertThat(json.getString("trigger.actions[0].value")).isEqualTo("high");
        assertThat(json.getList("trigger.actions[1].value", String.class)).containsExactly("requester_id", "Hi {{ticket.title}}", "Body");

        fixtures.asAdmin().get("/api/v2/triggers/" + id + ".json").then().statusCode(200).body("trigger.title", equalTo("API shape"));
        fixtures.asAdmin().body(Map.of("trigger", Map.of("title", "Renamed", "active", false))).put("/api/v2/triggers/" + id + ".json")
                .then().statusCode(200).body("trigger.title", equalTo("Renamed")).body("trigger.active", equalTo(false))
                .body("trigger.actions[0].value", equalTo("high"));
        fixtures.asAdmin().get("/api/v2/triggers/active.json").then().statusCode(200);
        assertThat(fixtures.asAdmin().get("/api/v2/triggers/active.json").jsonPath().getList("triggers.id", Long.class)).doesNotContain(id);
        fixtures.asAdmin().delete("/api/v2/triggers/" + id + ".json").then().statusCode(204);
        fixtures.asAdmin().get("/api/v2/triggers/" + id + ".json").then().statusCode(404).body("error", equalTo("RecordNotFound"));
    }

    @Test
    void legacyTopLevelAllAndAnyAreAccepted() {
        long id = fixtures.asAdmin().body(Map.of("trigger", Map.of("title", "Legacy",
                        "all", List.of(Map.of("field", "status", "operator", "is", "value", "solved"),
                                Map.of("field", "current_tags", "operator", "includes", "value", "never_used_tag")),
                        "actions", List.of(Map.of("field", "set_tags", "value", "done")))))
                .post("/api/v2/triggers.json").then().statusCode(201).extract().jsonPath().getLong("trigger.id");
        fixtures.asAdmin().get("/api/v2/triggers/" + id + ".json").then().body("trigger.conditions.all.field", hasItem("status"));
        fixtures.asAdmin().delete("/api/v2/triggers/" + id + ".json").then().statusCode(204);
    }

    @Test
    void invalidTriggersAnswer422InZendesksShapeNamingTheProblem() {
        fixtures.asAdmin().body(Map.of("trigger", Map.of("title", "Bad", "conditions", Map.of("all",
                        List.of(Map.of("field", "no_such_field", "operator", "is", "value", "x"))),
                        "actions", List.of(Map.of("field", "status", "value", "open")))))
                .post("/api/v2/triggers.json").then().statusCode(422).body("error", equalTo("RecordInvalid"))
                .body("details.conditions[0].description", org.hamcrest.Matchers.containsString("no_such_field"));
        fixtures.asAdmin().body(Map.of("trigger", Map.of("title", "Bad status", "conditions", Map.of("all",
                        List.of(Map.of("field", "status", "operator", "is", "value", "opened"))),
                        "actions", List.of(Map.of("field", "status", "value", "open")))))
                .post("/api/v2/triggers.json").then().statusCode(422);
        fixtures.asAdmin().body(Map.of("trigger", Map.of("title", "Bad template", "conditions", Map.of("all",
                        List.of(Map.of("field", "status", "operator", "is", "value", "open"))),
                        "actions", List.of(Map.of("field", "notification_user", "value", List.of("requester_id", "Hi", "{% if %}"))))))
                .post("/api/v2/triggers.json").then().statusCode(422).body("details.actions[0].description",
                        org.hamcrest.Matchers.containsString("Liquid"));
        fixtures.asAdmin().body(Map.of("trigger", Map.of("title", "No actions", "conditions", Map.of("all",
                        List.of(Map.of("field", "status", "operator", "is", "value", "open"))))))
                .post("/api/v2/triggers.json").then().statusCode(422).body("details.actions", org.hamcrest.Matchers.notNullValue());
        fixtures.asAdmin().body(Map.of("trigger", Map.of())).post("/api/v2/triggers.json").then().statusCode(422);
        fixtures.asAdmin().body("not json").post("/api/v2/triggers.json").then().statusCode(400);
    }

    @Test
    void onlyAdminsManageTriggers() {
        User agent = fixtures.agent("Trigger Curious Agent");
        User endUser = fixtures.endUser("Trigger Curious End User");
        fixtures.as(agent).get("/api/v2/triggers.json").then().statusCode(403).body("error", equalTo("Forbidden"));
        fixtures.as(agent).body(Map.of("trigger", trigger("Agent's"))).post("/api/v2/triggers.json").then().statusCode(403);
        fixtures.as(endUser).get("/api/v2/triggers.json").then().statusCode(403);
        anonymous().get("/api/v2/triggers.json").then().statusCode(401);
    }

    @Test
    void reorderAndUpdateManyChangePositionsAndActiveFlags() {
        long a = create("Order A");
        long b = create("Order B");
        List<Long> all = fixtures.asAdmin().get("/api/v2/triggers.json").jsonPath().getList("triggers.id", Long.class);
        List<Long> wanted = new java.util.ArrayList<>(all);
        wanted.remove(b);
        wanted.add(0, b);
        fixtures.asAdmin().body(Map.of("trigger_ids", wanted)).put("/api/v2/triggers/reorder.json").then().statusCode(200);
        assertThat(fixtures.asAdmin().get("/api/v2/triggers.json").jsonPath().getList("triggers.id", Long.class).get(0)).isEqualTo(b);

        fixtures.asAdmin().body(Map.of("triggers", List.of(Map.of("id", a, "position", 0, "active", false))))
                .put("/api/v2/triggers/update_many.json").then().statusCode(200);
        JsonPath after = fixtures.asAdmin().get("/api/v2/triggers/" + a + ".json").jsonPath();
        assertThat(after.getBoolean("trigger.active")).isFalse();
        assertThat(after.getInt("trigger.position")).isZero();
        fixtures.asAdmin().body(Map.of("triggers", List.of(Map.of("id", 999_999_999, "active", false))))
                .put("/api/v2/triggers/update_many.json").then().statusCode(422);
        fixtures.asAdmin().delete("/api/v2/triggers/" + a + ".json").then().statusCode(204);
        fixtures.asAdmin().delete("/api/v2/triggers/" + b + ".json").then().statusCode(204);
    }

    // The admin pages (session sign-in, CSRF).

    private static String csrf(Response page) {
        String html = page.asString();
        int at = html.indexOf("name=\"_csrf\"");
        int value = html.indexOf("value=\"", at) + "value=\"".length();
        return html.substring(value, html.indexOf('"', value));
    }

    private String signIn(User user) {
        fixtures.users().setPassword(user.getId(), PASSWORD, fixtures.adminActor());
        Response page = anonymous().get("/login");
        Response ok = anonymous().cookies(page.cookies()).formParam("username", user.getEmail()).formParam("password", PASSWORD)
                .formParam("_csrf", csrf(page)).redirects().follow(false).post("/login");
        assertThat(ok.statusCode()).isEqualTo(302);
        return ok.cookie("JSESSIONID");
    }

    @Test
    void adminPageListsEditsDeactivatesAndReordersTriggers() {
        long id = create("Page trigger");
        String session = signIn(fixtures.admin("Trigger Page Admin"));
        Response list = anonymous().cookie("JSESSIONID", session).get("/admin/triggers");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.asString()).contains("Page trigger").contains("Notify requester of new proactive ticket");

        anonymous().cookie("JSESSIONID", session).formParam("_csrf", csrf(list)).redirects().follow(false)
                .post("/admin/triggers/" + id + "/active?value=false").then().statusCode(302);
        assertThat(fixtures.asAdmin().get("/api/v2/triggers/" + id + ".json").jsonPath().getBoolean("trigger.active")).isFalse();

        anonymous().cookie("JSESSIONID", session).formParam("_csrf", csrf(list)).redirects().follow(false)
                .post("/admin/triggers/" + id + "/move?direction=-1").then().statusCode(302);
        List<Long> order = fixtures.asAdmin().get("/api/v2/triggers.json").jsonPath().getList("triggers.id", Long.class);
        assertThat(order.indexOf(id)).isEqualTo(order.size() - 2);

        Response edit = anonymous().cookie("JSESSIONID", session).get("/admin/triggers/" + id);
        assertThat(edit.statusCode()).isEqualTo(200);
        Response bad = anonymous().cookie("JSESSIONID", session).formParam("_csrf", csrf(edit)).formParam("title", "Edited")
                .formParam("conditions", "{\"all\":[{\"field\":\"status\",\"operator\":\"is\",\"value\":\"nope\"}]}")
                .formParam("actions", "[{\"field\":\"priority\",\"value\":\"low\"}]").post("/admin/triggers/" + id);
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(bad.asString()).contains("nope");
        anonymous().cookie("JSESSIONID", session).formParam("_csrf", csrf(edit)).formParam("title", "Edited").formParam("active", "true")
                .formParam("conditions", "{\"all\":[{\"field\":\"status\",\"operator\":\"is\",\"value\":\"hold\"},"
                        + "{\"field\":\"current_tags\",\"operator\":\"includes\",\"value\":\"never_used_tag\"}]}")
                .formParam("actions", "[{\"field\":\"priority\",\"value\":\"low\"}]").redirects().follow(false)
                .post("/admin/triggers/" + id).then().statusCode(302);
        JsonPath saved = fixtures.asAdmin().get("/api/v2/triggers/" + id + ".json").jsonPath();
        assertThat(saved.getString("trigger.title")).isEqualTo("Edited");
        assertThat(saved.getBoolean("trigger.active")).isTrue();
        assertThat(saved.getString("trigger.conditions.all[0].value")).isEqualTo("hold");

        String agentSession = signIn(fixtures.agent("Trigger Page Agent"));
        assertThat(anonymous().cookie("JSESSIONID", agentSession).redirects().follow(false).get("/admin/triggers").statusCode()).isEqualTo(403);
        fixtures.asAdmin().delete("/api/v2/triggers/" + id + ".json").then().statusCode(204);
    }
}
