package org.kontor.ticket;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.kontor.common.PooledSequence;
import org.kontor.common.RuleViolation;
import org.kontor.user.Actor;
import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * The ticket aggregate. Its state changes only through the intention-revealing methods below, which guard
 * the life cycle (R5) and delegate every visibility decision to {@link TicketPrivacy}; each change is written
 * into the audit of the current update (V3).
 */
@Entity
@Table(name = "tickets")
public class Ticket extends AbstractAggregateRoot<Ticket> {
    @Id
    @PooledSequence("ticket_seq")
    private Long id;
    private String subject;
    /** The first comment's text, for agents. End users get the first public comment instead (V1). */
    private String description;
    private TicketStatus status;
    private Priority priority;
    @Column(name = "ticket_type")
    private TicketType type;
    private Long requesterId;
    @Column(updatable = false)
    private Long submitterId;
    private Long assigneeId;
    private Long groupId;
    private Long organizationId;
    private String externalId;
    @Column(updatable = false)
    private Channel viaChannel;
    @Embedded
    private TicketPrivacy privacy;
    private Instant dueAt;
    /** When the ticket was last solved (kept when it closes): solved tickets close this long after. */
    private Instant solvedAt;
    private Instant deletedAt;
    private Long deletedBy;
    @Column(updatable = false)
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SELECT)
    @CollectionTable(name = "ticket_tags", joinColumns = @JoinColumn(name = "ticket_id"))
    @Column(name = "tag")
    private Set<String> tags = new HashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SELECT)
    @CollectionTable(name = "ticket_collaborators", joinColumns = @JoinColumn(name = "ticket_id"))
    @Column(name = "user_id")
    private Set<Long> collaboratorIds = new HashSet<>();

    /**
     * All comments of a ticket created in this persistence context (null for one loaded from the database), so that
     * its search document needs no query for them. The entities themselves: a later change to one shows.
     */
    @jakarta.persistence.Transient
    private java.util.List<Comment> commentsOfNewTicket;

    protected Ticket() {
    }

    /**
     * R1/R10: a new ticket for {@code requesterId}, submitted by the acting agent (or the end user for their
     * own request). Whether it starts private follows from its first comment.
     */
    Ticket(NewTicketState s, Actor submitter, boolean firstCommentPublic, boolean privateCreationEnabled, Instant now) {
        this.commentsOfNewTicket = new java.util.ArrayList<>();
        this.privacy = TicketPrivacy.forNewTicket(firstCommentPublic, privateCreationEnabled);
        if (s.status() == TicketStatus.CLOSED) {
            throw new RuleViolation("R5", "status", "A ticket cannot be created closed");
        }
        this.subject = s.subject();
        this.status = s.status() != null ? s.status() : (s.assigneeId() != null ? TicketStatus.OPEN : TicketStatus.NEW);
        this.solvedAt = status == TicketStatus.SOLVED ? now : null;
        this.priority = s.priority();
        this.type = s.type();
        this.requesterId = s.requesterId();
        this.submitterId = submitter.id();
        this.assigneeId = s.assigneeId();
        this.groupId = s.groupId();
        this.organizationId = s.organizationId();
        this.externalId = s.externalId();
        this.viaChannel = s.via();
        this.dueAt = s.dueAt();
        this.tags.addAll(s.tags());
        this.collaboratorIds.addAll(s.collaboratorIds());
        this.collaboratorIds.remove(s.requesterId());
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** The fields a new ticket starts with, already resolved and validated by the use case. */
    record NewTicketState(String subject, TicketStatus status, Priority priority, TicketType type, long requesterId,
                          Long assigneeId, Long groupId, Long organizationId, String externalId, Channel via,
                          Instant dueAt, Set<String> tags, Set<Long> collaboratorIds) {
    }

    /** Writes the Create events of a new ticket, after it has its id. */
    void recordCreation(Audit audit, Actor actor) {
        audit.created("subject", subject);
        audit.created("status", status);
        audit.created("priority", priority);
        audit.created("type", type);
        audit.created("requester_id", requesterId);
        audit.created("submitter_id", submitterId);
        audit.created("assignee_id", assigneeId);
        audit.created("group_id", groupId);
        audit.created("organization_id", organizationId);
        audit.created("tags", tags);
        audit.created("collaborator_ids", collaboratorIds);
        audit.created("is_public", privacy.isPublic());
        registerEvent(new TicketEvents.TicketCreated(id, requesterId, actor.id(), privacy.isPublic(), viaChannel));
        if (assigneeId != null || groupId != null) {
            registerEvent(new TicketEvents.TicketAssigned(id, assigneeId, groupId, actor.id()));
        }
    }

    Audit beginAudit(Actor actor, Channel via, Instant at) {
        return new Audit(id, actor.id(), via, at);
    }

    private void ensureChangeable() {
        if (deletedAt != null) {
            throw new IllegalStateException("Ticket " + id + " is deleted");
        }
        if (status == TicketStatus.CLOSED) {
            throw new RuleViolation("R5", "status", "Ticket " + id + " is closed and can no longer be updated");
        }
    }

    /**
     * Adds a comment (R12: visibility follows the ticket unless an agent says otherwise). A public reply on a
     * private ticket makes it public (R15), which is recorded and raised as {@link TicketEvents.TicketMadePublic}.
     */
    Comment addComment(Audit audit, Actor actor, long authorId, CommentBody body, Boolean requestedPublic, Channel via, Instant at) {
        return addComment(audit, actor, authorId, body, requestedPublic, via, at, null);
    }

    /** As above, for a voice comment too: a call recorded on a private ticket is an internal note (R12). */
    Comment addComment(Audit audit, Actor actor, long authorId, CommentBody body, Boolean requestedPublic, Channel via, Instant at,
                       VoiceCall voice) {
        ensureChangeable();
        boolean isPublicComment = privacy.commentIsPublic(requestedPublic, actor.isAgent());
        if (description == null) {
            description = body.plain();
        }
        boolean wasPublic = privacy.isPublic();
        TicketPrivacy.Transition transition = privacy.recordComment(isPublicComment);
        if (transition == TicketPrivacy.Transition.MADE_PUBLIC) {
            audit.changed("is_public", wasPublic, privacy.isPublic());
            registerEvent(new TicketEvents.TicketMadePublic(id, requesterId, actor.id()));
        }
        touch(at);
        Comment comment = new Comment(id, audit.getId(), authorId, body, isPublicComment, via, at, voice);
        if (commentsOfNewTicket != null) {
            commentsOfNewTicket.add(comment);
        }
        return comment;
    }

    /** Every comment of a ticket created in this persistence context, in order; empty for any other ticket. */
    public java.util.Optional<java.util.List<Comment>> commentsIfCreatedHere() {
        return java.util.Optional.ofNullable(commentsOfNewTicket).map(java.util.List::copyOf);
    }

    void commentRecorded(Comment comment) {
        registerEvent(new TicketEvents.CommentAdded(id, comment.getId(), comment.getAuthorId(), comment.isPublic()));
    }

    /** R16–R18: a public comment becomes an internal note; the ticket may go private with it (R17). */
    void makeCommentPrivate(Comment comment, Audit audit, Actor actor, Instant at) {
        if (!comment.getTicketId().equals(id)) {
            throw new IllegalArgumentException("Comment " + comment.getId() + " is not on ticket " + id);
        }
        if (deletedAt != null) {
            throw new IllegalStateException("Ticket " + id + " is deleted");
        }
        if (!comment.isPublic()) {
            return;
        }
        boolean wasPublic = privacy.isPublic();
        TicketPrivacy.Transition transition = privacy.recordCommentMadePrivate();
        comment.makePrivate(at);
        audit.commentMadePrivate(comment);
        registerEvent(new TicketEvents.CommentMadePrivate(id, comment.getId(), actor.id()));
        if (transition == TicketPrivacy.Transition.MADE_PRIVATE) {
            audit.changed("is_public", wasPublic, privacy.isPublic());
            registerEvent(new TicketEvents.TicketMadePrivate(id, actor.id()));
        }
        touch(at);
    }

    /**
     * Text is redacted from one of the ticket's comments (and from the description, the first comment's copy); the
     * audit records that it happened, never the text.
     */
    void redactComment(Comment comment, String text, Audit audit, Instant at) {
        if (!comment.getTicketId().equals(id)) {
            throw new IllegalArgumentException("Comment " + comment.getId() + " is not on ticket " + id);
        }
        if (deletedAt != null) {
            throw new IllegalStateException("Ticket " + id + " is deleted");
        }
        comment.redact(text);
        if (description != null) {
            description = description.replace(text, Comment.blocks(text));
        }
        audit.commentRedacted(comment);
        registerEvent(new TicketEvents.CommentRedacted(id, comment.getId()));
        touch(at);
    }

    /** The file itself is emptied by the attachment feature ({@link CommentUploads#redact}); the ticket records it. */
    void attachmentRedacted(Comment comment, long attachmentId, Audit audit, Instant at) {
        if (!comment.getTicketId().equals(id)) {
            throw new IllegalArgumentException("Comment " + comment.getId() + " is not on ticket " + id);
        }
        if (deletedAt != null) {
            throw new IllegalStateException("Ticket " + id + " is deleted");
        }
        audit.attachmentRedacted(comment, attachmentId);
        touch(at);
    }

    /** A ticket merged into another closes at once, whatever its status was (Zendesk's merge). */
    void closeAsMerged(Audit audit, Instant at) {
        ensureChangeable();
        audit.changed("status", status, TicketStatus.CLOSED);
        status = TicketStatus.CLOSED;
        touch(at);
    }

    /** R5: statuses move forward through the life cycle; nothing returns to new, only solved tickets close. */
    void changeStatus(TicketStatus to, Audit audit, Instant at) {
        ensureChangeable();
        if (to == status) {
            return;
        }
        if (to == TicketStatus.NEW) {
            throw new RuleViolation("R5", "status", "Status: a " + status.wire() + " ticket cannot go back to new");
        }
        if (to == TicketStatus.CLOSED && status != TicketStatus.SOLVED) {
            throw new RuleViolation("R5", "status", "Status: only a solved ticket can be closed, this one is " + status.wire());
        }
        audit.changed("status", status, to);
        if (to == TicketStatus.SOLVED) {
            solvedAt = at;
        } else if (to != TicketStatus.CLOSED) {
            solvedAt = null;
        }
        status = to;
        touch(at);
    }

    /** An end user's reply reopens a ticket that waited on them or was solved. */
    void reopenOnRequesterReply(Audit audit, Instant at) {
        if (status == TicketStatus.PENDING || status == TicketStatus.SOLVED) {
            changeStatus(TicketStatus.OPEN, audit, at);
        }
    }

    void changeSubject(String to, Audit audit, Instant at) {
        ensureChangeable();
        if (!Objects.equals(subject, to)) {
            audit.changed("subject", subject, to);
            subject = to;
            touch(at);
        }
    }

    void changePriority(Priority to, Audit audit, Instant at) {
        ensureChangeable();
        if (priority != to) {
            audit.changed("priority", priority, to);
            priority = to;
            touch(at);
        }
    }

    void changeType(TicketType to, Audit audit, Instant at) {
        ensureChangeable();
        if (type != to) {
            audit.changed("type", type, to);
            type = to;
            touch(at);
        }
    }

    /** Assigns to an agent and/or a group (queue); a new ticket with an assignee is open. */
    void assign(Long toAssignee, Long toGroup, Audit audit, Actor actor, Instant at) {
        ensureChangeable();
        boolean changed = false;
        if (!Objects.equals(assigneeId, toAssignee)) {
            audit.changed("assignee_id", assigneeId, toAssignee);
            assigneeId = toAssignee;
            changed = true;
        }
        if (!Objects.equals(groupId, toGroup)) {
            audit.changed("group_id", groupId, toGroup);
            groupId = toGroup;
            changed = true;
        }
        if (changed) {
            registerEvent(new TicketEvents.TicketAssigned(id, assigneeId, groupId, actor.id()));
            touch(at);
        }
    }

    void openIfNewAndAssigned(Audit audit, Instant at) {
        if (status == TicketStatus.NEW && assigneeId != null) {
            changeStatus(TicketStatus.OPEN, audit, at);
        }
    }

    void changeRequester(long to, Long organization, Audit audit, Instant at) {
        ensureChangeable();
        if (!Objects.equals(requesterId, to)) {
            audit.changed("requester_id", requesterId, to);
            requesterId = to;
            collaboratorIds.remove(to);
            touch(at);
        }
        changeOrganization(organization, audit, at);
    }

    void changeOrganization(Long to, Audit audit, Instant at) {
        ensureChangeable();
        if (!Objects.equals(organizationId, to)) {
            audit.changed("organization_id", organizationId, to);
            organizationId = to;
            touch(at);
        }
    }

    void replaceTags(Collection<String> to, Audit audit, Instant at) {
        ensureChangeable();
        Set<String> next = new TreeSet<>(to);
        if (!next.equals(new TreeSet<>(tags))) {
            audit.changed("tags", tags, next);
            tags.clear();
            tags.addAll(next);
            touch(at);
        }
    }

    /** R19: CCs are recorded on private tickets too, but gain access only while the ticket is public. */
    void replaceCollaborators(Collection<Long> to, Audit audit, Instant at) {
        ensureChangeable();
        Set<Long> next = new TreeSet<>(to);
        next.remove(requesterId);
        if (!next.equals(new TreeSet<>(collaboratorIds))) {
            audit.changed("collaborator_ids", collaboratorIds, next);
            collaboratorIds.clear();
            collaboratorIds.addAll(next);
            touch(at);
        }
    }

    void changeExternalId(String to, Audit audit, Instant at) {
        ensureChangeable();
        if (!Objects.equals(externalId, to)) {
            audit.changed("external_id", externalId, to);
            externalId = to;
            touch(at);
        }
    }

    void changeDueAt(Instant to, Audit audit, Instant at) {
        ensureChangeable();
        if (!Objects.equals(dueAt, to)) {
            audit.changed("due_at", dueAt, to);
            dueAt = to;
            touch(at);
        }
    }

    void delete(Actor actor, Instant at) {
        if (deletedAt == null) {
            deletedAt = at;
            deletedBy = actor.id();
            registerEvent(new TicketEvents.TicketDeleted(id, actor.id()));
            touch(at);
        }
    }

    /** A deleted ticket comes back as it was (Zendesk's restore). */
    void restore(Actor actor, Instant at) {
        if (deletedAt != null) {
            deletedAt = null;
            deletedBy = null;
            registerEvent(new TicketEvents.TicketRestored(id, actor.id()));
            touch(at);
        }
    }

    private void touch(Instant at) {
        updatedAt = at;
    }

    /**
     * Hands the events raised since the last call to {@code publisher} and forgets them: what Spring Data's
     * {@code save} does for an aggregate, without the merge that would also mark the tag and CC collections dirty.
     */
    void publishEvents(org.springframework.context.ApplicationEventPublisher publisher) {
        domainEvents().forEach(publisher::publishEvent);
        clearDomainEvents();
    }

    /** The id drawn for a new ticket before it is persisted ({@link org.kontor.common.EntityIds}). */
    void assignId(long newId) {
        if (id != null) {
            throw new IllegalStateException("ticket already has id " + id);
        }
        id = newId;
    }

    public Long getId() {
        return id;
    }

    public String getSubject() {
        return subject;
    }

    public String getDescription() {
        return description;
    }

    public Instant getDeletedAt() {
        return deletedAt;
    }

    public Long getDeletedBy() {
        return deletedBy;
    }

    public Instant getSolvedAt() {
        return solvedAt;
    }

    public TicketStatus getStatus() {
        return status;
    }

    public Priority getPriority() {
        return priority;
    }

    public TicketType getType() {
        return type;
    }

    public Long getRequesterId() {
        return requesterId;
    }

    public Long getSubmitterId() {
        return submitterId;
    }

    public Long getAssigneeId() {
        return assigneeId;
    }

    public Long getGroupId() {
        return groupId;
    }

    public Long getOrganizationId() {
        return organizationId;
    }

    public String getExternalId() {
        return externalId;
    }

    public Channel getVia() {
        return viaChannel;
    }

    public TicketPrivacy privacy() {
        return privacy;
    }

    public boolean isPublic() {
        return privacy.isPublic();
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Set<String> getTags() {
        return new TreeSet<>(tags);
    }

    public Set<Long> getCollaboratorIds() {
        return new TreeSet<>(collaboratorIds);
    }
}
