package org.kontor.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/** Real SMTP through Spring's JavaMailSender ({@code spring.mail.host}, port, auth, TLS). */
class SmtpMailTransport implements MailTransport {
    private final JavaMailSender sender;

    SmtpMailTransport(JavaMailSender sender) {
        this.sender = sender;
    }

    @Override
    public void send(OutgoingMail mail) throws MessagingException {
        MimeMessage message = build(sender.createMimeMessage().getSession(), mail);
        sender.send(message);
    }

    /** multipart/alternative (text + HTML) with the threading headers; the Message-ID is ours, never regenerated. */
    static MimeMessage build(Session session, OutgoingMail mail) throws MessagingException {
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", mail.messageId());
            }
        };
        MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED,
                StandardCharsets.UTF_8.name());
        helper.setFrom(mail.from());
        helper.setTo(mail.to());
        helper.setReplyTo(mail.replyTo());
        helper.setSubject(mail.subject());
        helper.setText(mail.text(), mail.html());
        message.setHeader("Message-ID", mail.messageId());
        if (mail.threadRoot() != null) {
            message.setHeader("In-Reply-To", mail.threadRoot());
            message.setHeader("References", mail.threadRoot());
        }
        message.setHeader("Content-Language", mail.language());
        message.setHeader("Auto-Submitted", "auto-generated");
        if (mail.ticketId() != null) {
            message.setHeader("X-Kontor-Ticket-Id", String.valueOf(mail.ticketId()));
        }
        return message;
    }

    @Override
    public String name() {
        return "smtp";
    }
}
