package org.kontor.report;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.kontor.ticket.Comment;
import org.kontor.ticket.Ticket;
import org.kontor.ticket.TicketChangeHook;
import org.kontor.ticket.TicketEvents.CommentMadePrivate;
import org.kontor.ticket.TicketEvents.TicketDeleted;
import org.kontor.ticket.TicketEvents.TicketPurged;
import org.kontor.ticket.TicketEvents.TicketRestored;
import org.kontor.ticket.TicketStatus;
import org.kontor.ticket.TicketUpdate;
import org.kontor.user.Actor;
import org.kontor.user.User;
import org.kontor.user.UserService;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps {@code report_activity} (V13) in step with the tickets, in the transaction of each change: a row for every
 * comment an agent writes (a public reply or an internal note, R14) and for every change to solved, each carrying
 * the ticket's current organization, requester, group and assignee. Runs after the business rules, so a rule that
 * solves a ticket is counted too.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class ReportActivity implements TicketChangeHook {
    static final String REPLY = "reply";
    static final String NOTE = "note";
    static final String SOLVE = "solve";
    private static final List<String> OWNERSHIP = List.of("requester_id", "organization_id", "group_id", "assignee_id");

    private final JdbcTemplate jdbc;
    private final UserService users;

    ReportActivity(JdbcTemplate jdbc, UserService users) {
        this.jdbc = jdbc;
        this.users = users;
    }

    @Override
    public void afterChange(TicketUpdate update) {
        Ticket ticket = update.ticket();
        if (!update.isCreate() && OWNERSHIP.stream().anyMatch(f -> update.change(f).isPresent())) {
            jdbc.update("UPDATE report_activity SET organization_id = ?, requester_id = ?, group_id = ?, assignee_id = ? WHERE ticket_id = ?",
                    ticket.getOrganizationId(), ticket.getRequesterId(), ticket.getGroupId(), ticket.getAssigneeId(), ticket.getId());
        }
        for (Comment comment : update.comments()) {
            if (writtenByAgent(comment, update.actor())) {
                insert(ticket, comment.getAuditId(), comment.getId(), comment.isPublic() ? REPLY : NOTE, comment.getAuthorId(),
                        comment.getCreatedAt());
            }
        }
        update.change("status")
                .filter(c -> TicketStatus.SOLVED.wire().equals(c.value()) && !TicketStatus.SOLVED.wire().equals(c.previous()))
                .ifPresent(c -> insert(ticket, update.auditId(), null, SOLVE, update.actor().id(), update.at()));
    }

    /** R16: a public reply made private counts as an internal note from now on. */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(CommentMadePrivate event) {
        jdbc.update("UPDATE report_activity SET kind = ? WHERE ticket_id = ? AND comment_id = ?", NOTE, event.ticketId(), event.commentId());
    }

    /** Deleted tickets count in no report. */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(TicketDeleted event) {
        jdbc.update("DELETE FROM report_activity WHERE ticket_id = ?", event.ticketId());
    }

    /** A ticket removed for good has no report rows (they went when it was deleted; this covers any written since). */
    @EventListener
    void on(TicketPurged event) {
        jdbc.update("DELETE FROM report_activity WHERE ticket_id = ?", event.ticketId());
    }

    /** A restored ticket counts again: its rows are rebuilt from its comments and audits, as V13 built them. */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(TicketRestored event) {
        jdbc.update("INSERT INTO report_activity (ticket_id, audit_id, comment_id, kind, author_id, organization_id, requester_id,"
                + " group_id, assignee_id, ticket_created_at, happened_at)"
                + " SELECT t.id, c.audit_id, c.id, CASE WHEN c.is_public THEN 'reply' ELSE 'note' END, c.author_id, t.organization_id,"
                + " t.requester_id, t.group_id, t.assignee_id, t.created_at, c.created_at"
                + " FROM comments c JOIN tickets t ON t.id = c.ticket_id JOIN users u ON u.id = c.author_id"
                + " WHERE t.id = ? AND u.role IN " + ReportService.AGENT_ROLES, event.ticketId());
        jdbc.update("INSERT INTO report_activity (ticket_id, audit_id, comment_id, kind, author_id, organization_id, requester_id,"
                + " group_id, assignee_id, ticket_created_at, happened_at)"
                + " SELECT t.id, a.id, NULL, 'solve', a.author_id, t.organization_id, t.requester_id, t.group_id, t.assignee_id,"
                + " t.created_at, a.created_at"
                + " FROM audit_events e JOIN audits a ON a.id = e.audit_id JOIN tickets t ON t.id = a.ticket_id"
                + " WHERE t.id = ? AND e.field_name = 'status' AND e.value_text = 'solved'", event.ticketId());
    }

    private boolean writtenByAgent(Comment comment, Actor actor) {
        if (comment.getAuthorId() == actor.id()) {
            return actor.isAgent();
        }
        return users.find(comment.getAuthorId()).map(User::isAgent).orElse(false);
    }

    private void insert(Ticket ticket, long auditId, Long commentId, String kind, long authorId, Instant at) {
        jdbc.update("INSERT INTO report_activity (ticket_id, audit_id, comment_id, kind, author_id, organization_id, requester_id,"
                        + " group_id, assignee_id, ticket_created_at, happened_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                ticket.getId(), auditId, commentId, kind, authorId, ticket.getOrganizationId(), ticket.getRequesterId(),
                ticket.getGroupId(), ticket.getAssigneeId(), Timestamp.from(ticket.getCreatedAt()), Timestamp.from(at));
    }
}
