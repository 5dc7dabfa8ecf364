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
    @Autowired
    org.kontor.ticket.DeletedTicketPurge purge;
    @Autowired
    org.kontor.publication.ScheduledPublications publications;

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

    private long rows(String sql, long ticketId) {
        return jdbc.queryForObject(sql, Long.class, ticketId);
    }

    @Test
    void permanentDeletionLeavesNothingOfTheTicketAndOnlyDeletedTicketsCanBePurged() throws Exception {
        User agent = fixtures.agent("Pam Purger");
        User customer = fixtures.endUser("Gus Gone");
        String word = Fixtures.unique("Vergessen");
        String token = fixtures.as(agent).contentType("text/plain").body("secret file " + word)
                .post("/api/v2/uploads.json?filename=secret.txt").then().statusCode(201).extract().jsonPath().getString("upload.token");
        long id = fixtures.as(agent).body(Map.of("ticket", Map.of("subject", "Purge " + word, "requester_id", customer.getId(),
                        "tags", List.of("purge-me"), "comment", Map.of("body", "Text " + word, "uploads", List.of(token)))))
                .post("/api/v2/tickets.json").then().statusCode(201).extract().jsonPath().getLong("ticket.id");
        fixtures.as(agent).body(Map.of("ticket", Map.of("comment", Map.of("body", "Note " + word, "public", false))))
                .put("/api/v2/tickets/" + id + ".json").then().statusCode(200);
        long live = ticket(agent, customer, "Still here");

        String notDeleted = fixtures.as(agent).delete("/api/v2/deleted_tickets/" + live + ".json")
                .then().statusCode(200).extract().jsonPath().getString("job_status.id");
        JsonPath refused = fixtures.finishedJob(agent, notDeleted);
        assertThat(refused.getBoolean("job_status.results[0].success")).isFalse();
        assertThat(refused.getString("job_status.results[0].error")).isEqualTo("RecordNotFound");
        fixtures.as(agent).get("/api/v2/tickets/" + live + ".json").then().statusCode(200);

        fixtures.as(agent).delete("/api/v2/tickets/" + id + ".json").then().statusCode(204);
        String jobId = fixtures.as(agent).delete("/api/v2/deleted_tickets/" + id + ".json")
                .then().statusCode(200).extract().jsonPath().getString("job_status.id");
        JsonPath job = fixtures.finishedJob(agent, jobId);

        assertThat(job.getList("job_status.results.status", String.class)).containsExactly("Deleted");
        for (String sql : List.of("SELECT COUNT(*) FROM tickets WHERE id = ?", "SELECT COUNT(*) FROM comments WHERE ticket_id = ?",
                "SELECT COUNT(*) FROM audits WHERE ticket_id = ?", "SELECT COUNT(*) FROM ticket_tags WHERE ticket_id = ?",
                "SELECT COUNT(*) FROM attachments WHERE ticket_id = ?", "SELECT COUNT(*) FROM notifications WHERE ticket_id = ?",
                "SELECT COUNT(*) FROM report_activity WHERE ticket_id = ?")) {
            assertThat(rows(sql, id)).as(sql).isZero();
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM attachment_contents c WHERE NOT EXISTS"
                + " (SELECT 1 FROM attachments a WHERE a.id = c.attachment_id)", Long.class)).isZero();
        assertThat(deletedIds(agent)).doesNotContain(id);
        fixtures.as(agent).put("/api/v2/deleted_tickets/" + id + "/restore.json").then().statusCode(404);
        assertThat(fixtures.as(agent).queryParam("query", word).get("/api/v2/search.json").jsonPath().getInt("count")).isZero();
        fixtures.as(customer).delete("/api/v2/deleted_tickets/" + live + ".json").then().statusCode(403);
    }

    private void devMailboxCopy(long id, long notificationId) {
        jdbc.update("INSERT INTO dev_mailbox (id, notification_id, message_id, mail_from, mail_to, subject, headers_text,"
                        + " text_body, html_body, created_at) VALUES (?, ?, ?, 'support@example.test', 'someone@example.test',"
                        + " 'Copy', '', 'text', '<p>text</p>', ?)", id, notificationId, "<copy-" + id + "@kontor.test>",
                java.sql.Timestamp.from(java.time.Instant.now()));
    }

    @Test
    void permanentDeletionAlsoRemovesTheDeveloperMailboxCopiesAndAPendingScheduledPublication() {
        User agent = fixtures.agent("Dora Devmail");
        User customer = fixtures.endUser("Pia Planned");
        long mailed = ticket(agent, customer, "Mailed then purged");
        long kept = ticket(agent, customer, "Mailed and kept");
        long planned;
        fixtures.privateTicketCreation(true);
        try {
            planned = fixtures.as(agent).body(Map.of("ticket", Map.of("subject", "Planned announcement", "requester_id",
                            customer.getId(), "comment", Map.of("body", "Draft", "public", false)))).post("/api/v2/tickets.json")
                    .then().statusCode(201).extract().jsonPath().getLong("ticket.id");
        } finally {
            fixtures.privateTicketCreation(false);
        }
        long publication = publications.schedule(planned, "Announcing it now", java.time.Instant.now().plus(java.time.Duration.ofDays(3)),
                org.kontor.user.Actor.of(agent)).getId();
        List<Long> mailedNotifications = jdbc.queryForList("SELECT id FROM notifications WHERE ticket_id = ?", Long.class, mailed);
        long keptNotification = jdbc.queryForList("SELECT id FROM notifications WHERE ticket_id = ?", Long.class, kept).get(0);
        assertThat(mailedNotifications).isNotEmpty();
        mailedNotifications.forEach(n -> devMailboxCopy(-n, n));
        devMailboxCopy(-keptNotification, keptNotification);
        String task = "SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'publish-scheduled-reply' AND task_instance = ?";
        assertThat(jdbc.queryForObject(task, Long.class, String.valueOf(publication))).isOne();

        for (long id : List.of(mailed, planned)) {
            fixtures.as(agent).delete("/api/v2/tickets/" + id + ".json").then().statusCode(204);
            purge.purge(id, org.kontor.user.Actor.of(agent));
        }

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dev_mailbox WHERE id IN (" + String.join(",",
                mailedNotifications.stream().map(n -> String.valueOf(-n)).toList()) + ")", Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dev_mailbox WHERE id = ?", Long.class, -keptNotification)).isOne();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM scheduled_publications WHERE ticket_id = ?", Long.class, planned)).isZero();
        assertThat(jdbc.queryForObject(task, Long.class, String.valueOf(publication))).isZero();
        jdbc.update("DELETE FROM dev_mailbox WHERE id = ?", -keptNotification);
    }

    @Test
    void deletedTicketsArePurgedThirtyDaysAfterTheirDeletionAndNotBefore() {
        User agent = fixtures.agent("Tim Timer");
        User customer = fixtures.endUser("Tina Timer");
        long id = ticket(agent, customer, "Old deleted");
        fixtures.as(agent).delete("/api/v2/tickets/" + id + ".json").then().statusCode(204);
        java.time.Duration thirtyDays = java.time.Duration.ofDays(30);

        purge.purgeDue(thirtyDays, java.time.Instant.now().plus(java.time.Duration.ofDays(29)));
        assertThat(rows("SELECT COUNT(*) FROM tickets WHERE id = ?", id)).isEqualTo(1);
        assertThat(purge.purgeDue(java.time.Duration.ZERO, java.time.Instant.now().plus(java.time.Duration.ofDays(365)))).isZero();

        assertThat(purge.purgeDue(thirtyDays, java.time.Instant.now().plus(java.time.Duration.ofDays(31)))).isPositive();
        assertThat(rows("SELECT COUNT(*) FROM tickets WHERE id = ?", id)).isZero();
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
