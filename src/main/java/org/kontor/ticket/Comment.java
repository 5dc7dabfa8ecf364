package org.kontor.ticket;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.kontor.common.PooledSequence;
import java.time.Instant;

/** A comment: a public reply or an internal note. Created only through {@link Ticket}. */
@Entity
@Table(name = "comments")
public class Comment {
    @Id
    @PooledSequence("comment_seq")
    private Long id;
    @Column(updatable = false)
    private Long ticketId;
    @Column(updatable = false)
    private Long auditId;
    @Column(updatable = false)
    private Long authorId;
    private String plainBody;
    private String htmlBody;
    @Column(name = "is_public")
    private boolean isPublic;
    private Instant madePrivateAt;
    @Column(updatable = false)
    private Channel viaChannel;
    @Column(updatable = false)
    private Instant createdAt;
    /** The call of a voice comment (C1); null for every other comment. */
    @Embedded
    private VoiceCall voice;

    protected Comment() {
    }

    Comment(long ticketId, long auditId, long authorId, CommentBody body, boolean isPublic, Channel via, Instant at) {
        this.ticketId = ticketId;
        this.auditId = auditId;
        this.authorId = authorId;
        this.plainBody = body.plain();
        this.htmlBody = body.html();
        this.isPublic = isPublic;
        this.viaChannel = via;
        this.createdAt = at;
    }

    Comment(long ticketId, long auditId, long authorId, CommentBody body, boolean isPublic, Channel via, Instant at,
            VoiceCall voice) {
        this(ticketId, auditId, authorId, body, isPublic, via, at);
        this.voice = voice;
    }

    /** R18: one way only; there is no method that makes a comment public again. */
    void makePrivate(Instant at) {
        this.isPublic = false;
        this.madePrivateAt = at;
    }

    /** The id drawn for a new comment before it is persisted ({@link org.kontor.common.EntityIds}). */
    void assignId(long newId) {
        if (id != null) {
            throw new IllegalStateException("comment already has id " + id);
        }
        id = newId;
    }

    public Long getId() {
        return id;
    }

    public Long getTicketId() {
        return ticketId;
    }

    public Long getAuditId() {
        return auditId;
    }

    public Long getAuthorId() {
        return authorId;
    }

    public String getPlainBody() {
        return plainBody;
    }

    public String getHtmlBody() {
        return htmlBody;
    }

    public boolean isPublic() {
        return isPublic;
    }

    public Instant getMadePrivateAt() {
        return madePrivateAt;
    }

    public Channel getVia() {
        return viaChannel;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    /** The call, when this is a voice comment (Zendesk's {@code VoiceComment}). */
    public VoiceCall getVoice() {
        return voice;
    }

    public boolean isVoice() {
        return voice != null && voice.getViaId() != null;
    }
}
