package org.kontor.attachment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A file's metadata. While it hangs on no comment it is an upload: it has a token, its uploader and an expiry.
 * The bytes live in {@code attachment_contents} ({@link AttachmentContents}), never in this entity.
 */
@Entity
@Table(name = "attachments")
public class Attachment {
    static final String REDACTED_NAME = "redacted.txt";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "attachment_seq")
    @SequenceGenerator(name = "attachment_seq", sequenceName = "attachment_seq", allocationSize = 50)
    private Long id;
    private Long ticketId;
    private Long commentId;
    private String fileName;
    private String contentType;
    private String contentId;
    @Column(name = "is_inline")
    private boolean isInline;
    private int sizeBytes;
    private Instant createdAt;
    private String uploadToken;
    private Long uploaderId;
    private Instant expiresAt;

    protected Attachment() {
    }

    Attachment(String fileName, String contentType, String contentId, boolean inline, int sizeBytes, Long uploaderId,
               String uploadToken, Instant expiresAt, Instant now) {
        this.fileName = fileName;
        this.contentType = contentType;
        this.contentId = contentId;
        this.isInline = inline;
        this.sizeBytes = sizeBytes;
        this.uploaderId = uploaderId;
        this.uploadToken = uploadToken;
        this.expiresAt = expiresAt;
        this.createdAt = now;
    }

    public Long getId() {
        return id;
    }

    public Long getTicketId() {
        return ticketId;
    }

    public Long getCommentId() {
        return commentId;
    }

    public String getFileName() {
        return fileName;
    }

    public String getContentType() {
        return contentType;
    }

    public String getContentId() {
        return contentId;
    }

    public boolean isInline() {
        return isInline;
    }

    public int getSizeBytes() {
        return sizeBytes;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getUploadToken() {
        return uploadToken;
    }

    public Long getUploaderId() {
        return uploaderId;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    boolean isUpload() {
        return commentId == null;
    }

    /** Zendesk's redaction: what stays is an empty text file of that name; the caller empties the bytes. */
    void redact() {
        fileName = REDACTED_NAME;
        contentType = "text/plain";
        contentId = null;
        isInline = false;
        sizeBytes = 0;
    }
}
