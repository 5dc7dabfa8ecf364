package org.kontor.notification;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Outbound mail settings ({@code kontor.mail.*}); SMTP itself is Spring Boot's {@code spring.mail.*}. */
@Component
public class MailSettings {
    final String domain;
    final String from;
    final String replyTo;
    final String baseUrl;
    final String accountName;
    final Duration pollInterval;
    final Duration retryInitialDelay;
    final Duration retryMaxDelay;
    final int maxAttempts;
    final Duration claimLease;

    MailSettings(@Value("${kontor.mail.domain:kontor.local}") String domain,
                 @Value("${kontor.mail.from:}") String from,
                 @Value("${kontor.mail.reply-to:}") String replyTo,
                 @Value("${kontor.base-url:http://localhost:${server.port:8080}}") String baseUrl,
                 @Value("${kontor.mail.account-name:Kontor}") String accountName,
                 @Value("${kontor.mail.poll-interval:2s}") Duration pollInterval,
                 @Value("${kontor.mail.retry-initial-delay:10s}") Duration retryInitialDelay,
                 @Value("${kontor.mail.retry-max-delay:1h}") Duration retryMaxDelay,
                 @Value("${kontor.mail.max-attempts:15}") int maxAttempts,
                 @Value("${kontor.mail.claim-lease:2m}") Duration claimLease) {
        this.domain = domain;
        this.from = from.isBlank() ? "support@" + domain : from;
        this.replyTo = replyTo.isBlank() ? "support+id{ticket_id}@" + domain : replyTo;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.accountName = accountName;
        this.pollInterval = pollInterval;
        this.retryInitialDelay = retryInitialDelay;
        this.retryMaxDelay = retryMaxDelay;
        this.maxAttempts = maxAttempts;
        this.claimLease = claimLease;
    }

    /** The threading contract (README): one Message-ID per notification, all replying to the ticket's thread root. */
    public String messageId(long ticketId, long notificationId) {
        return "<ticket-" + ticketId + "-n" + notificationId + "@" + domain + ">";
    }

    public String threadRoot(long ticketId) {
        return "<ticket-" + ticketId + "@" + domain + ">";
    }

    public String replyTo(long ticketId) {
        return replyTo.replace("{ticket_id}", String.valueOf(ticketId));
    }

    /** Exponential back-off: initial, 2x, 4x … capped. */
    Duration backoff(int attemptsSoFar) {
        long factor = 1L << Math.min(Math.max(attemptsSoFar - 1, 0), 20);
        Duration d = retryInitialDelay.multipliedBy(factor);
        return d.compareTo(retryMaxDelay) > 0 ? retryMaxDelay : d;
    }
}
