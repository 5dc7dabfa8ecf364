package org.kontor.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kontor.notification.NotificationLog;
import org.kontor.support.Fixtures;
import org.kontor.support.IntegrationTest;
import org.kontor.user.User;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Solved tickets close {@code tickets.close_solved_after_days} (4) days after they were solved, as Zendesk's default
 * automation does: by the system user -1, through the ordinary update (audited); reopened and deleted tickets stay.
 */
class SolvedTicketClosingTest extends IntegrationTest {
    @Autowired
    SolvedTicketClosing closing;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    NotificationLog notifications;

    @AfterEach
    void defaultSetting() {
        setDays(4);
    }

    private void setDays(Object days) {
        fixtures.asAdmin().body(Map.of("settings", Map.of("tickets", Map.of("close_solved_after_days", days))))
                .put("/api/v2/account/settings.json").then().statusCode(200);
    }

    private long solvedTicket(User agent, User customer, Duration ago) {
        long id = fixtures.as(agent).body(Map.of("ticket", Map.of("subject", "Solved " + ago, "requester_id", customer.getId(),
                "comment", Map.of("body", "Hello")))).post("/api/v2/tickets.json").then().statusCode(201).extract().jsonPath()
                .getLong("ticket.id");
        fixtures.as(agent).body(Map.of("ticket", Map.of("status", "solved", "assignee_id", agent.getId())))
                .put("/api/v2/tickets/" + id + ".json").then().statusCode(200);
        jdbc.update("UPDATE tickets SET solved_at = ? WHERE id = ?", Timestamp.from(Instant.now().minus(ago)), id);
        return id;
    }

    private String status(User agent, long id) {
        return fixtures.as(agent).get("/api/v2/tickets/" + id + ".json").jsonPath().getString("ticket.status");
    }

    @Test
    void aTicketSolvedMoreThanFourDaysAgoIsClosedBySystemUserTheOthersStay() {
        User agent = fixtures.agent("Clara Closer");
        User customer = fixtures.endUser("Carl Closed");
        long old = solvedTicket(agent, customer, Duration.ofDays(5));
        long recent = solvedTicket(agent, customer, Duration.ofDays(3));
        long reopened = solvedTicket(agent, customer, Duration.ofDays(6));
        fixtures.as(agent).body(Map.of("ticket", Map.of("status", "open")))
                .put("/api/v2/tickets/" + reopened + ".json").then().statusCode(200);
        long deleted = solvedTicket(agent, customer, Duration.ofDays(6));
        fixtures.as(agent).delete("/api/v2/tickets/" + deleted + ".json").then().statusCode(204);

        assertThat(closing.closeDue(Instant.now())).isGreaterThanOrEqualTo(1);

        assertThat(status(agent, old)).isEqualTo("closed");
        assertThat(status(agent, recent)).isEqualTo("solved");
        assertThat(status(agent, reopened)).isEqualTo("open");
        assertThat(jdbc.queryForObject("SELECT status FROM tickets WHERE id = ?", String.class, deleted)).isEqualTo("solved");
        JsonPath audits = fixtures.as(agent).get("/api/v2/tickets/" + old + "/audits.json").jsonPath();
        int last = audits.getList("audits").size() - 1;
        assertThat(audits.getLong("audits[" + last + "].author_id")).isEqualTo(-1L);
        assertThat(audits.getString("audits[" + last + "].via.channel")).isEqualTo("rule");
        assertThat(audits.getList("audits[" + last + "].events.value", String.class)).contains("closed");
        // R5: a closed ticket stays closed; a second run changes nothing.
        assertThat(closing.closeDue(Instant.now())).isZero();
        fixtures.as(agent).body(Map.of("ticket", Map.of("status", "open")))
                .put("/api/v2/tickets/" + old + ".json").then().statusCode(422);
    }

    @Test
    void closingRunsTriggersLikeAnyUpdate() {
        User agent = fixtures.agent("Tom Triggered");
        User customer = fixtures.endUser("Tina Triggered");
        String tag = Fixtures.unique("closing").toLowerCase();
        long triggerId = fixtures.asAdmin().body(Map.of("trigger", Map.of("title", "Closed notice " + tag,
                        "conditions", Map.of("all", List.of(Map.of("field", "status", "operator", "value", "value", "closed"),
                                Map.of("field", "current_tags", "operator", "includes", "value", tag)), "any", List.of()),
                        "actions", List.of(Map.of("field", "notification_user", "value", List.of("requester_id",
                                "Closed: {{ticket.title}}", "Your request is closed now."))))))
                .post("/api/v2/triggers.json").then().statusCode(201).extract().jsonPath().getLong("trigger.id");
        try {
            long id = solvedTicket(agent, customer, Duration.ofDays(5));
            fixtures.as(agent).body(Map.of("ticket", Map.of("tags", List.of(tag))))
                    .put("/api/v2/tickets/" + id + ".json").then().statusCode(200);
            assertThat(notifications.forTicket(id)).noneMatch(n -> Long.valueOf(triggerId).equals(n.getTriggerId()));

            closing.closeDue(Instant.now());

            assertThat(status(agent, id)).isEqualTo("closed");
            assertThat(notifications.forTicket(id)).filteredOn(n -> Long.valueOf(triggerId).equals(n.getTriggerId()))
                    .singleElement().satisfies(n -> assertThat(n.getSubjectTemplate()).isEqualTo("Closed: {{ticket.title}}"));
        } finally {
            fixtures.asAdmin().delete("/api/v2/triggers/" + triggerId + ".json").then().statusCode(204);
        }
    }

    @Test
    void zeroDaysMeansNeverAndTheSettingIsAdminsOnlyWithinItsRange() {
        User agent = fixtures.agent("Nadia Never");
        User customer = fixtures.endUser("Nick Never");
        long old = solvedTicket(agent, customer, Duration.ofDays(30));
        assertThat(fixtures.asAdmin().get("/api/v2/account/settings.json").jsonPath()
                .getInt("settings.tickets.close_solved_after_days")).isEqualTo(4);

        setDays(0);
        assertThat(closing.closeDue(Instant.now())).isZero();
        assertThat(status(agent, old)).isEqualTo("solved");

        fixtures.asAdmin().body(Map.of("settings", Map.of("tickets", Map.of("close_solved_after_days", 29))))
                .put("/api/v2/account/settings.json").then().statusCode(422)
                .body("details.close_solved_after_days[0].description",
                        org.hamcrest.Matchers.equalTo("Close solved tickets after: from 0 (never) to 28 days"));
        fixtures.asAdmin().body(Map.of("settings", Map.of("tickets", Map.of("close_solved_after_days", "soon"))))
                .put("/api/v2/account/settings.json").then().statusCode(422);
        fixtures.as(agent).body(Map.of("settings", Map.of("tickets", Map.of("close_solved_after_days", 1))))
                .put("/api/v2/account/settings.json").then().statusCode(403);
        assertThat(fixtures.asAdmin().get("/api/v2/account/settings.json").jsonPath()
                .getInt("settings.tickets.close_solved_after_days")).isZero();

        setDays(28);
        assertThat(closing.closeDue(Instant.now())).isGreaterThanOrEqualTo(1);
        assertThat(status(agent, old)).isEqualTo("closed");
    }
}
