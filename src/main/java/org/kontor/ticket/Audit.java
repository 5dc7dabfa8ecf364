package org.kontor.ticket;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import org.kontor.common.PooledSequence;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** One change to a ticket: who, when, through which channel, and every event it caused (V3). */
@Entity
@Table(name = "audits")
public class Audit {
    @Id
    @PooledSequence("audit_seq")
    private Long id;
    @Column(updatable = false)
    private Long ticketId;
    @Column(updatable = false)
    private Long authorId;
    @Column(updatable = false)
    private Channel viaChannel;
    @Column(updatable = false)
    private Instant createdAt;

    @OneToMany(mappedBy = "audit", cascade = CascadeType.PERSIST, fetch = FetchType.EAGER)
    @Fetch(FetchMode.SELECT)
    @OrderBy("position")
    private List<AuditEvent> events = new ArrayList<>();

    protected Audit() {
    }

    Audit(long ticketId, long authorId, Channel via, Instant at) {
        this.ticketId = ticketId;
        this.authorId = authorId;
        this.viaChannel = via;
        this.createdAt = at;
    }

    void created(String field, Object value) {
        if (value != null && !(value instanceof Collection<?> c && c.isEmpty())) {
            add(new AuditEvent(this, events.size(), AuditEvent.Type.CREATE, field, encode(value), null, null, null));
        }
    }

    void changed(String field, Object from, Object to) {
        String before = encode(from);
        String after = encode(to);
        if (!Objects.equals(before, after)) {
            add(new AuditEvent(this, events.size(), AuditEvent.Type.CHANGE, field, after, before, null, null));
        }
    }

    void commented(Comment comment) {
        add(new AuditEvent(this, events.size(), AuditEvent.Type.COMMENT, null, null, null, comment.getId(), comment.isPublic()));
    }

    void commentMadePrivate(Comment comment) {
        add(new AuditEvent(this, events.size(), AuditEvent.Type.COMMENT_PRIVACY_CHANGE, null, null, null, comment.getId(), false));
    }

    void commentRedacted(Comment comment) {
        add(new AuditEvent(this, events.size(), AuditEvent.Type.COMMENT_REDACTION, null, null, null, comment.getId(), null));
    }

    void attachmentRedacted(Comment comment, long attachmentId) {
        add(new AuditEvent(this, events.size(), AuditEvent.Type.ATTACHMENT_REDACTION, null, String.valueOf(attachmentId), null,
                comment.getId(), null));
    }

    private void add(AuditEvent event) {
        events.add(event);
    }

    static String encode(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof WireEnum w) {
            return w.wire();
        }
        if (value instanceof Collection<?> c) {
            return c.stream().map(String::valueOf).collect(Collectors.toCollection(TreeSet::new)).stream()
                    .collect(Collectors.joining(" "));
        }
        return value.toString();
    }

    public boolean hasEvents() {
        return !events.isEmpty();
    }

    /** The id drawn for a new audit before it is persisted ({@link org.kontor.common.EntityIds}). */
    void assignId(long newId) {
        if (id != null) {
            throw new IllegalStateException("audit already has id " + id);
        }
        id = newId;
    }

    public Long getId() {
        return id;
    }

    public Long getTicketId() {
        return ticketId;
    }

    public Long getAuthorId() {
        return authorId;
    }

    public Channel getVia() {
        return viaChannel;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public List<AuditEvent> getEvents() {
        return List.copyOf(events);
    }
}
