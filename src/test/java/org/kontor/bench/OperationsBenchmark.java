package org.kontor.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.kontor.report.ReportRange;
import org.kontor.report.ReportService;
import org.kontor.routing.Router;
import org.kontor.support.IntegrationTest;
import org.kontor.support.MigrationStatements;
import org.kontor.support.TestDatabase;
import org.kontor.user.Actor;
import org.kontor.user.Role;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Benchmark of reports and routing (issue 7), not part of {@code ./kontor test} (its name does not end in Test):
 * {@code bench/operations} runs it on PostgreSQL. It seeds {@code -Dkontor.bench.tickets} tickets (default 1,000,000)
 * over one year with batched JDBC inserts — 10 % of them in one large organization, the rest over 199 others, with
 * first comments, agent replies (public and internal), solves — then times the reports through {@link ReportService}
 * (the same call the API makes) and routing decisions through {@link Router}.
 */
class OperationsBenchmark extends IntegrationTest {
    private static final long BASE = 1_000_000_000L;
    private static final int ORGS = 200;
    private static final int END_USERS = 20_000;
    private static final int AGENTS = 50;
    private static final int GROUPS = 10;
    private static final int ROUTING_AGENTS = 6;
    private static final Instant YEAR_START = Instant.parse("2025-01-01T00:00:00Z");
    private static final long YEAR_SECONDS = 365L * 86400;

    @Autowired
    ReportService reports;
    @Autowired
    Router router;

    @Test
    void reportsAndRouting() throws Exception {
        int tickets = Integer.getInteger("kontor.bench.tickets", 1_000_000);
        String url = TestDatabase.properties().get("spring.datasource.url");
        String sep = url.contains("?") ? "&" : "?";
        long seedStart = System.nanoTime();
        long rows;
        try (Connection c = DriverManager.getConnection(url + sep + "reWriteBatchedInserts=true",
                TestDatabase.properties().get("spring.datasource.username"), TestDatabase.properties().get("spring.datasource.password"))) {
            c.setAutoCommit(false);
            rows = seed(c, tickets);
            try (Statement s = c.createStatement()) {
                c.commit();
                // The reports' activity rows, as V13 writes them for existing data (Kontor writes them on each change).
                for (String insert : MigrationStatements.inserts("db/migration/V13__report_activity.sql")) {
                    rows += s.executeUpdate(insert);
                }
                c.commit();
                c.setAutoCommit(true);
                s.execute("VACUUM ANALYZE");
            }
        }
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
        print(String.format(Locale.ROOT, "seeded     %,d tickets (%,d rows) in %.0f s on %s", tickets, rows, seedSeconds, TestDatabase.kind()));
        // Developer aid: keep the seeded database open for EXPLAIN in psql.
        long pause = Long.getLong("kontor.bench.pauseSeconds", 0L);
        if (pause > 0) {
            print("paused on " + url);
            Thread.sleep(pause * 1000);
        }

        Actor admin = fixtures.adminActor();
        ReportRange year = ReportRange.of("2025-01-01", "2025-12-31", "day");
        ReportRange yearWeeks = ReportRange.of("2025-01-01", "2025-12-31", "week");
        long big = BASE + 1;
        long typical = BASE + 2;
        long requester = BASE + 10_000 + 2;
        print("reports    (one-year range, 2025-01-01..2025-12-31; 3 warm-up runs, then 10 timed)");
        time("organization, large (" + count("organization_id", big) + " tickets)",
                () -> reports.customer(ReportService.CustomerScope.ORGANIZATION, big, year, admin));
        time("organization, large, weekly", () -> reports.customer(ReportService.CustomerScope.ORGANIZATION, big, yearWeeks, admin));
        time("organization, typical (" + count("organization_id", typical) + " tickets)",
                () -> reports.customer(ReportService.CustomerScope.ORGANIZATION, typical, year, admin));
        time("requester (" + count("requester_id", requester) + " tickets)",
                () -> reports.customer(ReportService.CustomerScope.REQUESTER, requester, year, admin));
        time("agents (all " + AGENTS + ")", () -> reports.agents(year, admin));
        time("groups (all " + GROUPS + ")", () -> reports.groups(year, admin));

        routing();
    }

    private final org.springframework.jdbc.core.JdbcTemplate jdbc() {
        return applicationJdbc;
    }

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate applicationJdbc;

    private long count(String column, long id) {
        return jdbc().queryForObject("SELECT COUNT(*) FROM tickets WHERE " + column + " = ?", Long.class, id);
    }

    /**
     * Routes 500 queued tickets (a third private) one after another to a fresh group of 6 online agents with a
     * capacity of 100 each, in a database holding all the seeded tickets, and prints the timings.
     */
    private void routing() {
        long group = BASE + 100;
        Timestamp now = Timestamp.from(Instant.now());
        jdbc().update("INSERT INTO agent_groups (id, name, is_default, deleted, created_at, updated_at) VALUES (?, 'Bench routing', FALSE, FALSE, ?, ?)",
                group, now, now);
        for (int a = 0; a < ROUTING_AGENTS; a++) {
            long agent = BASE + 200_000 + a;
            jdbc().update("INSERT INTO users (id, name, email, role, locale, verified, active, suspended, created_at, updated_at, version)"
                    + " VALUES (?, ?, ?, 'agent', 'en-US', TRUE, TRUE, FALSE, ?, ?, 0)", agent, "Routing agent " + a, "routing-agent-" + a + "@bench.test", now, now);
            jdbc().update("INSERT INTO group_memberships (id, user_id, group_id, is_default, created_at, updated_at) VALUES (?, ?, ?, TRUE, ?, ?)",
                    BASE + 1_000 + a, agent, group, now, now);
            jdbc().update("INSERT INTO agent_availability (user_id, status, capacity, last_assigned_at, updated_at)"
                    + " VALUES (?, 'online', 100, TIMESTAMP '1970-01-01 00:00:00', CURRENT_TIMESTAMP)", agent);
        }
        List<Long> queued = new ArrayList<>();
        long id = BASE + 5_000_000;
        for (int i = 0; i < 500; i++, id++) {
            jdbc().update("INSERT INTO tickets (id, subject, status, requester_id, submitter_id, group_id, via_channel, is_public,"
                    + " public_comments_ever, public_comments_now, made_public_from_private, created_at, updated_at, version)"
                    + " VALUES (?, 'Queued', 'new', ?, ?, ?, 'api', ?, 1, 1, FALSE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)",
                    id, BASE + 10_000 + (i % END_USERS), BASE + 100_000, group, i % 3 != 0);
            queued.add(id);
        }
        long start = System.nanoTime();
        int assigned = 0;
        for (long t : queued) {
            if (router.route(t, null).assignedNow()) {
                assigned++;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, org.kontor.routing.Timing.Stats> timings = router.timings();
        print(String.format(Locale.ROOT, "routing    %d queued tickets (a third private), a fresh group of %d online agents (capacity 100 each): %d assigned in %.1f s",
                queued.size(), ROUTING_AGENTS, assigned, seconds));
        print("  decision " + timings.get("decision") + "   (locks held: re-read ticket, candidates with their load, choose)");
        print("  pass     " + timings.get("pass") + "   (whole pass: locks, decision, audited ticket update, commit excluded)");
    }

    private static void print(String line) {
        System.out.println("[bench] " + line);
    }

    private static void time(String name, Supplier<Object> report) {
        for (int i = 0; i < 3; i++) {
            report.get();
        }
        long[] ns = new long[10];
        for (int i = 0; i < ns.length; i++) {
            long s = System.nanoTime();
            report.get();
            ns[i] = System.nanoTime() - s;
        }
        Arrays.sort(ns);
        print(String.format(Locale.ROOT, "  %-45s p50 %7.1f ms   max %7.1f ms", name, ns[ns.length / 2] / 1e6, ns[ns.length - 1] / 1e6));
    }

    /** Organizations, end users, agents, groups, memberships, then tickets with comments, audits and solve events. */
    private long seed(Connection c, int tickets) throws Exception {
        Random random = new Random(42);
        Timestamp now = Timestamp.from(Instant.now());
        long rows = 0;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO organizations (id, name, name_key, shared_tickets, shared_comments,"
                + " created_at, updated_at) VALUES (?, ?, ?, FALSE, FALSE, ?, ?)")) {
            for (int o = 1; o <= ORGS; o++) {
                ps.setLong(1, BASE + o);
                ps.setString(2, "Bench org " + o);
                ps.setString(3, "bench org " + o);
                ps.setTimestamp(4, now);
                ps.setTimestamp(5, now);
                ps.addBatch();
            }
            rows += ps.executeBatch().length;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO users (id, name, email, role, organization_id, locale, verified, active,"
                + " suspended, created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, 'en-US', TRUE, TRUE, FALSE, ?, ?, 0)")) {
            for (int u = 0; u < END_USERS; u++) {
                ps.setLong(1, BASE + 10_000 + u);
                ps.setString(2, "Bench customer " + u);
                ps.setString(3, "bench-customer-" + u + "@bench.test");
                ps.setString(4, Role.END_USER.wire());
                ps.setLong(5, BASE + orgOfUser(u));
                ps.setTimestamp(6, now);
                ps.setTimestamp(7, now);
                ps.addBatch();
            }
            for (int a = 0; a < AGENTS; a++) {
                ps.setLong(1, BASE + 100_000 + a);
                ps.setString(2, "Bench agent " + a);
                ps.setString(3, "bench-agent-" + a + "@bench.test");
                ps.setString(4, Role.AGENT.wire());
                ps.setNull(5, java.sql.Types.BIGINT);
                ps.setTimestamp(6, now);
                ps.setTimestamp(7, now);
                ps.addBatch();
            }
            rows += ps.executeBatch().length;
        }
        try (PreparedStatement g = c.prepareStatement("INSERT INTO agent_groups (id, name, is_default, deleted, created_at, updated_at)"
                + " VALUES (?, ?, FALSE, FALSE, ?, ?)");
             PreparedStatement m = c.prepareStatement("INSERT INTO group_memberships (id, user_id, group_id, is_default, created_at, updated_at)"
                     + " VALUES (?, ?, ?, TRUE, ?, ?)")) {
            for (int i = 1; i <= GROUPS; i++) {
                g.setLong(1, BASE + i);
                g.setString(2, "Bench group " + i);
                g.setTimestamp(3, now);
                g.setTimestamp(4, now);
                g.addBatch();
            }
            rows += g.executeBatch().length;
            for (int a = 0; a < AGENTS; a++) {
                m.setLong(1, BASE + a);
                m.setLong(2, BASE + 100_000 + a);
                m.setLong(3, BASE + 1 + (a % GROUPS));
                m.setTimestamp(4, now);
                m.setTimestamp(5, now);
                m.addBatch();
            }
            rows += m.executeBatch().length;
        }
        String[] statuses = {"new", "open", "pending", "hold"};
        try (PreparedStatement t = c.prepareStatement("INSERT INTO tickets (id, subject, description, status, requester_id, submitter_id,"
                + " assignee_id, group_id, organization_id, via_channel, is_public, public_comments_ever, public_comments_now,"
                + " made_public_from_private, created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'api', ?, ?, ?, FALSE, ?, ?, 0)");
             PreparedStatement a = c.prepareStatement("INSERT INTO audits (id, ticket_id, author_id, via_channel, created_at) VALUES (?, ?, ?, 'api', ?)");
             PreparedStatement cm = c.prepareStatement("INSERT INTO comments (id, ticket_id, audit_id, author_id, plain_body, html_body, is_public,"
                     + " via_channel, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'api', ?)");
             PreparedStatement e = c.prepareStatement("INSERT INTO audit_events (id, audit_id, position, event_type, field_name, value_text,"
                     + " previous_text) VALUES (?, ?, 0, 'Change', 'status', 'solved', 'open')")) {
            long auditId = BASE;
            long commentId = BASE;
            long eventId = BASE;
            for (int i = 0; i < tickets; i++) {
                long id = BASE + i;
                int user = random.nextInt(10) == 0 ? bigOrgUser(random) : random.nextInt(END_USERS);
                long requester = BASE + 10_000 + user;
                long org = BASE + orgOfUser(user);
                long agent = BASE + 100_000 + random.nextInt(AGENTS);
                long group = BASE + 1 + (agent - BASE - 100_000) % GROUPS;
                boolean isPublic = random.nextInt(5) != 0; // one in five private (R14)
                Instant created = YEAR_START.plusSeconds((long) (random.nextDouble() * YEAR_SECONDS));
                boolean replied = random.nextInt(10) < 7;
                boolean solved = replied && random.nextInt(7) < 6;
                Instant replyAt = created.plusSeconds(300 + random.nextInt(48 * 3600));
                t.setLong(1, id);
                t.setString(2, "Bench ticket " + i);
                t.setString(3, "First comment");
                t.setString(4, solved ? "solved" : statuses[random.nextInt(statuses.length)]);
                t.setLong(5, requester);
                t.setLong(6, agent);
                t.setLong(7, agent);
                t.setLong(8, group);
                t.setLong(9, org);
                t.setBoolean(10, isPublic);
                t.setInt(11, isPublic ? (replied ? 2 : 1) : 0);
                t.setInt(12, isPublic ? (replied ? 2 : 1) : 0);
                t.setTimestamp(13, Timestamp.from(created));
                t.setTimestamp(14, Timestamp.from(replied ? replyAt : created));
                t.addBatch();
                a.setLong(1, ++auditId);
                a.setLong(2, id);
                a.setLong(3, agent);
                a.setTimestamp(4, Timestamp.from(created));
                a.addBatch();
                comment(cm, ++commentId, id, auditId, agent, isPublic, created);
                if (replied) {
                    a.setLong(1, ++auditId);
                    a.setLong(2, id);
                    a.setLong(3, agent);
                    a.setTimestamp(4, Timestamp.from(replyAt));
                    a.addBatch();
                    comment(cm, ++commentId, id, auditId, agent, isPublic, replyAt);
                    if (solved) {
                        e.setLong(1, ++eventId);
                        e.setLong(2, auditId);
                        e.addBatch();
                    }
                }
                if (i % 2_000 == 1_999 || i == tickets - 1) {
                    rows += t.executeBatch().length;
                    rows += a.executeBatch().length;
                    rows += cm.executeBatch().length;
                    rows += e.executeBatch().length;
                    c.commit();
                }
                if (i % 100_000 == 99_999) {
                    print(String.format(Locale.ROOT, "  seeded %,d tickets", i + 1));
                }
            }
        }
        return rows;
    }

    private static void comment(PreparedStatement cm, long id, long ticket, long audit, long author, boolean isPublic, Instant at)
            throws java.sql.SQLException {
        cm.setLong(1, id);
        cm.setLong(2, ticket);
        cm.setLong(3, audit);
        cm.setLong(4, author);
        cm.setString(5, "Bench comment");
        cm.setString(6, "<p>Bench comment</p>");
        cm.setBoolean(7, isPublic);
        cm.setTimestamp(8, Timestamp.from(at));
        cm.addBatch();
    }

    /** Users 0..99 belong to organization 1 (the large one); the others spread over organizations 2..200. */
    private static int orgOfUser(int user) {
        return user < 100 ? 1 : 2 + (user % (ORGS - 1));
    }

    private static int bigOrgUser(Random random) {
        return random.nextInt(100);
    }
}
