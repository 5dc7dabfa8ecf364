package org.kontor.group.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kontor.support.Fixtures;
import org.kontor.support.IntegrationTest;
import org.kontor.user.User;

/** Groups (queues, R13) and who belongs to them, through real HTTP: admins change them, agents read them. */
class GroupsApiTest extends IntegrationTest {
    private User agent;
    private User customer;

    @BeforeEach
    void setUp() {
        agent = fixtures.agent("Greta Agent");
        customer = fixtures.endUser("Gustav Customer");
    }

    private long createGroup(String name) {
        return fixtures.asAdmin().body(Map.of("group", Map.of("name", name))).post("/api/v2/groups.json")
                .then().statusCode(201).extract().jsonPath().getLong("group.id");
    }

    private long addMember(User user, long groupId) {
        return fixtures.asAdmin().body(Map.of("group_membership", Map.of("user_id", user.getId(), "group_id", groupId)))
                .post("/api/v2/group_memberships.json").then().statusCode(201).extract().jsonPath().getLong("group_membership.id");
    }

    /** Every id of a list, following cursor pages to the end. */
    private List<Long> allIds(String path, String root) {
        List<Long> ids = new ArrayList<>();
        String next = "http://localhost:" + port + path + "?page%5Bsize%5D=100";
        int pages = 0;
        while (next != null) {
            JsonPath page = fixtures.as(agent).urlEncodingEnabled(false).get(next).then().statusCode(200).extract().jsonPath();
            ids.addAll(page.getList(root + ".id", Long.class));
            next = page.getString("links.next");
            assertThat(++pages).isLessThan(1000);
        }
        return ids;
    }

    private List<Map<String, Object>> memberships(String path) {
        return fixtures.as(agent).get(path).then().statusCode(200).extract().jsonPath().getList("group_memberships");
    }

    @Test
    void anAdminCreatesShowsUpdatesAndSoftDeletesAGroup() {
        String name = Fixtures.unique("Second Level ");
        Response created = fixtures.asAdmin().body(Map.of("group", Map.of("name", "  " + name + " "))).post("/api/v2/groups.json");
        created.then().statusCode(201).body("group.name", equalTo(name)).body("group.deleted", equalTo(false));
        long id = created.jsonPath().getLong("group.id");
        assertThat(created.header("Location")).isEqualTo("http://localhost:" + port + "/api/v2/groups/" + id + ".json");

        fixtures.as(agent).get("/api/v2/groups/" + id + ".json").then().statusCode(200).body("group.name", equalTo(name));
        assertThat(allIds("/api/v2/groups.json", "groups")).contains(id);
        assertThat(allIds("/api/v2/groups/assignable.json", "groups")).contains(id);

        String renamed = Fixtures.unique("Escalations ");
        fixtures.asAdmin().body(Map.of("group", Map.of("name", renamed, "description", "Hard cases")))
                .put("/api/v2/groups/" + id + ".json").then().statusCode(200)
                .body("group.name", equalTo(renamed)).body("group.description", equalTo("Hard cases"));
        fixtures.as(agent).get("/api/v2/groups/" + id + ".json").then().body("group.name", equalTo(renamed));

        fixtures.asAdmin().delete("/api/v2/groups/" + id + ".json").then().statusCode(204);
        fixtures.as(agent).get("/api/v2/groups/" + id + ".json").then().statusCode(404).body("error", equalTo("RecordNotFound"));
        assertThat(allIds("/api/v2/groups.json", "groups")).doesNotContain(id);
        fixtures.asAdmin().body(Map.of("group", Map.of("name", "Back"))).put("/api/v2/groups/" + id + ".json").then().statusCode(404);
        fixtures.asAdmin().delete("/api/v2/groups/" + id + ".json").then().statusCode(404);
    }

    @Test
    void aGroupHasZendesksShapeWithNullsForUnsetFields() {
        long id = createGroup(Fixtures.unique("Shape "));
        Response response = fixtures.as(agent).get("/api/v2/groups/" + id + ".json");
        assertThat(response.jsonPath().getMap("$")).containsOnlyKeys("group");
        Map<String, Object> group = response.jsonPath().getMap("group");
        assertThat(group).containsKeys("id", "url", "name", "description", "default", "deleted", "is_public", "created_at", "updated_at")
                .containsEntry("description", null).containsEntry("deleted", false)
                .containsEntry("url", "http://localhost:" + port + "/api/v2/groups/" + id + ".json");
        JsonPath list = fixtures.as(agent).queryParam("per_page", 1).get("/api/v2/groups.json").then().statusCode(200).extract().jsonPath();
        assertThat(list.getMap("$")).containsKeys("groups", "next_page", "previous_page", "count");
        assertThat(list.getList("groups")).hasSize(1);
    }

    @Test
    void aGroupNeedsAName() {
        fixtures.asAdmin().body(Map.of("group", Map.of("description", "nameless"))).post("/api/v2/groups.json").then().statusCode(422)
                .body("error", equalTo("RecordInvalid")).body("description", notNullValue()).body("details.name", notNullValue());
        long id = createGroup(Fixtures.unique("Named "));
        fixtures.asAdmin().body(Map.of("group", Map.of("name", " "))).put("/api/v2/groups/" + id + ".json").then().statusCode(422)
                .body("details.name", notNullValue());
    }

    @Test
    void agentsReadGroupsAndMembershipsButCannotChangeThem() {
        long id = createGroup(Fixtures.unique("Read Only "));
        long membership = addMember(agent, id);
        fixtures.as(agent).get("/api/v2/groups.json").then().statusCode(200);
        fixtures.as(agent).get("/api/v2/groups/" + id + ".json").then().statusCode(200);
        fixtures.as(agent).get("/api/v2/group_memberships.json").then().statusCode(200);
        fixtures.as(agent).get("/api/v2/group_memberships/" + membership + ".json").then().statusCode(200);
        fixtures.as(agent).get("/api/v2/groups/" + id + "/memberships.json").then().statusCode(200);
        fixtures.as(agent).get("/api/v2/users/" + agent.getId() + "/group_memberships.json").then().statusCode(200);

        fixtures.as(agent).body(Map.of("group", Map.of("name", Fixtures.unique("Agent Group ")))).post("/api/v2/groups.json")
                .then().statusCode(403).body("error", equalTo("Forbidden")).body("description", notNullValue());
        fixtures.as(agent).body(Map.of("group", Map.of("name", "Hijacked"))).put("/api/v2/groups/" + id + ".json").then().statusCode(403);
        fixtures.as(agent).delete("/api/v2/groups/" + id + ".json").then().statusCode(403);
        User colleague = fixtures.agent("Colin Colleague");
        fixtures.as(agent).body(Map.of("group_membership", Map.of("user_id", colleague.getId(), "group_id", id)))
                .post("/api/v2/group_memberships.json").then().statusCode(403);
        fixtures.as(agent).delete("/api/v2/group_memberships/" + membership + ".json").then().statusCode(403);

        fixtures.as(agent).get("/api/v2/groups/" + id + ".json").then().statusCode(200).body("group.name", notNullValue());
        fixtures.as(agent).get("/api/v2/group_memberships/" + membership + ".json").then().statusCode(200);
    }

    @Test
    void endUsersCannotReachGroups() {
        long id = createGroup(Fixtures.unique("Internal "));
        fixtures.as(customer).get("/api/v2/groups.json").then().statusCode(403).body("error", equalTo("Forbidden"));
        fixtures.as(customer).get("/api/v2/groups/" + id + ".json").then().statusCode(403);
        fixtures.as(customer).get("/api/v2/group_memberships.json").then().statusCode(403);
        fixtures.as(customer).get("/api/v2/groups/" + id + "/memberships.json").then().statusCode(403);
        anonymous().get("/api/v2/groups.json").then().statusCode(401).body("error", equalTo("Couldn't authenticate you"));
    }

    @Test
    void membershipsAreCreatedListedPerGroupAndPerUserAndDeleted() {
        long group = createGroup(Fixtures.unique("Billing "));
        Response created = fixtures.asAdmin().body(Map.of("group_membership", Map.of("user_id", agent.getId(), "group_id", group)))
                .post("/api/v2/group_memberships.json");
        created.then().statusCode(201).body("group_membership.user_id", equalTo(agent.getId().intValue()))
                .body("group_membership.group_id", equalTo((int) group)).body("group_membership.default", equalTo(true));
        long id = created.jsonPath().getLong("group_membership.id");
        assertThat(created.header("Location")).isEqualTo("http://localhost:" + port + "/api/v2/group_memberships/" + id + ".json");
        Map<String, Object> json = created.jsonPath().getMap("group_membership");
        assertThat(json).containsKeys("id", "url", "user_id", "group_id", "default", "created_at", "updated_at");

        User colleague = fixtures.agent("Carl Colleague");
        long colleagues = addMember(colleague, group);

        assertThat(memberships("/api/v2/groups/" + group + "/memberships.json")).extracting(m -> ((Number) m.get("id")).longValue())
                .containsExactlyInAnyOrder(id, colleagues);
        assertThat(memberships("/api/v2/users/" + agent.getId() + "/group_memberships.json"))
                .extracting(m -> ((Number) m.get("id")).longValue()).containsExactly(id);
        assertThat(allIds("/api/v2/group_memberships.json", "group_memberships")).contains(id, colleagues);
        fixtures.as(agent).get("/api/v2/group_memberships/" + id + ".json").then().statusCode(200)
                .body("group_membership.group_id", equalTo((int) group));

        fixtures.asAdmin().delete("/api/v2/group_memberships/" + id + ".json").then().statusCode(204);
        fixtures.as(agent).get("/api/v2/group_memberships/" + id + ".json").then().statusCode(404).body("error", equalTo("RecordNotFound"));
        assertThat(memberships("/api/v2/groups/" + group + "/memberships.json")).extracting(m -> ((Number) m.get("id")).longValue())
                .containsExactly(colleagues);
        assertThat(memberships("/api/v2/users/" + agent.getId() + "/group_memberships.json")).isEmpty();
        fixtures.asAdmin().delete("/api/v2/group_memberships/" + id + ".json").then().statusCode(404);
    }

    @Test
    void onlyAgentsCanBeGroupMembers() {
        long group = createGroup(Fixtures.unique("Agents Only "));
        fixtures.asAdmin().body(Map.of("group_membership", Map.of("user_id", customer.getId(), "group_id", group)))
                .post("/api/v2/group_memberships.json").then().statusCode(422)
                .body("error", equalTo("RecordInvalid")).body("details.user_id", notNullValue());
        assertThat(memberships("/api/v2/groups/" + group + "/memberships.json")).isEmpty();
        // Admins are agents too.
        addMember(fixtures.admin("Alma Admin"), group);
    }

    @Test
    void aMembershipNeedsAnExistingAgentAndGroupAndIsMadeOnce() {
        long group = createGroup(Fixtures.unique("Once "));
        addMember(agent, group);
        fixtures.asAdmin().body(Map.of("group_membership", Map.of("user_id", agent.getId(), "group_id", group)))
                .post("/api/v2/group_memberships.json").then().statusCode(422).body("details.user_id", notNullValue());
        fixtures.asAdmin().body(Map.of("group_membership", Map.of("user_id", 999999999, "group_id", group)))
                .post("/api/v2/group_memberships.json").then().statusCode(422).body("details.user_id", notNullValue());
        fixtures.asAdmin().body(Map.of("group_membership", Map.of("user_id", agent.getId(), "group_id", 999999999)))
                .post("/api/v2/group_memberships.json").then().statusCode(422).body("details.group_id", notNullValue());
        fixtures.asAdmin().body(Map.of("group_membership", Map.of("group_id", group)))
                .post("/api/v2/group_memberships.json").then().statusCode(422).body("error", equalTo("RecordInvalid"));
        long deleted = createGroup(Fixtures.unique("Gone "));
        fixtures.asAdmin().delete("/api/v2/groups/" + deleted + ".json").then().statusCode(204);
        fixtures.asAdmin().body(Map.of("group_membership", Map.of("user_id", agent.getId(), "group_id", deleted)))
                .post("/api/v2/group_memberships.json").then().statusCode(422).body("details.group_id", notNullValue());
        fixtures.as(agent).get("/api/v2/groups/" + deleted + "/memberships.json").then().statusCode(404);
    }

    @Test
    void theFirstMembershipIsTheDefaultAndANewDefaultReplacesIt() {
        long first = createGroup(Fixtures.unique("First "));
        long second = createGroup(Fixtures.unique("Second "));
        long firstMembership = addMember(agent, first);
        long secondMembership = fixtures.asAdmin()
                .body(Map.of("group_membership", Map.of("user_id", agent.getId(), "group_id", second, "default", true)))
                .post("/api/v2/group_memberships.json").then().statusCode(201).body("group_membership.default", equalTo(true))
                .extract().jsonPath().getLong("group_membership.id");
        fixtures.as(agent).get("/api/v2/group_memberships/" + firstMembership + ".json").then().body("group_membership.default", equalTo(false));
        fixtures.as(agent).get("/api/v2/group_memberships/" + secondMembership + ".json").then().body("group_membership.default", equalTo(true));
    }

    @Test
    void deletingAGroupEndsItsMembershipsAndTheAgentsNextGroupBecomesTheDefault() {
        long doomed = createGroup(Fixtures.unique("Doomed "));
        long remaining = createGroup(Fixtures.unique("Remaining "));
        long doomedMembership = addMember(agent, doomed);
        long remainingMembership = addMember(agent, remaining);
        fixtures.as(agent).get("/api/v2/group_memberships/" + doomedMembership + ".json").then().body("group_membership.default", equalTo(true));

        fixtures.asAdmin().delete("/api/v2/groups/" + doomed + ".json").then().statusCode(204);

        fixtures.as(agent).get("/api/v2/group_memberships/" + doomedMembership + ".json").then().statusCode(404);
        List<Map<String, Object>> mine = memberships("/api/v2/users/" + agent.getId() + "/group_memberships.json");
        assertThat(mine).extracting(m -> ((Number) m.get("id")).longValue()).containsExactly(remainingMembership);
        assertThat(mine.get(0).get("default")).isEqualTo(true);
        assertThat(allIds("/api/v2/group_memberships.json", "group_memberships")).doesNotContain(doomedMembership);

        // A ticket assigned to the agent lands in a group that still exists.
        long ticket = fixtures.as(agent).body(Map.of("ticket", Map.of("subject", "after the reorganisation",
                        "requester_id", customer.getId(), "assignee_id", agent.getId(), "comment", Map.of("body", "hello"))))
                .post("/api/v2/tickets.json").then().statusCode(201).extract().jsonPath().getLong("ticket.id");
        fixtures.as(agent).get("/api/v2/tickets/" + ticket + ".json").then().statusCode(200)
                .body("ticket.group_id", equalTo((int) remaining));
    }

    @Test
    void removingTheDefaultMembershipMakesAnotherOneTheDefault() {
        long first = createGroup(Fixtures.unique("Old Default "));
        long second = createGroup(Fixtures.unique("New Default "));
        long firstMembership = addMember(agent, first);
        long secondMembership = addMember(agent, second);
        fixtures.as(agent).get("/api/v2/group_memberships/" + secondMembership + ".json").then().body("group_membership.default", equalTo(false));
        fixtures.asAdmin().delete("/api/v2/group_memberships/" + firstMembership + ".json").then().statusCode(204);
        fixtures.as(agent).get("/api/v2/group_memberships/" + secondMembership + ".json").then().body("group_membership.default", equalTo(true));
    }
}
