package org.kontor.ticket;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A comment: a public reply or an internal note. Created only through {@link Ticket}. */
@Entity
@Table(name = "comments")
public class Comment {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "comment_seq")
    @SequenceGenerator(name = "comment_seq", sequenceName = "comment_seq", allocationSize = 50)
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
