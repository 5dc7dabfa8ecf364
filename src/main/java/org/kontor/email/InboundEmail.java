package org.kontor.email;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * One received message and what became of it. Imported messages keep their ticket and comment; skipped and
 * quarantined ones keep the raw message, so nothing is lost and an admin can retry.
 */
@Entity
@Table(name = "inbound_emails")
public class InboundEmail {
    public enum Status {
        /** Being imported in this transaction; never visible as committed unless imported. */
        IMPORTING,
        IMPORTED,
        /** Recognised as an auto-reply, bounce, loop or over the sender's rate: no ticket change. */
        SKIPPED,
        /** Could not be imported (malformed, oversized, refused); kept whole with the reason. */
        QUARANTINED,
        /**
         * A skipped or quarantined message an admin deleted: only what exactly-once import needs stays (Message-ID,
         * mailbox position), so the same message is not received again.
         */
        DELETED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "inbound_email_seq")
    @SequenceGenerator(name = "inbound_email_seq", sequenceName = "inbound_email_seq", allocationSize = 50)
    private Long id;
    private String source;
    private Long mailboxId;
    private String messageId;
    private String imapFolder;
    private Long uidValidity;
    private Long uid;
    @Enumerated(EnumType.STRING)
    private Status status;
    private String reason;
    private String fromAddress;
    private String subject;
    private Long ticketId;
    private Long commentId;
    private int sizeBytes;
    private byte[] raw;
    private int attempts;
    private Instant receivedAt;
    private Instant updatedAt;
    @Version
    private long version;

    protected InboundEmail() {
    }

    InboundEmail(String source, Long mailboxId, String messageId, String imapFolder, Long uidValidity, Long uid, int sizeBytes,
                 Instant now) {
        this.source = source;
        this.mailboxId = mailboxId;
        this.messageId = messageId;
        this.imapFolder = imapFolder;
        this.uidValidity = uidValidity;
        this.uid = uid;
        this.sizeBytes = sizeBytes;
        this.status = Status.IMPORTING;
        this.receivedAt = now;
        this.updatedAt = now;
    }

    void describe(String from, String subject) {
        this.fromAddress = truncate(from, 320);
        this.subject = truncate(subject, 1024);
    }

    void imported(Long ticketId, Long commentId, String note, Instant now) {
        this.status = Status.IMPORTED;
        this.ticketId = ticketId;
        this.commentId = commentId;
        this.reason = truncate(note, 4000);
        this.raw = null;
        this.attempts++;
        this.updatedAt = now;
    }

    void skipped(String reason, byte[] raw, Instant now) {
        this.status = Status.SKIPPED;
        this.reason = truncate(reason, 4000);
        this.raw = raw;
        this.attempts++;
        this.updatedAt = now;
    }

    void quarantined(String reason, byte[] raw, Instant now) {
        this.status = Status.QUARANTINED;
        this.reason = truncate(reason, 4000);
        this.raw = raw;
        this.attempts++;
        this.updatedAt = now;
    }

    /** Only mail that did not become a ticket change can go; imported mail lives on in its ticket. */
    boolean deletable() {
        return status == Status.SKIPPED || status == Status.QUARANTINED;
    }

    void deleted(Instant now) {
        this.status = Status.DELETED;
        this.raw = null;
        this.subject = null;
        this.fromAddress = null;
        this.reason = null;
        this.updatedAt = now;
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    public Long getId() {
        return id;
    }

    public String getSource() {
        return source;
    }

    public Long getMailboxId() {
        return mailboxId;
    }

    public String getMessageId() {
        return messageId;
    }

    public String getImapFolder() {
        return imapFolder;
    }

    public Long getUidValidity() {
        return uidValidity;
    }

    public Long getUid() {
        return uid;
    }

    public Status getStatus() {
        return status;
    }

    public String getReason() {
        return reason;
    }

    public String getFromAddress() {
        return fromAddress;
    }

    public String getSubject() {
        return subject;
    }

    public Long getTicketId() {
        return ticketId;
    }

    public Long getCommentId() {
        return commentId;
    }

    public int getSizeBytes() {
        return sizeBytes;
    }

    byte[] getRaw() {
        return raw;
    }

    public boolean hasRaw() {
        return raw != null;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
