package org.kontor.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kontor.group.Group;
import org.kontor.support.IntegrationTest;
import org.kontor.user.User;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Condition and action combinations, table-driven, through real ticket changes over HTTP. Each case's trigger is
 * scoped to a requester of its own (so it never fires for other tests) and marks the ticket with a tag when it fires.
 */
class TriggerRulesTest extends IntegrationTest {
    @Autowired
    TriggerService triggers;

    private final List<Long> created = new ArrayList<>();
    private Scenario s;

    @BeforeEach
    void setUp() {
        fixtures.privateTicketCreation(true);
        s = new Scenario(fixtures.agent("Tess Trigger"), fixtures.endUser("Rita Requester"), fixtures.group("Triage"));
        fixtures.asAdmin().body(Map.of("group_membership", Map.of("user_id", s.agent.getId(), "group_id", s.group.getId())))
                .post("/api/v2/group_memberships.json").then().statusCode(201);
    }

    @AfterEach
    void removeTriggers() {
        created.forEach(id -> triggers.delete(id, fixtures.adminActor()));
    }

    /** The people and helpers a case's steps use. */
    final class Scenario {
        final User agent;
        final User requester;
        final Group group;

        Scenario(User agent, User requester, Group group) {
            this.agent = agent;
            this.requester = requester;
            this.group = group;
        }

        long create(Object... fields) {
            Map<String, Object> ticket = new HashMap<>(Map.of("subject", "Case", "requester_id", requester.getId(),
                    "comment", Map.of("body", "Hello")));
            for (int i = 0; i < fields.length; i += 2) {
                ticket.put((String) fields[i], fields[i + 1]);
            }
            return fixtures.as(agent).body(Map.of("ticket", ticket)).post("/api/v2/tickets.json").then().statusCode(201)
                    .extract().jsonPath().getLong("ticket.id");
        }

        long createPrivate(Object... fields) {
            List<Object> all = new ArrayList<>(List.of(fields));
            all.add("comment");
            all.add(Map.of("body", "Internal start", "public", false));
            return create(all.toArray());
        }

        long update(long id, Object... fields) {
            Map<String, Object> ticket = new HashMap<>();
            for (int i = 0; i < fields.length; i += 2) {
                ticket.put((String) fields[i], fields[i + 1]);
            }
            fixtures.as(agent).body(Map.of("ticket", ticket)).put("/api/v2/tickets/" + id + ".json").then().statusCode(200);
            return id;
        }

        long makeFirstCommentPrivate(long id) {
            long comment = fixtures.as(agent).get("/api/v2/tickets/" + id + "/comments.json").then().extract().jsonPath()
                    .getLong("comments[0].id");
            fixtures.as(agent).put("/api/v2/tickets/" + id + "/comments/" + comment + "/make_private.json").then().statusCode(200);
            return id;
        }

        long request() {
            return fixtures.as(requester).body(Map.of("request", Map.of("subject", "Help", "comment", Map.of("body", "Please"))))
                    .post("/api/v2/requests.json").then().statusCode(201).extract().jsonPath().getLong("request.id");
        }

        JsonPath ticket(long id) {
            return fixtures.as(agent).get("/api/v2/tickets/" + id + ".json").then().statusCode(200).extract().jsonPath();
        }
    }

    static Map<String, Object> c(String field, String operator, Object value) {
        Map<String, Object> m = new HashMap<>(Map.of("field", field, "operator", operator));
        if (value != null) {
            m.put("value", value);
        }
        return m;
    }

    static Arguments when(String name, List<Map<String, Object>> all, List<Map<String, Object>> any, ToLongFunction<Scenario> steps,
                          boolean fires) {
        return Arguments.of(name, all, any, steps, fires);
    }

    static Stream<Arguments> conditions() {
        List<Map<String, Object>> none = List.of();
        return Stream.of(
                when("update_type is Create, on create", List.of(c("update_type", "is", "Create")), none, x -> x.create(), true),
                when("update_type is Change, on create", List.of(c("update_type", "is", "Change")), none, x -> x.create(), false),
                when("update_type is Change, on update", List.of(c("update_type", "is", "Change")), none,
                        x -> x.update(x.create(), "priority", "low"), true),
                when("status is open", List.of(c("status", "is", "open")), none, x -> x.create("status", "open"), true),
                when("status is_not new, new ticket", List.of(c("status", "is_not", "new")), none, x -> x.create(), false),
                when("status less_than solved, pending", List.of(c("status", "less_than", "solved")), none, x -> x.create("status", "pending"), true),
                when("status greater_than open, open", List.of(c("status", "greater_than", "open")), none, x -> x.create("status", "open"), false),
                when("status changed to solved", List.of(c("status", "value", "solved")), none,
                        x -> x.update(x.create("status", "open"), "status", "solved"), true),
                when("status changed from open", List.of(c("status", "value_previous", "open")), none,
                        x -> x.update(x.create("status", "open"), "status", "pending"), true),
                when("status changed, when only priority changed", List.of(c("update_type", "is", "Change"), c("status", "changed", null)), none,
                        x -> x.update(x.create("status", "open"), "priority", "high"), false),
                when("status not_changed, when only priority changed", List.of(c("update_type", "is", "Change"), c("status", "not_changed", null)), none,
                        x -> x.update(x.create("status", "open"), "priority", "high"), true),
                when("priority is high", List.of(c("priority", "is", "high")), none, x -> x.create("priority", "high"), true),
                when("priority greater_than normal, low", List.of(c("priority", "greater_than", "normal")), none, x -> x.create("priority", "low"), false),
                when("R10: privacy private, private ticket", List.of(c("ticket_is_public", "is", "private")), none, x -> x.createPrivate(), true),
                when("R11: privacy public, private ticket", List.of(c("ticket_is_public", "is", "public")), none, x -> x.createPrivate(), false),
                when("R15: became public on a public reply", List.of(c("update_type", "is", "Change"), c("ticket_is_public", "value", "public")), none,
                        x -> x.update(x.createPrivate(), "comment", Map.of("body", "Now public", "public", true)), true),
                when("R12: an internal note does not make it public", List.of(c("update_type", "is", "Change"), c("ticket_is_public", "value", "public")), none,
                        x -> x.update(x.createPrivate(), "comment", Map.of("body", "Still internal")), false),
                when("R17: became private by make_private", List.of(c("update_type", "is", "Change"), c("ticket_is_public", "value", "private")), none,
                        x -> x.makeFirstCommentPrivate(x.create()), true),
                when("comment is public, public reply", List.of(c("update_type", "is", "Change"), c("comment_is_public", "is", "true")), none,
                        x -> x.update(x.create(), "comment", Map.of("body", "Reply", "public", true)), true),
                when("comment is public, internal note", List.of(c("update_type", "is", "Change"), c("comment_is_public", "is", "true")), none,
                        x -> x.update(x.create(), "comment", Map.of("body", "Note", "public", false)), false),
                when("comment is private, internal note", List.of(c("update_type", "is", "Change"), c("comment_is_public", "is", "false")), none,
                        x -> x.update(x.create(), "comment", Map.of("body", "Note", "public", false)), true),
                when("comment not_relevant, no comment", List.of(c("update_type", "is", "Change"), c("comment_is_public", "is", "not_relevant")), none,
                        x -> x.update(x.create(), "priority", "low"), true),
                when("requester can see comment, public reply", List.of(c("update_type", "is", "Change"),
                        c("comment_is_public", "is", "requester_can_see_comment")), none,
                        x -> x.update(x.create(), "comment", Map.of("body", "Reply")), true),
                when("current user is end user, request", List.of(c("role", "is", "end_user")), none, x -> x.request(), true),
                when("current user is end user, agent's ticket", List.of(c("role", "is", "end_user")), none, x -> x.create(), false),
                when("current user is agent, agent's ticket", List.of(c("role", "is", "agent")), none, x -> x.create(), true),
                when("requester is current user, request", List.of(c("requester_id", "is", "current_user")), none, x -> x.request(), true),
                when("assignee changed", List.of(c("update_type", "is", "Change"), c("assignee_id", "changed", null)), none,
                        x -> x.update(x.create(), "assignee_id", x.agent.getId()), true),
                when("assignee is current user", List.of(c("assignee_id", "is", "current_user")), none,
                        x -> x.create("assignee_id", x.agent.getId()), true),
                when("assignee is none", List.of(c("assignee_id", "is", "")), none, x -> x.create(), true),
                when("group is the group", List.of(c("group_id", "is", "GROUP")), none, x -> x.create("group_id", x.group.getId()), true),
                when("organization is none", List.of(c("organization_id", "is", "")), none, x -> x.create(), true),
                when("tags include one of", List.of(c("current_tags", "includes", "alpha beta")), none, x -> x.create("tags", List.of("beta")), true),
                when("tags do not include", List.of(c("current_tags", "not_includes", "alpha")), none, x -> x.create("tags", List.of("alpha")), false),
                when("channel is api", List.of(c("via_id", "is", "api")), none, x -> x.create(), true),
                when("channel is email", List.of(c("via_id", "is", "4")), none, x -> x.create(), false),
                when("update via api (5)", List.of(c("current_via_id", "is", "5")), none, x -> x.create(), true),
                when("any: one of two holds", none, List.of(c("status", "is", "solved"), c("priority", "is", "urgent")),
                        x -> x.create("priority", "urgent"), true),
                when("any: none holds", none, List.of(c("status", "is", "solved"), c("priority", "is", "urgent")),
                        x -> x.create("priority", "normal"), false),
                when("all and any: all fails", List.of(c("priority", "is", "low")), List.of(c("status", "is", "new")),
                        x -> x.create("priority", "high"), false));
    }

    private long trigger(String title, List<Map<String, Object>> all, List<Map<String, Object>> any, List<Map<String, Object>> actions,
                         Integer position) {
        List<Map<String, Object>> scoped = new ArrayList<>();
        scoped.add(c("requester_id", "is", String.valueOf(s.requester.getId())));
        for (Map<String, Object> cond : all) {
            Map<String, Object> copy = new HashMap<>(cond);
            if ("GROUP".equals(copy.get("value"))) {
                copy.put("value", String.valueOf(s.group.getId()));
            }
            scoped.add(copy);
        }
        Map<String, Object> body = new HashMap<>(Map.of("title", title, "conditions", Map.of("all", scoped, "any", any), "actions", actions));
        if (position != null) {
            body.put("position", position);
        }
        long id = fixtures.asAdmin().body(Map.of("trigger", body)).post("/api/v2/triggers.json").then().statusCode(201)
                .extract().jsonPath().getLong("trigger.id");
        created.add(id);
        return id;
    }

    @ParameterizedTest(name = "{0} -> fires: {4}")
    @MethodSource("conditions")
    void conditionCombinations(String name, List<Map<String, Object>> all, List<Map<String, Object>> any, ToLongFunction<Scenario> steps,
                               boolean fires) {
        trigger("Case " + name, all, any, List.of(Map.of("field", "current_tags", "value", "fired")), null);
        long id = steps.applyAsLong(s);
        assertThat(s.ticket(id).getList("ticket.tags", String.class).contains("fired")).as(name).isEqualTo(fires);
    }

    static Stream<Arguments> actions() {
        return Stream.of(
                Arguments.of("status pending", List.of(Map.of("field", "status", "value", "pending")), "ticket.status", "pending"),
                Arguments.of("priority urgent", List.of(Map.of("field", "priority", "value", "urgent")), "ticket.priority", "urgent"),
                Arguments.of("type incident", List.of(Map.of("field", "type", "value", "incident")), "ticket.type", "incident"),
                Arguments.of("set_tags", List.of(Map.of("field", "set_tags", "value", "x y")), "ticket.tags", List.of("x", "y")),
                Arguments.of("add then remove tags", List.of(Map.of("field", "current_tags", "value", "keep drop"),
                        Map.of("field", "remove_tags", "value", "drop start")), "ticket.tags", List.of("keep")),
                Arguments.of("assignee current user", List.of(Map.of("field", "assignee_id", "value", "current_user")),
                        "ticket.assignee_id", "AGENT"),
                Arguments.of("group", List.of(Map.of("field", "group_id", "value", "GROUP")), "ticket.group_id", "GROUP"),
                Arguments.of("R5: closing an unsolved ticket is skipped, the change stands",
                        List.of(Map.of("field", "status", "value", "closed"), Map.of("field", "priority", "value", "high")),
                        "ticket.priority", "high"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("actions")
    @SuppressWarnings("unchecked")
    void actionsChangeTheTicketThroughTheAggregateAndAreAudited(String name, List<Map<String, Object>> actions, String path, Object expected) {
        List<Map<String, Object>> resolved = actions.stream().map(a -> {
            Map<String, Object> copy = new HashMap<>(a);
            if ("GROUP".equals(copy.get("value"))) {
                copy.put("value", String.valueOf(s.group.getId()));
            }
            return (Map<String, Object>) copy;
        }).toList();
        trigger("Action " + name, List.of(c("update_type", "is", "Create")), List.of(), resolved, null);
        long id = s.create("tags", List.of("start"));
        Object want = "AGENT".equals(expected) ? String.valueOf(s.agent.getId())
                : "GROUP".equals(expected) ? String.valueOf(s.group.getId()) : expected;
        Object actual = s.ticket(id).get(path);
        assertThat(actual instanceof List<?> ? actual : String.valueOf(actual)).as(name).isEqualTo(want);
        // V3: the trigger's change is in the audit of the change that fired it.
        JsonPath audits = fixtures.as(s.agent).get("/api/v2/tickets/" + id + "/audits.json").then().extract().jsonPath();
        assertThat(audits.getList("audits[0].events.type", String.class)).contains("Change");
    }

    @ParameterizedTest(name = "earlier trigger position {0}")
    @MethodSource("positions")
    void aTriggerWhoseConditionAnotherTriggersActionMakesTrueFiresInALaterPass(int firstPosition) {
        trigger("Chain A", List.of(c("current_tags", "includes", "b_done")), List.of(),
                List.of(Map.of("field", "current_tags", "value", "a_done")), firstPosition);
        trigger("Chain B", List.of(c("update_type", "is", "Create")), List.of(),
                List.of(Map.of("field", "current_tags", "value", "b_done")), firstPosition + 1);
        long id = s.create();
        assertThat(s.ticket(id).getList("ticket.tags", String.class)).contains("a_done", "b_done");
    }

    static Stream<Integer> positions() {
        return Stream.of(0, 1000);
    }
}
