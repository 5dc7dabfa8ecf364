package org.kontor.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kontor.group.Group;
import org.kontor.group.GroupService;
import org.kontor.support.IntegrationTest;
import org.kontor.user.User;
import org.springframework.beans.factory.annotation.Autowired;

/** R13 through real HTTP: availability, capacity, fair routing of a group's queue, "Get next ticket", reassignment. */
class RoutingApiTest extends IntegrationTest {
    @Autowired
    GroupService groups;

    private Group queue;
    private User anna;
    private User ben;
    private User cleo;
    private User customer;

    @BeforeEach
    void setUp() {
        queue = fixtures.group("Phone queue");
        anna = member(fixtures.agent("Anna Queue"));
        ben = member(fixtures.agent("Ben Queue"));
        cleo = member(fixtures.agent("Cleo Queue"));
        customer = fixtures.endUser("Quentin Customer");
        fixtures.privateTicketCreation(false);
    }

    @AfterEach
    void tearDown() {
        for (User a : List.of(anna, ben, cleo)) {
            availability(a, "offline", null);
        }
        fixtures.asAdmin().body(Map.of("settings", Map.of("routing", Map.of("reassign_when_agent_offline", false))))
                .put("/api/v2/account/settings.json").then().statusCode(200);
    }

    private User member(User agent) {
        groups.addMember(agent.getId(), queue.getId(), false);
        return agent;
    }

    private JsonPath availability(User agent, String status, Integer capacity) {
        Map<String, Object> a = new HashMap<>();
        if (status != null) {
            a.put("status", status);
        }
        if (capacity != null) {
            a.put("capacity", capacity);
        }
        return fixtures.asAdmin().body(Map.of("availability", a)).put("/api/v2/kontor/agents/" + agent.getId() + "/availability.json")
                .then().statusCode(200).extract().jsonPath();
    }

    private long queuedTicket(boolean isPublic) {
        if (!isPublic) {
            fixtures.privateTicketCreation(true);
        }
        return fixtures.as(anna).body(Map.of("ticket", Map.of("subject", "Queued", "requester_id", customer.getId(),
                        "group_id", queue.getId(), "comment", Map.of("body", "Please call back", "public", isPublic))))
                .post("/api/v2/tickets.json").then().statusCode(201).extract().jsonPath().getLong("ticket.id");
    }

    private Long assigneeOf(long ticketId) {
        Object a = fixtures.asAdmin().get("/api/v2/tickets/" + ticketId + ".json").then().statusCode(200).extract().path("ticket.assignee_id");
        return a == null ? null : ((Number) a).longValue();
    }

    @Test
    void r13_queuedTicketsGoToOnlineAgentsInFairRoundRobinOrderPrivateAndPublicAlike() {
        for (User a : List.of(anna, ben, cleo)) {
            availability(a, "online", 10);
        }
        List<Long> assignees = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            assignees.add(assigneeOf(queuedTicket(i % 2 == 0)));
        }
        // Each goes to whoever has waited longest since their last assignment.
        assertThat(assignees).containsExactly(anna.getId(), ben.getId(), cleo.getId(), anna.getId(), ben.getId(), cleo.getId());
    }

    @Test
    void r13_awayAndOfflineAgentsAndAgentsAtCapacityGetNothing() {
        availability(anna, "away", 10);
        availability(ben, "online", 1);
        availability(cleo, "offline", 10);
        long first = queuedTicket(true);
        long second = queuedTicket(false);
        assertThat(assigneeOf(first)).isEqualTo(ben.getId());
        assertThat(assigneeOf(second)).isNull();
        fixtures.asAdmin().get("/api/v2/tickets/" + first + ".json").then().body("ticket.status", equalTo("open"));
        JsonPath benNow = fixtures.as(ben).get("/api/v2/kontor/agents/me/availability.json").then().statusCode(200).extract().jsonPath();
        assertThat(benNow.getInt("availability.open_tickets")).isEqualTo(1);
        assertThat(benNow.getString("availability.status")).isEqualTo("online");

        // Coming online drains the queue to the agent.
        availability(cleo, "online", null);
        assertThat(assigneeOf(second)).isEqualTo(cleo.getId());
    }

    @Test
    void r13_routingIsAuditedLikeAnyAssignment() {
        availability(ben, "online", 5);
        long id = queuedTicket(false);
        JsonPath audits = fixtures.asAdmin().get("/api/v2/tickets/" + id + "/audits.json").then().statusCode(200).extract().jsonPath();
        assertThat(audits.getList("audits.via.channel", String.class)).contains("rule");
        assertThat(audits.getList("audits.events.flatten().findAll { it.field_name == 'assignee_id' }.value", String.class))
                .containsExactly(String.valueOf(ben.getId()));
    }

    @Test
    void r13_getNextTicketPullsTheOldestQueuedTicketWithinCapacity() {
        long older = queuedTicket(false);
        long newer = queuedTicket(true);
        availability(ben, "away", 2); // away: nothing is pushed, but Ben may pull.
        assertThat(fixtures.as(ben).post("/api/v2/kontor/routing/next.json").then().statusCode(200).extract().jsonPath()
                .getLong("ticket.id")).isEqualTo(older);
        JsonPath second = fixtures.as(ben).post("/api/v2/kontor/routing/next.json").then().statusCode(200).extract().jsonPath();
        assertThat(second.getLong("ticket.id")).isEqualTo(newer);
        assertThat(second.getLong("ticket.assignee_id")).isEqualTo(ben.getId());
        fixtures.as(ben).post("/api/v2/kontor/routing/next.json").then().statusCode(422);
        assertThat(fixtures.as(cleo).post("/api/v2/kontor/routing/next.json").then().statusCode(200).extract().jsonPath()
                .getString("ticket")).isNull();
    }

    @Test
    void r13_anAgentGoingOfflineHandsBackNewAndOpenTicketsWhenTheAdminOptionIsOn() {
        availability(anna, "online", 5);
        long kept = queuedTicket(true);
        assertThat(assigneeOf(kept)).isEqualTo(anna.getId());
        availability(anna, "offline", null);
        assertThat(assigneeOf(kept)).isEqualTo(anna.getId());

        fixtures.asAdmin().body(Map.of("settings", Map.of("routing", Map.of("reassign_when_agent_offline", true))))
                .put("/api/v2/account/settings.json").then().statusCode(200)
                .body("settings.routing.reassign_when_agent_offline", equalTo(true));
        availability(anna, "online", null);
        availability(ben, "online", 5);
        long moved = queuedTicket(false);
        Long first = assigneeOf(moved);
        assertThat(first).isIn(anna.getId(), ben.getId());
        User leaving = first.equals(anna.getId()) ? anna : ben;
        User staying = leaving == anna ? ben : anna;
        availability(leaving, "offline", null);
        assertThat(assigneeOf(moved)).isEqualTo(staying.getId());
        availability(staying, "offline", null);
        // Nobody left: back to the queue.
        assertThat(assigneeOf(moved)).isNull();
    }

    @Test
    void onlyAgentsUseRoutingAndAgentsChangeOnlyTheirOwnStatus() {
        User endUser = fixtures.endUser("Eddie End");
        fixtures.as(endUser).post("/api/v2/kontor/routing/next.json").then().statusCode(403);
        fixtures.as(endUser).get("/api/v2/kontor/agents/" + anna.getId() + "/availability.json").then().statusCode(403);
        fixtures.as(anna).body(Map.of("availability", Map.of("status", "online")))
                .put("/api/v2/kontor/agents/" + ben.getId() + "/availability.json").then().statusCode(403);
        fixtures.as(anna).body(Map.of("availability", Map.of("capacity", 50)))
                .put("/api/v2/kontor/agents/me/availability.json").then().statusCode(403);
        fixtures.as(anna).body(Map.of("availability", Map.of("status", "away")))
                .put("/api/v2/kontor/agents/me/availability.json").then().statusCode(200).body("availability.status", equalTo("away"));
        fixtures.as(anna).body(Map.of("availability", Map.of("status", "busy")))
                .put("/api/v2/kontor/agents/me/availability.json").then().statusCode(422);
        fixtures.asAdmin().body(Map.of("availability", Map.of("capacity", -1)))
                .put("/api/v2/kontor/agents/" + anna.getId() + "/availability.json").then().statusCode(422);
        fixtures.asAdmin().get("/api/v2/kontor/agents/" + customer.getId() + "/availability.json").then().statusCode(404);
    }
}
