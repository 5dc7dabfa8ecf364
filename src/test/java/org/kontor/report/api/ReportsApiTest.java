package org.kontor.report.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kontor.group.Group;
import org.kontor.group.GroupService;
import org.kontor.organization.Organization;
import org.kontor.support.IntegrationTest;
import org.kontor.user.User;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reports (R14) against a hand-built data set in March 2026 that includes private tickets. The tickets are made
 * through the API (so the figures come from what Kontor really writes); then their audit times are moved to the
 * hand-chosen instants below, because the API stamps "now".
 */
class ReportsApiTest extends IntegrationTest {
    private static final String MARCH = "from=2026-03-01&to=2026-03-31";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    GroupService groups;

    /** Built once per JVM: all tests read the same data set; nothing else in the suite writes into 2026-02..04. */
    private static Data data;

    record Data(User agent, User other, Organization org, Organization otherOrg, User r1, User r2, Group group, Group otherGroup) {
    }

    @BeforeEach
    void buildOnce() {
        if (data != null) {
            return;
        }
        fixtures.privateTicketCreation(true);
        User agent = fixtures.agent("Rita Reporter");
        User other = fixtures.agent("Otto Other");
        Organization org = fixtures.organization("Acme Reports", false);
        Organization otherOrg = fixtures.organization("Noise Corp", false);
        User r1 = fixtures.endUser("Rolf One", org);
        User r2 = fixtures.endUser("Rosa Two", org);
        User noise = fixtures.endUser("Nora Noise", otherOrg);
        Group group = fixtures.group("Reports team");
        Group otherGroup = fixtures.group("Other team");
        groups.addMember(agent.getId(), group.getId(), false);
        groups.addMember(other.getId(), otherGroup.getId(), false);

        // T1 public: created 03-02 09:00, public reply 09:30 (first reply 30 min), solved 10:00 (resolution 60 min)
        long t1 = ticket(agent, r1, group, true);
        reply(agent, t1, true);
        solve(agent, t1);
        times(t1, "2026-03-02T09:00:00Z", "2026-03-02T09:30:00Z", "2026-03-02T10:00:00Z");
        // T2 private: internal first comment 03-02 12:00, internal note 12:10, solved 14:00 (resolution 120 min)
        long t2 = ticket(agent, r1, group, false);
        reply(agent, t2, false);
        solve(agent, t2);
        times(t2, "2026-03-02T12:00:00Z", "2026-03-02T12:10:00Z", "2026-03-02T14:00:00Z");
        // T3 public: created 03-09 08:00, public reply 10:00 (first reply 120 min), internal note 10:30, pending
        long t3 = ticket(agent, r2, group, true);
        reply(agent, t3, true);
        reply(agent, t3, false);
        status(agent, t3, "pending");
        times(t3, "2026-03-09T08:00:00Z", "2026-03-09T10:00:00Z", "2026-03-09T10:30:00Z", "2026-03-09T10:31:00Z");
        // T4 private: created 03-10 08:00, nothing else (new)
        long t4 = ticket(null, r2, group, false);
        times(t4, "2026-03-10T08:00:00Z");
        // T5 public: created 02-20 09:00 (before the range), solved 03-03 09:00 (resolution 11 days = 15840 min)
        long t5 = ticket(agent, r1, group, true);
        solve(agent, t5);
        times(t5, "2026-02-20T09:00:00Z", "2026-03-03T09:00:00Z");
        // T7 after the range, same organization
        long t7 = ticket(agent, r1, group, false);
        times(t7, "2026-04-02T09:00:00Z");
        // T6 another organization and group, by another agent: never in Acme's figures
        long t6 = ticket(other, noise, otherGroup, true);
        reply(other, t6, true);
        solve(other, t6);
        times(t6, "2026-03-05T09:00:00Z", "2026-03-05T09:05:00Z", "2026-03-05T09:10:00Z");
        data = new Data(agent, other, org, otherOrg, r1, r2, group, otherGroup);
        fixtures.privateTicketCreation(false);
    }

    private long ticket(User assignee, User requester, Group group, boolean isPublic) {
        Map<String, Object> t = new HashMap<>();
        t.put("subject", "Report data");
        t.put("requester_id", requester.getId());
        t.put("group_id", group.getId());
        t.put("comment", Map.of("body", "First", "public", isPublic));
        if (assignee != null) {
            t.put("assignee_id", assignee.getId());
        }
        User author = assignee != null ? assignee : fixtures.agent("Submitter");
        return fixtures.as(author).body(Map.of("ticket", t)).post("/api/v2/tickets.json").then().statusCode(201)
                .extract().jsonPath().getLong("ticket.id");
    }

    private void reply(User agent, long id, boolean isPublic) {
        fixtures.as(agent).body(Map.of("ticket", Map.of("comment", Map.of("body", "Reply", "public", isPublic))))
                .put("/api/v2/tickets/" + id + ".json").then().statusCode(200);
    }

    private void solve(User agent, long id) {
        status(agent, id, "solved");
    }

    private void status(User agent, long id, String status) {
        fixtures.as(agent).body(Map.of("ticket", Map.of("status", status))).put("/api/v2/tickets/" + id + ".json").then().statusCode(200);
    }

    /** Moves the ticket's audits (in order) and their comments to the given instants; the first is the creation. */
    private void times(long ticketId, String... instants) {
        List<Long> audits = jdbc.queryForList("SELECT id FROM audits WHERE ticket_id = ? ORDER BY id", Long.class, ticketId);
        assertThat(audits).hasSize(instants.length);
        for (int i = 0; i < audits.size(); i++) {
            Timestamp at = Timestamp.from(Instant.parse(instants[i]));
            jdbc.update("UPDATE audits SET created_at = ? WHERE id = ?", at, audits.get(i));
            jdbc.update("UPDATE comments SET created_at = ? WHERE audit_id = ?", at, audits.get(i));
            jdbc.update("UPDATE report_activity SET happened_at = ? WHERE audit_id = ?", at, audits.get(i));
        }
        Timestamp created = Timestamp.from(Instant.parse(instants[0]));
        jdbc.update("UPDATE tickets SET created_at = ? WHERE id = ?", created, ticketId);
        jdbc.update("UPDATE report_activity SET ticket_created_at = ? WHERE ticket_id = ?", created, ticketId);
    }

    private JsonPath get(User user, String path) {
        return fixtures.as(user).get(path).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void r14_organizationReportCountsPrivateTicketsAndInternalNotes() {
        JsonPath r = get(data.agent(), "/api/v2/kontor/reports/organizations/" + data.org().getId() + ".json?" + MARCH);
        assertThat(r.getString("report.name")).isEqualTo(data.org().getName());
        assertThat(r.getLong("report.tickets.created")).isEqualTo(4);
        assertThat(r.getLong("report.tickets.public")).isEqualTo(2);
        assertThat(r.getLong("report.tickets.private")).isEqualTo(2);
        assertThat(r.getLong("report.tickets.solved")).isEqualTo(3);
        assertThat(r.getMap("report.tickets.by_status")).containsEntry("new", 1).containsEntry("open", 0).containsEntry("pending", 1)
                .containsEntry("solved", 2).containsEntry("hold", 0).containsEntry("closed", 0);
        assertThat(r.getLong("report.agent_comments.public_replies")).isEqualTo(4);
        assertThat(r.getLong("report.agent_comments.internal_notes")).isEqualTo(4);
        assertThat(r.getInt("report.first_reply_time.count")).isEqualTo(2);
        assertThat(r.getDouble("report.first_reply_time.median_minutes")).isEqualTo(75.0);
        assertThat(r.getDouble("report.first_reply_time.p90_minutes")).isEqualTo(111.0);
        assertThat(r.getInt("report.resolution_time.count")).isEqualTo(3);
        assertThat(r.getDouble("report.resolution_time.median_minutes")).isEqualTo(120.0);
        assertThat(r.getDouble("report.resolution_time.p90_minutes")).isEqualTo(12696.0);

        assertThat(r.getList("report.series")).hasSize(31);
        assertThat(r.getMap("report.series[1]")).containsEntry("period", "2026-03-02").containsEntry("created", 2)
                .containsEntry("created_public", 1).containsEntry("created_private", 1).containsEntry("solved", 2)
                .containsEntry("public_replies", 2).containsEntry("internal_notes", 2);
        assertThat(r.getMap("report.series[2]")).containsEntry("period", "2026-03-03").containsEntry("solved", 1).containsEntry("created", 0);
        assertThat(r.getMap("report.series[8]")).containsEntry("period", "2026-03-09").containsEntry("created", 1)
                .containsEntry("public_replies", 2).containsEntry("internal_notes", 1);
        assertThat(r.getMap("report.series[9]")).containsEntry("period", "2026-03-10").containsEntry("created_private", 1)
                .containsEntry("internal_notes", 1);
    }

    @Test
    void r14_weeklySeriesAndRequesterReport() {
        JsonPath w = get(data.agent(), "/api/v2/kontor/reports/organizations/" + data.org().getId() + ".json?" + MARCH + "&interval=week");
        assertThat(w.getList("report.series.period", String.class))
                .containsExactly("2026-02-23", "2026-03-02", "2026-03-09", "2026-03-16", "2026-03-23", "2026-03-30");
        assertThat(w.getMap("report.series[1]")).containsEntry("created", 2).containsEntry("solved", 3)
                .containsEntry("public_replies", 2).containsEntry("internal_notes", 2);
        assertThat(w.getMap("report.series[2]")).containsEntry("created", 2).containsEntry("created_private", 1)
                .containsEntry("public_replies", 2).containsEntry("internal_notes", 2);

        JsonPath r2 = get(data.agent(), "/api/v2/kontor/reports/requesters/" + data.r2().getId() + ".json?" + MARCH);
        assertThat(r2.getLong("report.requester_id")).isEqualTo(data.r2().getId());
        assertThat(r2.getLong("report.tickets.created")).isEqualTo(2);
        assertThat(r2.getLong("report.tickets.private")).isEqualTo(1);
        assertThat(r2.getLong("report.tickets.solved")).isEqualTo(0);
        assertThat(r2.getLong("report.agent_comments.internal_notes")).isEqualTo(2);
        assertThat(r2.getDouble("report.first_reply_time.median_minutes")).isEqualTo(120.0);
        assertThat(r2.getString("report.resolution_time.median_minutes")).isNull();

        JsonPath r1 = get(data.agent(), "/api/v2/kontor/reports/requesters/" + data.r1().getId() + ".json?" + MARCH);
        assertThat(r1.getLong("report.tickets.created")).isEqualTo(2);
        assertThat(r1.getLong("report.tickets.solved")).isEqualTo(3);
    }

    @Test
    void r14_agentAndGroupReportsCountSolvedTicketsRepliesAndNotes() {
        JsonPath a = get(data.agent(), "/api/v2/kontor/reports/agents.json?" + MARCH);
        Map<String, Object> rita = a.getMap("report.rows.find { it.agent_id == " + data.agent().getId() + " }");
        assertThat(rita).containsEntry("tickets_solved", 3).containsEntry("public_replies", 4).containsEntry("internal_notes", 3);
        Map<String, Object> otto = a.getMap("report.rows.find { it.agent_id == " + data.other().getId() + " }");
        assertThat(otto).containsEntry("tickets_solved", 1).containsEntry("public_replies", 2).containsEntry("internal_notes", 0);

        JsonPath g = get(data.agent(), "/api/v2/kontor/reports/groups.json?" + MARCH);
        Map<String, Object> team = g.getMap("report.rows.find { it.group_id == " + data.group().getId() + " }");
        assertThat(team).containsEntry("tickets_solved", 3).containsEntry("public_replies", 4).containsEntry("internal_notes", 4);
        Map<String, Object> other = g.getMap("report.rows.find { it.group_id == " + data.otherGroup().getId() + " }");
        assertThat(other).containsEntry("tickets_solved", 1).containsEntry("public_replies", 2).containsEntry("internal_notes", 0);
    }

    @Test
    void reportsComeAsCsvBySuffixOrAcceptHeader() {
        String bySuffix = fixtures.as(data.agent()).get("/api/v2/kontor/reports/organizations/" + data.org().getId() + ".csv?" + MARCH)
                .then().statusCode(200).contentType("text/csv").extract().asString();
        String[] lines = bySuffix.split("\r\n");
        assertThat(lines[0]).isEqualTo("period,tickets_created,created_public,created_private,tickets_solved,public_replies,internal_notes");
        assertThat(lines).hasSize(33);
        assertThat(lines[2]).isEqualTo("2026-03-02,2,1,1,2,2,2");
        assertThat(lines[32]).isEqualTo("total,4,2,2,3,4,4");

        String byAccept = fixtures.as(data.agent()).accept("text/csv").get("/api/v2/kontor/reports/groups?" + MARCH)
                .then().statusCode(200).contentType("text/csv").header("Content-Disposition", org.hamcrest.Matchers.containsString("attachment"))
                .extract().asString();
        assertThat(byAccept).startsWith("group_id,name,tickets_solved,public_replies,internal_notes\r\n")
                .contains(data.group().getId() + "," + data.group().getName() + ",3,4,4\r\n");
    }

    @Test
    void csvCellsCannotRunAsSpreadsheetFormulas() {
        assertThat(org.kontor.report.ReportCsv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(org.kontor.report.ReportCsv.cell("Smith, Jane")).isEqualTo("\"Smith, Jane\"");
        assertThat(org.kontor.report.ReportCsv.cell(-3L)).isEqualTo("-3");
    }

    @Test
    void endUsersNeverSeeReports() {
        String org = "/api/v2/kontor/reports/organizations/" + data.org().getId();
        for (String path : List.of(org + ".json", org + ".csv", "/api/v2/kontor/reports/requesters/" + data.r1().getId() + ".json",
                "/api/v2/kontor/reports/agents.json", "/api/v2/kontor/reports/groups.csv")) {
            fixtures.as(data.r1()).get(path + "?" + MARCH).then().statusCode(403);
            anonymous().get(path).then().statusCode(401);
        }
    }

    @Test
    void badRangesAndUnknownRecordsAnswer400And404() {
        fixtures.as(data.agent()).get("/api/v2/kontor/reports/organizations/" + data.org().getId() + ".json?from=2026-04-01&to=2026-03-01")
                .then().statusCode(400);
        fixtures.as(data.agent()).get("/api/v2/kontor/reports/agents.json?from=yesterday").then().statusCode(400);
        fixtures.as(data.agent()).get("/api/v2/kontor/reports/agents.json?from=2020-01-01&to=2026-01-01").then().statusCode(400);
        fixtures.as(data.agent()).get("/api/v2/kontor/reports/organizations/" + data.org().getId() + ".json?interval=month").then().statusCode(400);
        fixtures.as(data.agent()).get("/api/v2/kontor/reports/organizations/999999999.json").then().statusCode(404);
    }
}
