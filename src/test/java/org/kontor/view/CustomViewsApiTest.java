package org.kontor.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

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
 * Zendesk's Views API: a view's conditions ("all" must hold, one of "any") select the tickets an agent may see, with
 * {@code current_user} and the ordered status and priority comparisons; views are shared like macros.
 */
class CustomViewsApiTest extends IntegrationTest {
    @Autowired
    GroupService groups;
    @Autowired
    CustomViews service;

    private long ticket(User agent, User requester, String priority, String tag, Long assigneeId) {
        Map<String, Object> t = new java.util.HashMap<>(Map.of("subject", "View " + tag, "requester_id", requester.getId(),
                "tags", List.of(tag), "comment", Map.of("body", "Hello")));
        if (priority != null) {
            t.put("priority", priority);
        }
        if (assigneeId != null) {
            t.put("assignee_id", assigneeId);
        }
        return fixtures.as(agent).body(Map.of("ticket", t)).post("/api/v2/tickets.json").then().statusCode(201)
                .extract().jsonPath().getLong("ticket.id");
    }

    private long view(User by, Map<String, Object> view) {
        return fixtures.as(by).body(Map.of("view", view)).post("/api/v2/views.json").then().statusCode(201)
                .extract().jsonPath().getLong("view.id");
    }

    private List<Long> ticketIds(User agent, long viewId) {
        return fixtures.as(agent).get("/api/v2/views/" + viewId + "/tickets.json").then().statusCode(200)
                .extract().jsonPath().getList("tickets.id", Long.class);
    }

    @Test
    void aViewListsAndCountsTheTicketsMatchingAllOfItsConditionsAndOneOfItsAnyConditions() {
        User agent = fixtures.agent("Vera View");
        User other = fixtures.agent("Olaf Other");
        User customer = fixtures.endUser("Carla Customer");
        String tag = Fixtures.unique("billing").toLowerCase();
        long urgentUnassigned = ticket(agent, customer, "urgent", tag, null);
        long urgentAssigned = ticket(agent, customer, "urgent", tag, agent.getId());
        long lowUnassigned = ticket(agent, customer, "low", tag, null);
        long noPriority = ticket(agent, customer, null, tag, null);
        long otherTag = ticket(agent, customer, "urgent", tag + "x", null);

        long urgent = view(fixtures.rootAdminUser(), Map.of("title", "Urgent unassigned " + tag, "conditions", Map.of(
                "all", List.of(Map.of("field", "priority", "operator", "is", "value", "urgent"),
                        Map.of("field", "assignee_id", "operator", "is", "value", ""),
                        Map.of("field", "current_tags", "operator", "includes", "value", tag)),
                "any", List.of(Map.of("field", "status", "operator", "is", "value", "new"),
                        Map.of("field", "status", "operator", "is", "value", "open")))));
        assertThat(ticketIds(agent, urgent)).containsExactly(urgentUnassigned);
        fixtures.as(agent).get("/api/v2/views/" + urgent + "/count.json").then().statusCode(200)
                .body("view_count.view_id", equalTo((int) urgent)).body("view_count.value", equalTo(1))
                .body("view_count.fresh", equalTo(true));

        long belowHigh = view(fixtures.rootAdminUser(), Map.of("title", "Below high " + tag, "conditions", Map.of(
                "all", List.of(Map.of("field", "priority", "operator", "less_than", "value", "high"),
                        Map.of("field", "current_tags", "operator", "includes", "value", tag)))));
        assertThat(ticketIds(agent, belowHigh)).containsExactlyInAnyOrder(lowUnassigned, noPriority);

        long mine = view(fixtures.rootAdminUser(), Map.of("title", "Mine " + tag, "conditions", Map.of(
                "all", List.of(Map.of("field", "assignee_id", "operator", "is", "value", "current_user"),
                        Map.of("field", "current_tags", "operator", "includes", "value", tag + " " + tag + "x")))));
        assertThat(ticketIds(agent, mine)).containsExactly(urgentAssigned);
        assertThat(ticketIds(other, mine)).isEmpty();

        long notTagged = view(fixtures.rootAdminUser(), Map.of("title", "Fresh without the tag " + tag, "conditions", Map.of(
                "all", List.of(Map.of("field", "current_tags", "operator", "not_includes", "value", tag),
                        Map.of("field", "current_tags", "operator", "includes", "value", tag + "x"),
                        Map.of("field", "hours_since_created", "operator", "less_than", "value", "1")))));
        assertThat(ticketIds(agent, notTagged)).containsExactly(otherTag);
        fixtures.as(fixtures.endUser("Nosy Customer")).get("/api/v2/views/" + urgent + "/tickets.json").then().statusCode(403);
    }

    @Test
    void groupTypeOrganizationVisibilityAndOrderedStatusConditions() {
        User agent = fixtures.agent("Theo Types");
        User customer = fixtures.endUser("Paula Problem");
        String tag = Fixtures.unique("kinds").toLowerCase();
        Group mine = groups.create(Fixtures.unique("Mine "), null);
        groups.addMember(agent.getId(), mine.getId(), false);
        Group theirs = groups.create(Fixtures.unique("Theirs "), null);
        long inMyGroup = fixtures.as(agent).body(Map.of("ticket", Map.of("subject", "Mine", "requester_id", customer.getId(),
                        "group_id", mine.getId(), "type", "problem", "tags", List.of(tag), "comment", Map.of("body", "x"))))
                .post("/api/v2/tickets.json").then().statusCode(201).extract().jsonPath().getLong("ticket.id");
        long inTheirGroup = fixtures.as(agent).body(Map.of("ticket", Map.of("subject", "Theirs", "requester_id", customer.getId(),
                        "group_id", theirs.getId(), "type", "question", "tags", List.of(tag), "comment", Map.of("body", "x"))))
                .post("/api/v2/tickets.json").then().statusCode(201).extract().jsonPath().getLong("ticket.id");
        // Assigned to an agent of no group: an agent's own assignment would put it in their default group.
        long solved = ticket(agent, customer, "normal", tag, fixtures.agent("Sam Solver").getId());
        fixtures.as(agent).body(Map.of("ticket", Map.of("status", "solved"))).put("/api/v2/tickets/" + solved + ".json")
                .then().statusCode(200);
        Map<String, String> tagged = Map.of("field", "current_tags", "operator", "includes", "value", tag);

        long myGroups = view(fixtures.rootAdminUser(), Map.of("title", "My groups " + tag, "conditions", Map.of("all", List.of(tagged,
                Map.of("field", "group_id", "operator", "is", "value", "current_groups")))));
        assertThat(ticketIds(agent, myGroups)).containsExactly(inMyGroup);
        long notMyGroups = view(fixtures.rootAdminUser(), Map.of("title", "Not my groups " + tag, "conditions", Map.of("all", List.of(tagged,
                Map.of("field", "group_id", "operator", "is_not", "value", "current_groups")))));
        assertThat(ticketIds(agent, notMyGroups)).containsExactlyInAnyOrder(inTheirGroup, solved);
        long problems = view(fixtures.rootAdminUser(), Map.of("title", "Problems " + tag, "conditions", Map.of("all", List.of(tagged,
                Map.of("field", "type", "operator", "is", "value", "problem")))));
        assertThat(ticketIds(agent, problems)).containsExactly(inMyGroup);
        long pastPending = view(fixtures.rootAdminUser(), Map.of("title", "Past hold " + tag, "conditions", Map.of("all", List.of(tagged,
                Map.of("field", "status", "operator", "greater_than", "value", "hold")))));
        assertThat(ticketIds(agent, pastPending)).containsExactly(solved);
        long publicOnes = view(fixtures.rootAdminUser(), Map.of("title", "Public " + tag, "conditions", Map.of("all", List.of(tagged,
                Map.of("field", "ticket_is_public", "operator", "is", "value", "public"),
                Map.of("field", "organization_id", "operator", "is", "value", ""),
                Map.of("field", "requester_id", "operator", "is", "value", String.valueOf(customer.getId()))))));
        assertThat(ticketIds(agent, publicOnes)).containsExactlyInAnyOrder(inMyGroup, inTheirGroup, solved);
        long stale = view(fixtures.rootAdminUser(), Map.of("title", "Stale " + tag, "conditions", Map.of("all", List.of(tagged,
                Map.of("field", "hours_since_updated", "operator", "greater_than", "value", "24")))));
        assertThat(ticketIds(agent, stale)).isEmpty();
    }

    @Test
    void viewsAreSharedLikeMacrosAndWrongConditionsAreRefused() {
        User member = fixtures.agent("Gerda Groupview");
        User outsider = fixtures.agent("Udo Outsider");
        Group team = groups.create(Fixtures.unique("Team "), null);
        groups.addMember(member.getId(), team.getId(), false);
        List<Map<String, String>> open = List.of(Map.of("field", "status", "operator", "is", "value", "open"));
        long teamView = view(fixtures.rootAdminUser(), Map.of("title", Fixtures.unique("Team view "),
                "restriction", Map.of("type", "Group", "id", team.getId()), "conditions", Map.of("all", open)));
        long personal = view(outsider, Map.of("title", Fixtures.unique("My view "), "conditions", Map.of("all", open)));

        assertThat(fixtures.as(member).get("/api/v2/views.json").jsonPath().getList("views.id", Long.class))
                .contains(teamView).doesNotContain(personal);
        assertThat(fixtures.as(outsider).get("/api/v2/views/active.json").jsonPath().getList("views.id", Long.class))
                .contains(personal).doesNotContain(teamView);
        fixtures.as(outsider).get("/api/v2/views/" + teamView + "/tickets.json").then().statusCode(404);
        // An admin's side bar leaves out agents' personal views (the API lists them for managing).
        assertThat(service.sideBar(fixtures.adminActor())).extracting(v -> v.view().getId()).contains(teamView).doesNotContain(personal);
        assertThat(fixtures.asAdmin().get("/api/v2/views.json").jsonPath().getList("views.id", Long.class)).contains(personal);
        assertThat(service.sideBar(org.kontor.user.Actor.of(outsider))).extracting(v -> v.view().getId()).contains(personal);
        fixtures.as(outsider).get("/api/v2/views/" + personal + ".json").then().statusCode(200)
                .body("view.restriction.type", equalTo("User")).body("view.conditions.all[0].field", equalTo("status"));
        fixtures.as(member).body(Map.of("view", Map.of("title", "Taken over"))).put("/api/v2/views/" + teamView + ".json")
                .then().statusCode(403);
        fixtures.as(outsider).delete("/api/v2/views/" + personal + ".json").then().statusCode(204);

        fixtures.asAdmin().body(Map.of("view", Map.of("title", "Broken", "conditions", Map.of("all", List.of(
                        Map.of("field", "status", "operator", "is", "value", "done"),
                        Map.of("field", "status", "operator", "includes", "value", "open"),
                        Map.of("field", "colour", "operator", "is", "value", "red"))))))
                .post("/api/v2/views.json").then().statusCode(422)
                .body("details.conditions.size()", equalTo(3))
                .body("details.conditions[0].description",
                        equalTo("conditions.all: status: \"done\" is not one of [new, open, pending, hold, solved, closed]"));
        fixtures.asAdmin().body(Map.of("view", Map.of("title", "Empty", "conditions", Map.of("all", List.of(), "any", List.of()))))
                .post("/api/v2/views.json").then().statusCode(422)
                .body("details.conditions[0].description", equalTo("Conditions: a view needs at least one condition"));
        fixtures.asAdmin().body(Map.of("view", Map.of("conditions", Map.of("all", open)))).post("/api/v2/views.json")
                .then().statusCode(422).body("details.title[0].description", equalTo("Title: cannot be blank"));
    }
}
