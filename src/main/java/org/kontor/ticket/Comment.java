package org.kontor.ticket;

import org.kontor.common.InvalidInput;

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

    /** What redacted text becomes: one block per character, as Zendesk shows it. */
    static String blocks(String text) {
        return "\u2587".repeat(text.codePointCount(0, text.length()));
    }

    /**
     * Zendesk's redaction: every occurrence of {@code text} becomes {@link #blocks}, in the plain body, in the HTML
     * body's text and in its attributes (a {@code mailto:} link carries an address too). Refused when the text is not
     * in the comment, or when an occurrence spans formatting in the HTML (it could not be removed there).
     */
    void redact(String text) {
        int inPlain = occurrences(plainBody, text);
        if (inPlain == 0) {
            throw InvalidInput.of("text", "err.redaction.notFound", "Text: not found in the comment");
        }
        String blocks = blocks(text);
        if (htmlBody != null) {
            org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parseBodyFragment(htmlBody);
            doc.outputSettings().prettyPrint(false);
            int inHtml = 0;
            for (org.jsoup.nodes.Element element : doc.body().getAllElements()) {
                for (org.jsoup.nodes.TextNode node : element.textNodes()) {
                    String whole = node.getWholeText();
                    int n = occurrences(whole, text);
                    if (n > 0) {
                        inHtml += n;
                        node.text(whole.replace(text, blocks));
                    }
                }
                for (org.jsoup.nodes.Attribute attribute : element.attributes()) {
                    if (attribute.getValue().contains(text)) {
                        attribute.setValue(attribute.getValue().replace(text, blocks));
                    }
                }
            }
            if (inHtml < inPlain) {
                throw InvalidInput.of("text", "err.redaction.spansFormatting",
                        "Text: spans formatting in the comment; redact its parts one by one");
            }
            htmlBody = doc.body().html();
        }
        plainBody = plainBody.replace(text, blocks);
    }

    private static int occurrences(String in, String text) {
        int count = 0;
        for (int at = in.indexOf(text); at >= 0; at = in.indexOf(text, at + text.length())) {
            count++;
        }
        return count;
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
