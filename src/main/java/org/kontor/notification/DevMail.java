package org.kontor.notification;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A message kept in the developer mailbox instead of being sent (no SMTP server configured). */
@Entity
@Table(name = "dev_mailbox")
public class DevMail {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "dev_mail_seq")
    @SequenceGenerator(name = "dev_mail_seq", sequenceName = "dev_mail_seq", allocationSize = 50)
    private Long id;
    private Long notificationId;
    private String messageId;
    private String mailFrom;
    private String mailTo;
    private String subject;
    private String headersText;
    private String textBody;
    private String htmlBody;
    private Instant createdAt;

    protected DevMail() {
    }

    DevMail(OutgoingMail mail, String headers, Instant at) {
        this.notificationId = mail.notificationId();
        this.messageId = mail.messageId();
        this.mailFrom = mail.from();
        this.mailTo = mail.to();
        this.subject = mail.subject();
        this.headersText = headers;
        this.textBody = mail.text();
        this.htmlBody = mail.html();
        this.createdAt = at;
    }

    public Long getId() {
        return id;
    }

    public Long getNotificationId() {
        return notificationId;
    }

    public String getMessageId() {
        return messageId;
    }

    public String getMailFrom() {
        return mailFrom;
    }

    public String getMailTo() {
        return mailTo;
    }

    public String getSubject() {
        return subject;
    }

    public String getHeadersText() {
        return headersText;
    }

    public String getTextBody() {
        return textBody;
    }

    public String getHtmlBody() {
        return htmlBody;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
