package org.kontor.ticket.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kontor.group.Group;
import org.kontor.group.GroupService;
import org.kontor.organization.Organization;
import org.kontor.support.Fixtures;
import org.kontor.support.IntegrationTest;
import org.kontor.user.User;
import org.springframework.beans.factory.annotation.Autowired;

/** Zendesk's side-loading on the Tickets API: {@code ?include=users,groups,organizations,comment_count}. */
class TicketSideLoadingTest extends IntegrationTest {
    @Autowired
    GroupService groupService;

    private User agent;
    private User assignee;
    private User customer;
    private User cc;
    private Organization organization;
    private Group group;

    @BeforeEach
    void setUp() {
        agent = fixtures.agent("Sina Submitter");
        assignee = fixtures.agent("Arne Assignee");
        organization = fixtures.organization("Sideload GmbH", false);
        customer = fixtures.endUser("Rita Requester", organization);
        cc = fixtures.endUser("Carl Copied");
        group = fixtures.group("Second level");
        groupService.addMember(assignee.getId(), group.getId(), false);
    }

    private long ticket(String externalId) {
        return fixtures.as(agent).body(Map.of("ticket", Map.of("subject", "Sideloaded", "external_id", externalId,
                        "requester_id", customer.getId(), "assignee_id", assignee.getId(), "group_id", group.getId(),
                        "collaborator_ids", List.of(cc.getId()), "comment", Map.of("body", "First, public"))))
                .post("/api/v2/tickets.json").then().statusCode(201).extract().jsonPath().getLong("ticket.id");
    }

    private void internalNote(long ticketId) {
        fixtures.as(agent).body(Map.of("ticket", Map.of("comment", Map.of("body", "Internal", "public", false))))
                .put("/api/v2/tickets/" + ticketId + ".json").then().statusCode(200);
    }

    @Test
    void showSideLoadsThePeopleGroupAndOrganizationTheTicketNames() {
        long id = ticket(Fixtures.unique("ext-"));
        internalNote(id);
        JsonPath json = fixtures.as(agent).queryParam("include", "users,groups,organizations,comment_count")
                .get("/api/v2/tickets/" + id + ".json").then().statusCode(200).extract().jsonPath();

        assertThat(json.getList("users.id", Long.class))
                .containsExactlyInAnyOrder(customer.getId(), agent.getId(), assignee.getId(), cc.getId());
        assertThat(json.getString("users.find { it.id == " + customer.getId() + " }.email")).isEqualTo(customer.getEmail());
        assertThat(json.getList("groups.id", Long.class)).containsExactly(group.getId());
        assertThat(json.getList("groups.name", String.class)).containsExactly(group.getName());
        assertThat(json.getList("organizations.id", Long.class)).containsExactly(organization.getId());
        // Agents count every comment, the internal note included (as GET …/comments/count does).
        assertThat(json.getLong("ticket.comment_count")).isEqualTo(2);
    }

    @Test
    void listsSideLoadEachRecordOnceForAllTicketsOfThePage() {
        String externalId = Fixtures.unique("ext-");
        long first = ticket(externalId);
        long second = ticket(externalId);
        internalNote(second);
        JsonPath json = fixtures.as(agent).queryParam("external_id", externalId).queryParam("include", "users,comment_count")
                .get("/api/v2/tickets.json").then().statusCode(200).extract().jsonPath();

        assertThat(json.getList("tickets.id", Long.class)).containsExactly(first, second);
        assertThat(json.getList("tickets.comment_count", Long.class)).containsExactly(1L, 2L);
        assertThat(json.getList("users.id", Long.class)).doesNotHaveDuplicates()
                .containsExactlyInAnyOrder(customer.getId(), agent.getId(), assignee.getId(), cc.getId());
        assertThat(json.getMap("$")).doesNotContainKeys("groups", "organizations");
    }

    @Test
    void showManyTakesIncludeAsWell() {
        long id = ticket(Fixtures.unique("ext-"));
        JsonPath json = fixtures.as(agent).queryParam("ids", String.valueOf(id)).queryParam("include", "organizations")
                .get("/api/v2/tickets/show_many.json").then().statusCode(200).extract().jsonPath();
        assertThat(json.getList("organizations.id", Long.class)).containsExactly(organization.getId());
    }

    @Test
    void withoutIncludeOrWithUnknownNamesNothingIsAdded() {
        long id = ticket(Fixtures.unique("ext-"));
        JsonPath plain = fixtures.as(agent).get("/api/v2/tickets/" + id + ".json").then().statusCode(200).extract().jsonPath();
        assertThat(plain.getMap("$")).containsOnlyKeys("ticket");
        assertThat(plain.getMap("ticket")).doesNotContainKey("comment_count");

        JsonPath unknown = fixtures.as(agent).queryParam("include", "metric_sets,bogus")
                .get("/api/v2/tickets/" + id + ".json").then().statusCode(200).extract().jsonPath();
        assertThat(unknown.getMap("$")).containsOnlyKeys("ticket");
    }

    @Test
    void commentsSideLoadTheirAuthors() {
        long id = ticket(Fixtures.unique("ext-"));
        fixtures.as(customer).body(Map.of("request", Map.of("comment", Map.of("body", "Thanks!"))))
                .put("/api/v2/requests/" + id + ".json").then().statusCode(200);
        JsonPath json = fixtures.as(agent).queryParam("include", "users")
                .get("/api/v2/tickets/" + id + "/comments.json").then().statusCode(200).extract().jsonPath();
        assertThat(json.getList("comments.author_id", Long.class)).containsExactly(agent.getId(), customer.getId());
        assertThat(json.getList("users.id", Long.class)).containsExactlyInAnyOrder(agent.getId(), customer.getId());
    }

    @Test
    void v1_requestsNameTheirPeopleByNameOnlyAndNeverTheAuthorOfAnInternalNote() {
        long id = ticket(Fixtures.unique("ext-"));
        User noter = fixtures.agent("Nora Noter");
        fixtures.as(noter).body(Map.of("ticket", Map.of("comment", Map.of("body", "Only for agents", "public", false))))
                .put("/api/v2/tickets/" + id + ".json").then().statusCode(200);

        JsonPath request = fixtures.as(customer).queryParam("include", "users")
                .get("/api/v2/requests/" + id + ".json").then().statusCode(200).extract().jsonPath();
        assertThat(request.getList("users.id", Long.class))
                .containsExactlyInAnyOrder(customer.getId(), assignee.getId(), cc.getId());
        List<Map<String, Object>> people = request.getList("users");
        assertThat(people).allSatisfy(person -> assertThat(person).containsOnlyKeys("id", "name", "photo", "agent"));
        assertThat(request.getBoolean("users.find { it.id == " + assignee.getId() + " }.agent")).isTrue();

        JsonPath comments = fixtures.as(customer).queryParam("include", "users")
                .get("/api/v2/requests/" + id + "/comments.json").then().statusCode(200).extract().jsonPath();
        assertThat(comments.getList("comments.author_id", Long.class)).containsExactly(agent.getId());
        assertThat(comments.getList("users.id", Long.class)).containsExactly(agent.getId());

        JsonPath list = fixtures.as(customer).queryParam("include", "users").get("/api/v2/requests.json")
                .then().statusCode(200).extract().jsonPath();
        assertThat(list.getList("users.id", Long.class)).doesNotContain(noter.getId()).contains(customer.getId());
    }
}
