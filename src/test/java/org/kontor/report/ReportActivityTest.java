package org.kontor.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kontor.group.Group;
import org.kontor.group.GroupService;
import org.kontor.organization.Organization;
import org.kontor.support.IntegrationTest;
import org.kontor.support.MigrationStatements;
import org.kontor.trigger.TriggerService;
import org.kontor.user.User;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * R14's figures come from {@code report_activity}, which {@link ReportActivity} keeps in the transaction of every
 * change. After a sequence of changes through the API — replies, internal notes, a reply made private (R16), the
 * ticket moved to another group, assignee and requester, a solve by a trigger, a deletion — the rows must be exactly
 * what V13 derives from the tickets, comments and audits for existing data.
 */
class ReportActivityTest extends IntegrationTest {
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    GroupService groups;
    @Autowired
    TriggerService triggers;

    @Test
    void r14_activityRowsAreWhatTheMigrationDerivesAfterEveryKindOfChange() {
        fixtures.privateTicketCreation(true);
        Organization orgA = fixtures.organization("Activity A", false);
        Organization orgB = fixtures.organization("Activity B", false);
        User requesterA = fixtures.endUser("Ada Activity", orgA);
        User requesterB = fixtures.endUser("Bert Activity", orgB);
        Group g1 = fixtures.group("Activity one");
        Group g2 = fixtures.group("Activity two");
        User a1 = fixtures.agent("Agnes Activity");
        User a2 = fixtures.agent("Arno Activity");
        groups.addMember(a1.getId(), g1.getId(), false);
        groups.addMember(a2.getId(), g2.getId(), false);
        long trigger = fixtures.asAdmin().body(Map.of("trigger", Map.of("title", "Activity autosolve",
                "conditions", Map.of("all", List.of(Map.of("field", "requester_id", "operator", "is", "value", String.valueOf(requesterA.getId())),
                        Map.of("field", "current_tags", "operator", "includes", "value", "autosolve")), "any", List.of()),
                "actions", List.of(Map.of("field", "status", "value", "solved")))))
                .post("/api/v2/triggers.json").then().statusCode(201).extract().jsonPath().getLong("trigger.id");
        try {
            long t1 = create(a1, requesterA, g1, true, List.of());
            comment(a1, t1, false);
            comment(a2, t1, true);
            fixtures.as(requesterA).body(Map.of("request", Map.of("comment", Map.of("body", "Thanks"))))
                    .put("/api/v2/requests/" + t1 + ".json").then().statusCode(200);
            List<Long> comments = fixtures.as(a1).get("/api/v2/tickets/" + t1 + "/comments.json").then().statusCode(200)
                    .extract().jsonPath().getList("comments.id", Long.class);
            fixtures.as(a1).put("/api/v2/tickets/" + t1 + "/comments/" + comments.get(2) + "/make_private.json").then().statusCode(200);
            update(a1, t1, Map.of("group_id", g2.getId(), "assignee_id", a2.getId()));
            update(a2, t1, Map.of("requester_id", requesterB.getId()));
            update(a2, t1, Map.of("status", "solved"));

            long t2 = create(a1, requesterA, g1, false, List.of());
            comment(a1, t2, false);
            update(a1, t2, Map.of("status", "solved"));
            fixtures.as(a1).delete("/api/v2/tickets/" + t2 + ".json").then().statusCode(204);

            long t3 = create(a1, requesterA, g1, true, List.of("autosolve"));
            assertThat(fixtures.as(a1).get("/api/v2/tickets/" + t3 + ".json").then().extract().jsonPath().getString("ticket.status"))
                    .isEqualTo("solved");

            Set<Long> ids = Set.of(t1, t2, t3);
            List<List<Object>> kept = rows("SELECT ticket_id, audit_id, comment_id, kind, author_id, organization_id, requester_id,"
                    + " group_id, assignee_id, ticket_created_at, happened_at FROM report_activity", ids);
            List<List<Object>> derived = new ArrayList<>();
            for (String select : migrationSelects()) {
                derived.addAll(rows(select, ids));
            }
            assertThat(kept).containsExactlyInAnyOrderElementsOf(derived);
            // t1: the first reply, the note, the reply made private (now a note), the solve, all under its new owners;
            // the requester's own reply is no agent work; t2 is gone with its deletion; t3 was solved by the trigger.
            assertThat(kept.stream().filter(r -> r.get(0).equals(t1)).map(r -> r.get(3))).containsExactlyInAnyOrder("reply", "note", "note", "solve");
            assertThat(kept.stream().filter(r -> r.get(0).equals(t1)))
                    .allMatch(r -> r.get(5).equals(orgB.getId()) && r.get(6).equals(requesterB.getId())
                            && r.get(7).equals(g2.getId()) && r.get(8).equals(a2.getId()));
            assertThat(kept).noneMatch(r -> r.get(0).equals(t2));
            assertThat(kept.stream().filter(r -> r.get(0).equals(t3)).map(r -> r.get(3))).containsExactlyInAnyOrder("reply", "solve");
        } finally {
            triggers.delete(trigger, fixtures.adminActor());
            fixtures.privateTicketCreation(false);
        }
    }

    private long create(User agent, User requester, Group group, boolean isPublic, List<String> tags) {
        Map<String, Object> t = new HashMap<>(Map.of("subject", "Activity", "requester_id", requester.getId(), "group_id", group.getId(),
                "assignee_id", agent.getId(), "tags", tags, "comment", Map.of("body", "First", "public", isPublic)));
        return fixtures.as(agent).body(Map.of("ticket", t)).post("/api/v2/tickets.json").then().statusCode(201)
                .extract().jsonPath().getLong("ticket.id");
    }

    private void comment(User agent, long id, boolean isPublic) {
        update(agent, id, Map.of("comment", Map.of("body", isPublic ? "Reply" : "Note", "public", isPublic)));
    }

    private void update(User agent, long id, Map<String, Object> changes) {
        fixtures.as(agent).body(Map.of("ticket", changes)).put("/api/v2/tickets/" + id + ".json").then().statusCode(200);
    }

    /** Every row of the query whose first column is one of the tickets, as comparable values. */
    private List<List<Object>> rows(String sql, Set<Long> tickets) {
        List<List<Object>> result = new ArrayList<>();
        jdbc.query(sql, rs -> {
            if (tickets.contains(rs.getLong(1))) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= 11; i++) {
                    Object v = i >= 10 ? rs.getTimestamp(i).toInstant() : rs.getObject(i);
                    row.add(v instanceof Number n ? (Object) n.longValue() : v);
                }
                result.add(row);
            }
        });
        return result;
    }

    /** The SELECTs of V13's INSERT statements: how the migration derives the rows for existing data. */
    private static List<String> migrationSelects() {
        return MigrationStatements.inserts("db/migration/V13__report_activity.sql").stream()
                .map(s -> s.substring(s.indexOf("SELECT"))).toList();
    }
}
