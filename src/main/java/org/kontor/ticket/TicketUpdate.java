package org.kontor.ticket;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.kontor.user.Actor;

/**
 * One ticket change as business rules see it: the ticket after the change, the audit that records it, who made
 * it and the comments it wrote. Rule actions change the ticket only through the aggregate, into the same audit,
 * so they are audited like any other change (V3).
 */
public final class TicketUpdate {
    /** One field's change in this update; {@code previous} is null for a field set on creation. */
    public record FieldChange(String field, Object previous, Object value) {
    }

    private final Ticket ticket;
    private final Audit audit;
    private final Actor actor;
    private final boolean created;
    private final List<Comment> comments;
    private final Instant at;

    TicketUpdate(Ticket ticket, Audit audit, Actor actor, boolean created, List<Comment> comments, Instant at) {
        this.ticket = ticket;
        this.audit = audit;
        this.actor = actor;
        this.created = created;
        this.comments = List.copyOf(comments);
        this.at = at;
    }

    public Ticket ticket() {
        return ticket;
    }

    public long auditId() {
        return audit.getId();
    }

    public Actor actor() {
        return actor;
    }

    public boolean isCreate() {
        return created;
    }

    /** When the change happened (every comment and event of this update carries this time). */
    public Instant at() {
        return at;
    }

    public Channel via() {
        return audit.getVia();
    }

    /** The comments this update wrote (at most one today). */
    public List<Comment> comments() {
        return comments;
    }

    /**
     * How a field changed in this update, rule actions included; a field set on creation changed from nothing
     * (as in Zendesk, where "Assignee changed" holds for a ticket created with an assignee).
     */
    public Optional<FieldChange> change(String field) {
        FieldChange last = null;
        for (AuditEvent e : audit.getEvents()) {
            if ((e.getType() == AuditEvent.Type.CHANGE || e.getType() == AuditEvent.Type.CREATE) && field.equals(e.getFieldName())) {
                last = new FieldChange(field, last == null ? e.previousValue() : last.previous(), e.value());
            }
        }
        return Optional.ofNullable(last);
    }

    // Rule actions: through the aggregate's guarded methods, into this update's audit.

    /** Runs a rule's action; the audit events it writes name the rule (Zendesk's event {@code via} a trigger). */
    public void asRule(long ruleId, String ruleTitle, Runnable action) {
        int before = audit.getEvents().size();
        try {
            action.run();
        } finally {
            List<AuditEvent> events = audit.getEvents();
            for (int i = before; i < events.size(); i++) {
                events.get(i).madeByRule(ruleId, ruleTitle);
            }
        }
    }

    public void changeStatus(TicketStatus to) {
        ticket.changeStatus(to, audit, at);
    }

    public void changePriority(Priority to) {
        ticket.changePriority(to, audit, at);
    }

    public void changeType(TicketType to) {
        ticket.changeType(to, audit, at);
    }

    /** The caller has checked that the assignee is an active agent and a member of the group. */
    public void assign(Long assigneeId, Long groupId) {
        ticket.assign(assigneeId, groupId, audit, actor, at);
        ticket.openIfNewAndAssigned(audit, at);
    }

    public void replaceTags(Collection<String> tags) {
        ticket.replaceTags(tags, audit, at);
    }
}
