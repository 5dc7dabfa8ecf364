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
import org.kontor.ticket.TicketStatus;
import org.kontor.user.Actor;
import org.kontor.visibility.AccessPolicy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reports. Aggregates only, computed with SQL that runs unchanged on H2 and PostgreSQL, grouped by UTC day in the
 * database: created tickets from the tickets' (organization or requester, created_at, status, privacy) indexes, the
 * work done from {@code report_activity} (one row per agent comment and per solve, kept by {@link ReportActivity}),
 * so a report reads index ranges of its organization or requester and never joins comments or audits. Medians and
 * p90s are computed here from one duration per ticket. Private tickets and internal notes count like any other work
 * (R14); who may see these aggregates is the access policy's answer (agents and admins only), and no report lists a
 * ticket, a comment or its text.
 *
 * <p>Definitions: <em>created</em> and <em>by status</em> are over tickets created in the range (status as of
 * now); <em>solved</em> counts tickets that changed to solved in the range; <em>agent comments</em> are every
 * comment written in the range by an agent or admin (the first comment of a ticket they created on behalf of a
 * customer too), public replies and internal notes apart; <em>first reply time</em> is from creation to the first later public
 * comment by an agent, over tickets created in the range (a private ticket has none until it is made public);
 * <em>resolution time</em> is from creation to the solve, over tickets solved in the range.
 */
@Service
public class ReportService {
    static final String AGENT_ROLES = "('agent', 'admin')";
    /** The UTC day of a timestamp, the same on H2 and PostgreSQL (and much cheaper than arithmetic on the epoch). */
    private static final String DAY = "CAST(%s AT TIME ZONE 'UTC' AS DATE)";
    private static final List<String> STATUSES = TicketStatus.wires();

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

        Map<LocalDate, long[]> buckets = new TreeMap<>();
        for (LocalDate d : range.buckets()) {
            buckets.put(d, new long[6]);
        }
        // created per day, public and private apart, and by current status
        Map<String, Long> byStatus = new LinkedHashMap<>();
        STATUSES.forEach(s -> byStatus.put(s, 0L));
        long[] totals = new long[6];
        jdbc.query("SELECT " + DAY.formatted("t.created_at") + " AS d, t.is_public, t.status, COUNT(*) FROM tickets t WHERE t."
                + scope.column + " = ? AND t.created_at >= ? AND t.created_at < ? AND t.deleted_at IS NULL"
                + " GROUP BY " + DAY.formatted("t.created_at") + ", t.is_public, t.status",
                (RowCallbackHandler) rs -> {
                    long n = rs.getLong(4);
                    long[] b = buckets.get(range.bucketOf(rs.getObject(1, LocalDate.class)));
                    int col = rs.getBoolean(2) ? 1 : 2;
                    add(b, totals, 0, n);
                    add(b, totals, col, n);
                    byStatus.merge(rs.getString(3), n, Long::sum);
                }, id, from, to);
        // agent comments per day
        String activity = " FROM report_activity r WHERE r." + scope.column + " = ? AND ";
        jdbc.query("SELECT " + DAY.formatted("r.happened_at") + ", r.kind, COUNT(*)" + activity + "r.kind IN ('" + ReportActivity.REPLY
                        + "', '" + ReportActivity.NOTE + "') AND r.happened_at >= ? AND r.happened_at < ?"
                        + " GROUP BY " + DAY.formatted("r.happened_at") + ", r.kind",
                (RowCallbackHandler) rs -> add(buckets.get(range.bucketOf(rs.getObject(1, LocalDate.class))), totals,
                        ReportActivity.REPLY.equals(rs.getString(2)) ? 4 : 5, rs.getLong(3)),
                id, from, to);
        // solved in the range: the first solve in the range per ticket, and its resolution time
        List<Double> resolution = new ArrayList<>();
        jdbc.query("SELECT r.ticket_id, MIN(r.ticket_created_at), MIN(r.happened_at)" + activity + "r.kind = '" + ReportActivity.SOLVE
                        + "' AND r.happened_at >= ? AND r.happened_at < ? GROUP BY r.ticket_id",
                (RowCallbackHandler) rs -> {
                    Instant created = rs.getTimestamp(2).toInstant();
                    Instant solved = rs.getTimestamp(3).toInstant();
                    add(buckets.get(range.bucketOf(LocalDate.ofEpochDay(Math.floorDiv(solved.getEpochSecond(), 86400)))), totals, 3, 1);
                    resolution.add((solved.toEpochMilli() - created.toEpochMilli()) / 60000.0);
                }, id, from, to);
        // first reply time of the tickets created in the range (a reply comes after its ticket's creation)
        List<Double> firstReply = new ArrayList<>();
        jdbc.query("SELECT r.ticket_id, MIN(r.ticket_created_at), MIN(r.happened_at)" + activity + "r.kind = '" + ReportActivity.REPLY
                        + "' AND r.happened_at > ? AND r.ticket_created_at >= ? AND r.ticket_created_at < ?"
                        + " AND r.happened_at > r.ticket_created_at GROUP BY r.ticket_id",
                (RowCallbackHandler) rs -> firstReply.add((rs.getTimestamp(3).getTime() - rs.getTimestamp(2).getTime()) / 60000.0),
                id, from, from, to);

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
        // Agents past and present (their work counts), but not Kontor's system user (-1), who does no agent's work.
        jdbc.query("SELECT id, name FROM users WHERE role IN " + AGENT_ROLES + " AND id <> -1 ORDER BY name, id",
                (RowCallbackHandler) rs -> {
                    rows.put(rs.getLong(1), new WorkRow(rs.getLong(1), rs.getString(2), 0, 0, 0));
                });
        Map<Long, long[]> figures = new HashMap<>();
        Timestamp from = Timestamp.from(range.start());
        Timestamp to = Timestamp.from(range.end());
        work("assignee_id", "author_id", figures, from, to);
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
        work("group_id", "group_id", figures, from, to);
        return new WorkReport("groups", range, merge(rows, figures));
    }

    /**
     * Tickets solved in the range by {@code solvedBy} (the ticket's current assignee or group, each ticket once), and
     * agents' public replies and internal notes by {@code wroteBy} (the author, or the ticket's current group).
     */
    private void work(String solvedBy, String wroteBy, Map<Long, long[]> figures, Timestamp from, Timestamp to) {
        jdbc.query("SELECT r." + solvedBy + ", COUNT(DISTINCT r.ticket_id) FROM report_activity r WHERE r.kind = '" + ReportActivity.SOLVE
                        + "' AND r.happened_at >= ? AND r.happened_at < ? AND r." + solvedBy + " IS NOT NULL GROUP BY r." + solvedBy,
                (RowCallbackHandler) rs -> figures.computeIfAbsent(rs.getLong(1), k -> new long[3])[0] = rs.getLong(2), from, to);
        jdbc.query("SELECT r." + wroteBy + ", r.kind, COUNT(*) FROM report_activity r WHERE r.kind IN ('" + ReportActivity.REPLY + "', '"
                        + ReportActivity.NOTE + "') AND r.happened_at >= ? AND r.happened_at < ? AND r." + wroteBy + " IS NOT NULL"
                        + " GROUP BY r." + wroteBy + ", r.kind",
                (RowCallbackHandler) rs -> figures.computeIfAbsent(rs.getLong(1), k -> new long[3])[
                        ReportActivity.REPLY.equals(rs.getString(2)) ? 1 : 2] += rs.getLong(3), from, to);
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
