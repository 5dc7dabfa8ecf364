package org.kontor.ticket.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kontor.support.Fixtures;
import org.kontor.support.IntegrationTest;
import org.kontor.user.User;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Zendesk's {@code deleted_tickets}: listed with who deleted them, restored (one or many) back into views, search and reports. */
class DeletedTicketsTest extends IntegrationTest {
    @Autowired
    JdbcTemplate jdbc;

    private long ticket(User agent, User requester, String subject) {
        return fixtures.as(agent).body(Map.of("ticket", Map.of("subject", subject, "requester_id", requester.getId(),
                "comment", Map.of("body", subject + " text")))).post("/api/v2/tickets.json")
                .then().statusCode(201).extract().jsonPath().getLong("ticket.id");
    }

    private long reportRows(long ticketId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM report_activity WHERE ticket_id = ?", Long.class, ticketId);
    }

    private List<Long> deletedIds(User agent) {
        return fixtures.as(agent).queryParam("per_page", 100).queryParam("sort_order", "desc").get("/api/v2/deleted_tickets.json")
                .then().statusCode(200).extract().jsonPath().getList("deleted_tickets.id", Long.class);
    }

    @Test
    void aDeletedTicketIsListedWithWhoDeletedItAndComesBackWholeWhenRestored() {
        User agent = fixtures.agent("Dave Deleter");
        User customer = fixtures.endUser("Ria Restored");
        String word = Fixtures.unique("Wiederkehr");
        long id = ticket(agent, customer, "Lost " + word);
        fixtures.as(agent).body(Map.of("ticket", Map.of("status", "solved", "assignee_id", agent.getId(),
                "comment", Map.of("body", "Fixed it")))).put("/api/v2/tickets/" + id + ".json").then().statusCode(200);
        long rowsBefore = reportRows(id);
        assertThat(rowsBefore).isPositive();

        fixtures.as(agent).delete("/api/v2/tickets/" + id + ".json").then().statusCode(204);

        JsonPath list = fixtures.as(agent).queryParam("per_page", 100).queryParam("sort_order", "desc")
                .get("/api/v2/deleted_tickets.json").jsonPath();
        int at = list.getList("deleted_tickets.id", Long.class).indexOf(id);
        assertThat(at).isNotNegative();
        String item = "deleted_tickets[" + at + "]";
        assertThat(list.getString(item + ".subject")).isEqualTo("Lost " + word);
        assertThat(list.getLong(item + ".actor.id")).isEqualTo(agent.getId());
        assertThat(list.getString(item + ".actor.name")).isEqualTo("Dave Deleter");
        assertThat(list.getString(item + ".previous_state")).isEqualTo("solved");
        assertThat(list.getString(item + ".deleted_at")).isNotBlank();
        fixtures.as(agent).get("/api/v2/tickets/" + id + ".json").then().statusCode(404);
        fixtures.as(customer).get("/api/v2/requests/" + id + ".json").then().statusCode(404);
        assertThat(reportRows(id)).isZero();

        fixtures.as(agent).put("/api/v2/deleted_tickets/" + id + "/restore.json").then().statusCode(200);

        assertThat(fixtures.as(agent).get("/api/v2/tickets/" + id + ".json").jsonPath().getString("ticket.status")).isEqualTo("solved");
        fixtures.as(customer).get("/api/v2/requests/" + id + ".json").then().statusCode(200);
        assertThat(deletedIds(agent)).doesNotContain(id);
        assertThat(reportRows(id)).isEqualTo(rowsBefore);
        assertThat(fixtures.as(agent).queryParam("query", word).get("/api/v2/search.json").jsonPath()
                .getList("results.id", Long.class)).contains(id);
        fixtures.as(agent).put("/api/v2/deleted_tickets/" + id + "/restore.json").then().statusCode(404);
    }

    @Test
    void restoreManyRestoresAllOrNoneAndEndUsersMayNotUseIt() {
        User agent = fixtures.agent("Molly Many");
        User customer = fixtures.endUser("Nils Many");
        long one = ticket(agent, customer, "One");
        long two = ticket(agent, customer, "Two");
        long live = ticket(agent, customer, "Live");
        fixtures.as(agent).delete("/api/v2/tickets/" + one + ".json").then().statusCode(204);
        fixtures.as(agent).delete("/api/v2/tickets/" + two + ".json").then().statusCode(204);

        fixtures.as(agent).queryParam("ids", one + "," + live).put("/api/v2/deleted_tickets/restore_many.json").then().statusCode(404);
        assertThat(deletedIds(agent)).contains(one, two);
        fixtures.as(customer).get("/api/v2/deleted_tickets.json").then().statusCode(403);
        fixtures.as(customer).queryParam("ids", one + "," + two).put("/api/v2/deleted_tickets/restore_many.json").then().statusCode(403);

        fixtures.as(agent).queryParam("ids", one + "," + two).put("/api/v2/deleted_tickets/restore_many.json").then().statusCode(200);
        assertThat(deletedIds(agent)).doesNotContain(one, two);
        fixtures.as(agent).get("/api/v2/tickets/" + two + ".json").then().statusCode(200);
    }
}
