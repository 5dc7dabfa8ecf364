package org.kontor.notification;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.kontor.common.Forbidden;
import org.kontor.user.Actor;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * With no SMTP server configured, mail is kept here for admins to read at {@code /admin/mailbox} instead of being
 * lost. The Message-ID is unique, so a retried delivery never stores a message twice.
 */
@Service
public class DeveloperMailbox implements MailTransport {
    private final DevMailRepository mails;

    DeveloperMailbox(DevMailRepository mails) {
        this.mails = mails;
    }

    @Override
    @Transactional
    public void send(OutgoingMail mail) {
        if (mails.existsByMessageId(mail.messageId())) {
            return;
        }
        String thread = mail.threadRoot() == null ? ""
                : "\nIn-Reply-To: " + mail.threadRoot() + "\nReferences: " + mail.threadRoot();
        String headers = "Message-ID: " + mail.messageId() + thread + "\nFrom: " + mail.from() + "\nTo: " + mail.to() + "\nReply-To: " + mail.replyTo()
                + "\nContent-Language: " + mail.language() + "\nSubject: " + mail.subject();
        mails.save(new DevMail(mail, headers, Instant.now()));
    }

    @Override
    public String name() {
        return "developer-mailbox";
    }

    @Transactional(readOnly = true)
    public List<DevMail> latest(int limit, Actor actor) {
        requireAdmin(actor);
        return mails.findAllByOrderByIdDesc(PageRequest.of(0, limit)).getContent();
    }

    @Transactional(readOnly = true)
    public Optional<DevMail> find(long id, Actor actor) {
        requireAdmin(actor);
        return mails.findById(id);
    }

    private static void requireAdmin(Actor actor) {
        if (!actor.isAdmin()) {
            throw new Forbidden("Only admins can read the developer mailbox");
        }
    }
}
