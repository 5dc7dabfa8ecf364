package org.kontor.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kontor.support.IntegrationTest;
import org.kontor.user.User;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How a ticket reaches the database: a new ticket is one INSERT with its final state (its row version stays 0),
 * each later change one UPDATE, and the rows of a creation keep their order (ids drawn up front, V3 events after
 * the comment they name).
 */
class TicketWritesTest extends IntegrationTest {
    @Autowired
    JdbcTemplate jdbc;

    User agent;
    User customer;

    @BeforeEach
    void setUp() {
        agent = fixtures.agent("Writes Agent");
        customer = fixtures.endUser("Writes Customer");
    }

    private long version(long ticketId) {
        return jdbc.queryForObject("SELECT version FROM tickets WHERE id = ?", Long.class, ticketId);
    }

    @Test
    void aNewTicketWithTagsAndCcsIsWrittenOnceAndEachUpdateOnceMore() {
        User cc = fixtures.endUser("Writes CC");
        JsonPath created = fixtures.as(agent).body(Map.of("ticket", Map.of("subject", "Router", "requester_id", customer.getId(),
                        "tags", List.of("router", "vip"), "collaborator_ids", List.of(cc.getId()),
                        "comment", Map.of("body", "We ship a new router."))))
                .post("/api/v2/tickets.json").then().statusCode(201).extract().jsonPath();
        long id = created.getLong("ticket.id");

        assertThat(version(id)).isZero();
        assertThat(jdbc.queryForList("SELECT tag FROM ticket_tags WHERE ticket_id = ?", String.class, id))
                .containsExactlyInAnyOrder("router", "vip");
        assertThat(jdbc.queryForList("SELECT user_id FROM ticket_collaborators WHERE ticket_id = ?", Long.class, id))
                .containsExactly(cc.getId());
        assertThat(jdbc.queryForObject("SELECT description FROM tickets WHERE id = ?", String.class, id))
                .isEqualTo("We ship a new router.");

        long commentId = created.getLong("audit.events.find { it.type == 'Comment' }.id");
        long auditId = created.getLong("audit.id");
        assertThat(jdbc.queryForObject("SELECT audit_id FROM comments WHERE id = ?", Long.class, commentId)).isEqualTo(auditId);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_events WHERE audit_id = ? AND comment_id = ?", Long.class,
                auditId, commentId)).isEqualTo(1);

        fixtures.as(agent).body(Map.of("ticket", Map.of("status", "open", "comment", Map.of("body", "On its way."))))
                .put("/api/v2/tickets/" + id + ".json").then().statusCode(200);
        assertThat(version(id)).isEqualTo(1);
    }

    @Test
    void ticketsCreatedOneAfterAnotherGetIncreasingIds() {
        long first = create();
        long second = create();
        assertThat(second).isGreaterThan(first);
    }

    private long create() {
        return fixtures.as(agent).body(Map.of("ticket", Map.of("subject", "Sequence", "requester_id", customer.getId(),
                        "comment", Map.of("body", "Hello"))))
                .post("/api/v2/tickets.json").then().statusCode(201).extract().jsonPath().getLong("ticket.id");
    }
}
