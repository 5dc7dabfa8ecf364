package org.kontor.routing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The SQL of routing, portable across H2 and PostgreSQL. Row locks ({@code SELECT ... FOR UPDATE}) make routing
 * race-free: availability rows are always locked before ticket rows, and several availability rows in user id
 * order, so two routing passes never deadlock.
 */
@Component
class RoutingStore {
    /** Statuses that count against an agent's capacity. */
    static final String UNSOLVED = "('new', 'open', 'pending', 'hold')";
    static final Instant NEVER = Instant.parse("1970-01-01T00:00:00Z");
    static final int DEFAULT_CAPACITY = 10;

    private final JdbcTemplate jdbc;

    RoutingStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record TicketRow(long id, Long assigneeId, Long groupId, String status, boolean deleted) {
        boolean queued() {
            return !deleted && assigneeId == null && groupId != null && !status.equals("solved") && !status.equals("closed");
        }
    }

    record Candidate(long agentId, int capacity, Instant lastAssignedAt) {
    }

    Optional<Availability> find(long agentId) {
        return jdbc.query("SELECT a.user_id, a.status, a.capacity, a.last_assigned_at, " + loadColumn()
                        + " FROM agent_availability a WHERE a.user_id = ?",
                (rs, i) -> new Availability(rs.getLong(1), AgentStatus.parse(rs.getString(2)).orElse(AgentStatus.OFFLINE),
                        rs.getInt(3), rs.getInt(5), rs.getTimestamp(4).toInstant()), agentId).stream().findFirst();
    }

    /** Every agent's availability (offline with the default capacity when never set), agents by name. */
    List<Availability> all(int limit) {
        return jdbc.query("SELECT u.id, COALESCE(a.status, 'offline'), COALESCE(a.capacity, " + DEFAULT_CAPACITY + "),"
                        + " a.last_assigned_at, (SELECT COUNT(*) FROM tickets t WHERE t.assignee_id = u.id AND t.deleted_at IS NULL"
                        + " AND t.status IN " + UNSOLVED + ") FROM users u LEFT JOIN agent_availability a ON a.user_id = u.id"
                        + " WHERE u.role IN ('agent', 'admin') AND u.active = TRUE ORDER BY u.name, u.id FETCH FIRST " + limit + " ROWS ONLY",
                (rs, i) -> new Availability(rs.getLong(1), AgentStatus.parse(rs.getString(2)).orElse(AgentStatus.OFFLINE),
                        rs.getInt(3), rs.getInt(5), rs.getTimestamp(4) == null ? NEVER : rs.getTimestamp(4).toInstant()));
    }

    int openTickets(long agentId) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM tickets WHERE assignee_id = ? AND deleted_at IS NULL AND status IN "
                + UNSOLVED, Integer.class, agentId);
        return n == null ? 0 : n;
    }

    /** Creates the row on first use; returns false when it existed. */
    boolean insertIfAbsent(long agentId, AgentStatus status, int capacity, Instant now) {
        int existing = jdbc.queryForObject("SELECT COUNT(*) FROM agent_availability WHERE user_id = ?", Integer.class, agentId);
        if (existing > 0) {
            return false;
        }
        try {
            jdbc.update("INSERT INTO agent_availability (user_id, status, capacity, last_assigned_at, updated_at) VALUES (?, ?, ?, ?, ?)",
                    agentId, status.wire(), capacity, Timestamp.from(NEVER), Timestamp.from(now));
            return true;
        } catch (org.springframework.dao.DuplicateKeyException e) {
            return false;
        }
    }

    /** Locks the agent's row; null when the agent has none. */
    AgentStatus lockAgent(long agentId) {
        List<String> s = jdbc.queryForList("SELECT status FROM agent_availability WHERE user_id = ? FOR UPDATE", String.class, agentId);
        return s.isEmpty() ? null : AgentStatus.parse(s.get(0)).orElse(AgentStatus.OFFLINE);
    }

    void update(long agentId, AgentStatus status, int capacity, Instant now) {
        jdbc.update("UPDATE agent_availability SET status = ?, capacity = ?, updated_at = ? WHERE user_id = ?",
                status.wire(), capacity, Timestamp.from(now), agentId);
    }

    void assigned(long agentId, Instant now) {
        jdbc.update("UPDATE agent_availability SET last_assigned_at = ? WHERE user_id = ?", Timestamp.from(now), agentId);
    }

    Optional<TicketRow> ticket(long ticketId, boolean lock) {
        return jdbc.query("SELECT id, assignee_id, group_id, status, deleted_at FROM tickets WHERE id = ?" + (lock ? " FOR UPDATE" : ""),
                (rs, i) -> new TicketRow(rs.getLong(1), (Long) rs.getObject(2, Long.class), (Long) rs.getObject(3, Long.class),
                        rs.getString(4), rs.getTimestamp(5) != null), ticketId).stream().findFirst();
    }

    /** Locks the availability rows of the group's online agents, in user id order (the deadlock-free order). */
    void lockOnlineMembers(long groupId) {
        jdbc.queryForList("SELECT a.user_id FROM agent_availability a WHERE a.status = 'online' AND a.user_id IN"
                + " (SELECT m.user_id FROM group_memberships m WHERE m.group_id = ?) ORDER BY a.user_id FOR UPDATE", Long.class, groupId);
    }

    /**
     * R13's order: online active agents of the group, the one who has waited longest since their last assignment
     * first (ties by id). Their load is asked one at a time ({@link #underCapacity}), so the decision stops at the
     * first agent with room instead of counting every candidate's tickets.
     */
    List<Candidate> candidates(long groupId, Long excludedAgent) {
        return jdbc.query("SELECT a.user_id, a.capacity, a.last_assigned_at"
                        + " FROM agent_availability a"
                        + " JOIN group_memberships m ON m.user_id = a.user_id AND m.group_id = ?"
                        + " JOIN users u ON u.id = a.user_id"
                        + " WHERE a.status = 'online' AND u.active = TRUE AND u.suspended = FALSE AND u.role IN ('agent', 'admin')"
                        + " AND a.user_id <> ?"
                        + " ORDER BY a.last_assigned_at, a.user_id",
                (rs, i) -> new Candidate(rs.getLong(1), rs.getInt(2), rs.getTimestamp(3).toInstant()),
                groupId, excludedAgent == null ? -1L : excludedAgent);
    }

    /**
     * Whether the agent has fewer unsolved tickets than their capacity. Counts at most {@code capacity} rows, so an
     * agent with thousands of tickets costs no more than one with a handful.
     */
    boolean underCapacity(long agentId, int capacity) {
        if (capacity <= 0) {
            return false;
        }
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM (SELECT 1 FROM tickets WHERE assignee_id = ? AND deleted_at IS NULL"
                + " AND status IN " + UNSOLVED + " FETCH FIRST " + capacity + " ROWS ONLY) x", Integer.class, agentId);
        return n != null && n < capacity;
    }

    private static String loadColumn() {
        return "(SELECT COUNT(*) FROM tickets t WHERE t.assignee_id = a.user_id AND t.deleted_at IS NULL AND t.status IN "
                + UNSOLVED + ") AS open_load";
    }

    /** The oldest queued tickets of the given groups (the pull queue and the sweep). */
    List<Long> queued(List<Long> groupIds, int limit) {
        if (groupIds.isEmpty()) {
            return List.of();
        }
        String in = String.join(",", groupIds.stream().map(String::valueOf).toList());
        return jdbc.queryForList("SELECT id FROM tickets WHERE assignee_id IS NULL AND group_id IN (" + in + ")"
                + " AND deleted_at IS NULL AND status IN " + UNSOLVED + " ORDER BY created_at, id FETCH FIRST " + limit + " ROWS ONLY", Long.class);
    }

    List<Long> allQueued(int limit) {
        return jdbc.queryForList("SELECT id FROM tickets WHERE assignee_id IS NULL AND group_id IS NOT NULL"
                + " AND deleted_at IS NULL AND status IN " + UNSOLVED + " ORDER BY created_at, id FETCH FIRST " + limit + " ROWS ONLY", Long.class);
    }

    List<Long> groupsOf(long agentId) {
        return jdbc.queryForList("SELECT group_id FROM group_memberships WHERE user_id = ? ORDER BY group_id", Long.class, agentId);
    }

    /** The agent's new and open tickets in a group: what goes back to the queue when they go offline. */
    List<Long> reassignable(long agentId) {
        return jdbc.queryForList("SELECT id FROM tickets WHERE assignee_id = ? AND group_id IS NOT NULL AND deleted_at IS NULL"
                + " AND status IN ('new', 'open') ORDER BY created_at, id", Long.class, agentId);
    }
}
