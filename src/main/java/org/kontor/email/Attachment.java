package org.kontor.email;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A file that came with an emailed comment (attachment or inline image). Stored only; reading attachments
 * (through the access policy, like comments) comes with the attachments issue.
 */
@Entity
@Table(name = "attachments")
class Attachment {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "attachment_seq")
    @SequenceGenerator(name = "attachment_seq", sequenceName = "attachment_seq", allocationSize = 50)
    private Long id;
    private Long ticketId;
    private Long commentId;
    private String fileName;
    private String contentType;
    private String contentId;
    private boolean isInline;
    private int sizeBytes;
    private byte[] content;
    private Instant createdAt;

    protected Attachment() {
    }

    Attachment(long ticketId, long commentId, ParsedEmail.Part part, Instant now) {
        this.ticketId = ticketId;
        this.commentId = commentId;
        this.fileName = part.fileName();
        this.contentType = part.contentType().length() > 255 ? "application/octet-stream" : part.contentType();
        this.contentId = part.contentId();
        this.isInline = part.inline();
        this.sizeBytes = part.content().length;
        this.content = part.content();
        this.createdAt = now;
    }

    Long getId() {
        return id;
    }

    String getFileName() {
        return fileName;
    }

    String getContentType() {
        return contentType;
    }

    int getSizeBytes() {
        return sizeBytes;
    }

    byte[] getContent() {
        return content;
    }

    boolean isInline() {
        return isInline;
    }
}
