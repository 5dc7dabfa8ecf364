package org.kontor.report;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.kontor.common.Forbidden;
import org.kontor.common.NotFound;
import org.kontor.report.Reports.Bucket;
import org.kontor.report.Reports.CustomerReport;
import org.kontor.report.Reports.Durations;
import org.kontor.report.Reports.WorkReport;
import org.kontor.report.Reports.WorkRow;
import org.kontor.user.Actor;
import org.kontor.visibility.AccessPolicy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reports. Aggregates only, computed with SQL that runs unchanged on H2 and PostgreSQL: counts are grouped by
 * UTC day in the database ({@code FLOOR(EXTRACT(EPOCH FROM ts) / 86400)}), medians and p90s are computed here from
 * one duration per ticket of the organization or requester in the range (a bounded query). Private tickets and
 * internal notes count like any other work (R14); who may see these aggregates is the access policy's answer
 * (agents and admins only), and no report lists a ticket, a comment or its text.
 *
 * <p>Definitions: <em>created</em> and <em>by status</em> are over tickets created in the range (status as of
 * now); <em>solved</em> counts tickets that changed to solved in the range; <em>agent comments</em> are every
 * comment agents wrote in the range (the first comment of a ticket they created on behalf of a customer too),
 * public replies and internal notes apart; <em>first reply time</em> is from creation to the first later public
 * comment by an agent, over tickets created in the range (a private ticket has none until it is made public);
 * <em>resolution time</em> is from creation to the solve, over tickets solved in the range.
 */
@Service
public class ReportService {
    static final String AGENT_ROLES = "('agent', 'admin')";
    private static final String DAY = "FLOOR(EXTRACT(EPOCH FROM %s) / 86400)";
    private static final List<String> STATUSES = List.of("new", "open", "pending", "hold", "solved", "closed");

    private final JdbcTemplate jdbc;
    private final AccessPolicy policy;

    ReportService(JdbcTemplate jdbc, AccessPolicy policy) {
        this.jdbc = jdbc;
        this.policy = policy;
    }

    public enum CustomerScope {
        ORGANIZATION("organization", "organization_id", "SELECT name FROM organizations WHERE id = ?"),
        REQUESTER("requester", "requester_id", "SELECT name FROM users WHERE id = ?");

        final String wire;
        final String column;
        final String nameQuery;

        CustomerScope(String wire, String column, String nameQuery) {
            this.wire = wire;
            this.column = column;
            this.nameQuery = nameQuery;
        }
    }

    private void requireAgentView(Actor actor) {
        if (!policy.viewerFor(actor).agentView()) {
            throw new Forbidden("Reports are for agents and admins");
        }
    }

    @Transactional(readOnly = true)
    public CustomerReport customer(CustomerScope scope, long id, ReportRange range, Actor actor) {
        requireAgentView(actor);
        String name = jdbc.queryForList(scope.nameQuery, String.class, id).stream().findFirst().orElseThrow(NotFound::new);
        Timestamp from = Timestamp.from(range.start());
        Timestamp to = Timestamp.from(range.end());
        String where = "t." + scope.column + " = ? AND t.deleted_at IS NULL";

        Map<LocalDate, long[]> buckets = new TreeMap<>();
        for (LocalDate d : range.buckets()) {
            buckets.put(d, new long[6]);
        }
        // created per day, public and private apart, and by current status
        Map<String, Long> byStatus = new LinkedHashMap<>();
        STATUSES.forEach(s -> byStatus.put(s, 0L));
        long[] totals = new long[6];
        jdbc.query("SELECT " + DAY.formatted("t.created_at") + " AS d, t.is_public, t.status, COUNT(*) FROM tickets t WHERE " + where
                + " AND t.created_at >= ? AND t.created_at < ? GROUP BY " + DAY.formatted("t.created_at") + ", t.is_public, t.status",
                (RowCallbackHandler) rs -> {
                    long n = rs.getLong(4);
                    long[] b = buckets.get(range.bucketOf(rs.getLong(1)));
                    int col = rs.getBoolean(2) ? 1 : 2;
                    add(b, totals, 0, n);
                    add(b, totals, col, n);
                    byStatus.merge(rs.getString(3), n, Long::sum);
                }, id, from, to);
        // agent comments per day
        jdbc.query("SELECT " + DAY.formatted("c.created_at") + ", c.is_public, COUNT(*) FROM comments c"
                + " JOIN tickets t ON t.id = c.ticket_id JOIN users u ON u.id = c.author_id"
                + " WHERE " + where + " AND c.created_at >= ? AND c.created_at < ? AND u.role IN " + AGENT_ROLES
                + " GROUP BY " + DAY.formatted("c.created_at") + ", c.is_public",
                (RowCallbackHandler) rs -> add(buckets.get(range.bucketOf(rs.getLong(1))), totals, rs.getBoolean(2) ? 4 : 5, rs.getLong(3)),
                id, from, to);
        // solved in the range: the first solve in the range per ticket, and its resolution time
        List<Double> resolution = new ArrayList<>();
        jdbc.query("SELECT t.id, t.created_at, MIN(a.created_at) FROM tickets t JOIN audits a ON a.ticket_id = t.id"
                + " JOIN audit_events e ON e.audit_id = a.id WHERE " + where
                + " AND a.created_at >= ? AND a.created_at < ? AND e.field_name = 'status' AND e.value_text = 'solved'"
                + " GROUP BY t.id, t.created_at",
                (RowCallbackHandler) rs -> {
                    Instant created = rs.getTimestamp(2).toInstant();
                    Instant solved = rs.getTimestamp(3).toInstant();
                    add(buckets.get(range.bucketOf(Math.floorDiv(solved.getEpochSecond(), 86400))), totals, 3, 1);
                    resolution.add((solved.toEpochMilli() - created.toEpochMilli()) / 60000.0);
                }, id, from, to);
        // first reply time of the tickets created in the range
        List<Double> firstReply = new ArrayList<>();
        jdbc.query("SELECT t.id, t.created_at, MIN(c.created_at) FROM tickets t JOIN comments c ON c.ticket_id = t.id"
                + " JOIN users u ON u.id = c.author_id WHERE " + where
                + " AND t.created_at >= ? AND t.created_at < ? AND c.is_public = TRUE AND c.created_at > t.created_at"
                + " AND u.role IN " + AGENT_ROLES + " GROUP BY t.id, t.created_at",
                (RowCallbackHandler) rs -> firstReply.add((rs.getTimestamp(3).getTime() - rs.getTimestamp(2).getTime()) / 60000.0),
                id, from, to);

        List<Bucket> series = new ArrayList<>();
        buckets.forEach((d, b) -> series.add(new Bucket(d, b[0], b[1], b[2], b[3], b[4], b[5])));
        return new CustomerReport(scope.wire, id, name, range, totals[0], totals[1], totals[2], totals[3], byStatus,
                totals[4], totals[5], durations(firstReply), durations(resolution), series);
    }

    /** An organization to pick on the reports page. */
    public record Choice(long id, String name) {
    }

    /** The organizations to choose from on the reports page, by name (the first 1,000). */
    @Transactional(readOnly = true)
    public List<Choice> organizations(Actor actor) {
        requireAgentView(actor);
        return jdbc.query("SELECT id, name FROM organizations ORDER BY name, id FETCH FIRST 1000 ROWS ONLY",
                (rs, i) -> new Choice(rs.getLong(1), rs.getString(2)));
    }

    private static void add(long[] bucket, long[] totals, int column, long n) {
        if (bucket != null) {
            bucket[column] += n;
        }
        totals[column] += n;
    }

    /** Per agent: tickets solved in the range (by their current assignee), public replies and internal notes written. */
    @Transactional(readOnly = true)
    public WorkReport agents(ReportRange range, Actor actor) {
        requireAgentView(actor);
        Map<Long, WorkRow> rows = new LinkedHashMap<>();
        jdbc.query("SELECT id, name FROM users WHERE role IN " + AGENT_ROLES + " ORDER BY name, id",
                (RowCallbackHandler) rs -> {
                    rows.put(rs.getLong(1), new WorkRow(rs.getLong(1), rs.getString(2), 0, 0, 0));
                });
        Map<Long, long[]> figures = new HashMap<>();
        Timestamp from = Timestamp.from(range.start());
        Timestamp to = Timestamp.from(range.end());
        jdbc.query("SELECT t.assignee_id, COUNT(DISTINCT t.id) FROM tickets t JOIN audits a ON a.ticket_id = t.id"
                + " JOIN audit_events e ON e.audit_id = a.id WHERE t.assignee_id IS NOT NULL AND t.deleted_at IS NULL"
                + " AND a.created_at >= ? AND a.created_at < ? AND e.field_name = 'status' AND e.value_text = 'solved'"
                + " GROUP BY t.assignee_id",
                (RowCallbackHandler) rs -> {
                    figures.computeIfAbsent(rs.getLong(1), k -> new long[3])[0] = rs.getLong(2);
                }, from, to);
        jdbc.query("SELECT c.author_id, c.is_public, COUNT(*) FROM comments c JOIN tickets t ON t.id = c.ticket_id"
                + " WHERE t.deleted_at IS NULL AND c.created_at >= ? AND c.created_at < ? GROUP BY c.author_id, c.is_public",
                (RowCallbackHandler) rs -> {
                    figures.computeIfAbsent(rs.getLong(1), k -> new long[3])[rs.getBoolean(2) ? 1 : 2] += rs.getLong(3);
                }, from, to);
        return new WorkReport("agents", range, merge(rows, figures));
    }

    /** Per group: tickets of the group solved in the range, agents' public replies and internal notes on them. */
    @Transactional(readOnly = true)
    public WorkReport groups(ReportRange range, Actor actor) {
        requireAgentView(actor);
        Map<Long, WorkRow> rows = new LinkedHashMap<>();
        jdbc.query("SELECT id, name FROM agent_groups WHERE deleted = FALSE ORDER BY name, id",
                (RowCallbackHandler) rs -> {
                    rows.put(rs.getLong(1), new WorkRow(rs.getLong(1), rs.getString(2), 0, 0, 0));
                });
        Map<Long, long[]> figures = new HashMap<>();
        Timestamp from = Timestamp.from(range.start());
        Timestamp to = Timestamp.from(range.end());
        jdbc.query("SELECT t.group_id, COUNT(DISTINCT t.id) FROM tickets t JOIN audits a ON a.ticket_id = t.id"
                + " JOIN audit_events e ON e.audit_id = a.id WHERE t.group_id IS NOT NULL AND t.deleted_at IS NULL"
                + " AND a.created_at >= ? AND a.created_at < ? AND e.field_name = 'status' AND e.value_text = 'solved'"
                + " GROUP BY t.group_id",
                (RowCallbackHandler) rs -> {
                    figures.computeIfAbsent(rs.getLong(1), k -> new long[3])[0] = rs.getLong(2);
                }, from, to);
        jdbc.query("SELECT t.group_id, c.is_public, COUNT(*) FROM comments c JOIN tickets t ON t.id = c.ticket_id"
                + " JOIN users u ON u.id = c.author_id WHERE t.group_id IS NOT NULL AND t.deleted_at IS NULL"
                + " AND c.created_at >= ? AND c.created_at < ? AND u.role IN " + AGENT_ROLES + " GROUP BY t.group_id, c.is_public",
                (RowCallbackHandler) rs -> {
                    figures.computeIfAbsent(rs.getLong(1), k -> new long[3])[rs.getBoolean(2) ? 1 : 2] += rs.getLong(3);
                }, from, to);
        return new WorkReport("groups", range, merge(rows, figures));
    }

    private static List<WorkRow> merge(Map<Long, WorkRow> rows, Map<Long, long[]> figures) {
        List<WorkRow> result = new ArrayList<>();
        rows.forEach((id, r) -> {
            long[] f = figures.getOrDefault(id, new long[3]);
            result.add(new WorkRow(id, r.name(), f[0], f[1], f[2]));
        });
        return result;
    }

    /** Median and p90 with linear interpolation between the closest ranks (PostgreSQL's percentile_cont). */
    static Durations durations(List<Double> minutes) {
        if (minutes.isEmpty()) {
            return new Durations(0, null, null);
        }
        double[] s = minutes.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(s);
        return new Durations(s.length, round(percentile(s, 0.5)), round(percentile(s, 0.9)));
    }

    static double percentile(double[] sorted, double p) {
        double pos = p * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = (int) Math.ceil(pos);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
