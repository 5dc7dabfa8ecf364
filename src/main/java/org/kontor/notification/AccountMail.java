package org.kontor.notification;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Mail about a person's account rather than a ticket (set/reset-password links): sent after the commit on a thread
 * of its own, through the same transport as notifications (SMTP when configured, the developer mailbox otherwise),
 * with a few retries. Unlike notifications it is not written to an outbox: the link in it is a credential of which
 * only a hash is stored, and a mail lost in a crash is simply asked for again.
 */
@Component
public class AccountMail implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(AccountMail.class);
    private static final int ATTEMPTS = 3;

    private final NotificationDelivery delivery;
    private final MailSettings settings;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kontor-account-mail");
        t.setDaemon(true);
        return t;
    });

    AccountMail(NotificationDelivery delivery, MailSettings settings) {
        this.delivery = delivery;
        this.settings = settings;
    }

    /** A message to one address; {@code html} is a body fragment the caller has escaped. */
    public record Message(String to, String subject, String text, String html, String language) {
    }

    /** Base of links in mail ({@code kontor.base-url}). */
    public String baseUrl() {
        return settings.baseUrl;
    }

    /** Sends once the current transaction commits (at once without one); a rolled-back change mails nothing. */
    public void sendAfterCommit(Message message) {
        OutgoingMail mail = new OutgoingMail(null, null, "<account-" + UUID.randomUUID() + "@" + settings.domain + ">", null,
                settings.from, message.to(), settings.from, message.subject(), message.text(),
                "<!DOCTYPE html><html lang=\"" + message.language() + "\"><body style=\"font-family:sans-serif\">"
                        + message.html() + "</body></html>", message.language());
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    schedule(mail, 1, Duration.ZERO);
                }
            });
        } else {
            schedule(mail, 1, Duration.ZERO);
        }
    }

    private void schedule(OutgoingMail mail, int attempt, Duration delay) {
        executor.schedule(() -> {
            try {
                delivery.transport().send(mail);
            } catch (Exception e) {
                if (attempt >= ATTEMPTS) {
                    log.warn("Account mail {} to {} not sent after {} attempts: {}", mail.messageId(), mail.to(), attempt, e.toString());
                    return;
                }
                log.info("Account mail {} attempt {} failed ({}); retrying", mail.messageId(), attempt, e.toString());
                schedule(mail, attempt + 1, settings.backoff(attempt));
            }
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
