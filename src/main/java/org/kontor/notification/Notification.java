package org.kontor.notification;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One email to one recipient about one ticket change: the outbox row written with the change, and afterwards
 * the log entry (who, by which trigger, when, delivered or failed). Its id makes the stable Message-ID.
 */
@Entity
@Table(name = "notifications")
public class Notification {
    public static final String PENDING = "pending";
    public static final String SENDING = "sending";
    public static final String DELIVERED = "delivered";
    public static final String FAILED = "failed";
    /** Not sent: at delivery time the recipient could no longer see the ticket (R11, R17, V2). */
    public static final String CANCELLED = "cancelled";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "notification_seq")
    @SequenceGenerator(name = "notification_seq", sequenceName = "notification_seq", allocationSize = 50)
    private Long id;
    private Long ticketId;
    private Long auditId;
    private Long triggerId;
    private String triggerTitle;
    private int actionIndex;
    private Long recipientId;
    private Long actorId;
    private String subjectTemplate;
    private String bodyTemplate;
    private Long lastCommentId;
    private String status;
    private int attempts;
    private Instant nextAttemptAt;
    private Instant claimedUntil;
    private String recipientEmail;
    private String messageId;
    private String lastError;
    private Instant deliveredAt;
    private Instant createdAt;

    protected Notification() {
    }

    Notification(long ticketId, long auditId, Long triggerId, String triggerTitle, int actionIndex, long recipientId,
                 long actorId, String subjectTemplate, String bodyTemplate, Long lastCommentId, String recipientEmail, Instant now) {
        this.ticketId = ticketId;
        this.auditId = auditId;
        this.triggerId = triggerId;
        this.triggerTitle = triggerTitle;
        this.actionIndex = actionIndex;
        this.recipientId = recipientId;
        this.actorId = actorId;
        this.subjectTemplate = subjectTemplate;
        this.bodyTemplate = bodyTemplate;
        this.lastCommentId = lastCommentId;
        this.recipientEmail = recipientEmail;
        this.status = PENDING;
        this.attempts = 0;
        this.nextAttemptAt = now;
        this.createdAt = now;
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

    public Long getTriggerId() {
        return triggerId;
    }

    public String getTriggerTitle() {
        return triggerTitle;
    }

    public int getActionIndex() {
        return actionIndex;
    }

    public Long getRecipientId() {
        return recipientId;
    }

    public Long getActorId() {
        return actorId;
    }

    public String getSubjectTemplate() {
        return subjectTemplate;
    }

    public String getBodyTemplate() {
        return bodyTemplate;
    }

    public Long getLastCommentId() {
        return lastCommentId;
    }

    public String getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public String getRecipientEmail() {
        return recipientEmail;
    }

    public String getMessageId() {
        return messageId;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getDeliveredAt() {
        return deliveredAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
