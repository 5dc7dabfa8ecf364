package org.kontor.email;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The inbound email channel's configuration (README "Inbound email"). */
@Component
class EmailSettings {
    final String mailDomain;
    /** Kontor's own sending addresses (outbound From and Reply-To without its +id tag): mail from them is a loop. */
    final String fromAddress;
    final String replyAddress;
    final int maxMessageBytes;
    final int maxAttachmentBytes;
    final int senderRateLimit;
    final Duration senderRateWindow;
    final int maxMessagesPerPoll;
    /** Lanes one poll imports in side by side (see {@link ImportLanes}). */
    final int importThreads;

    EmailSettings(@Value("${kontor.mail.domain:kontor.local}") String mailDomain,
                  @Value("${kontor.mail.from:}") String from,
                  @Value("${kontor.mail.reply-to:}") String replyTo,
                  @Value("${kontor.email.max-message-bytes:26214400}") int maxMessageBytes,
                  @Value("${kontor.email.max-attachment-bytes:10485760}") int maxAttachmentBytes,
                  @Value("${kontor.email.sender-rate-limit:30}") int senderRateLimit,
                  @Value("${kontor.email.sender-rate-window:PT10M}") Duration senderRateWindow,
                  @Value("${kontor.email.max-messages-per-poll:1000}") int maxMessagesPerPoll,
                  @Value("${kontor.email.import-threads:4}") int importThreads) {
        this.mailDomain = mailDomain;
        // The same defaults as outbound notifications (notification.MailSettings): support@domain, support+id{ticket_id}@domain.
        this.fromAddress = address(from.isBlank() ? "support@" + mailDomain : from);
        this.replyAddress = TicketReference.withoutPlusTag(address(replyTo.isBlank() ? "support+id{ticket_id}@" + mailDomain
                : replyTo).replace("{ticket_id}", "0"));
        this.maxMessageBytes = maxMessageBytes;
        this.maxAttachmentBytes = maxAttachmentBytes;
        this.senderRateLimit = senderRateLimit;
        this.senderRateWindow = senderRateWindow;
        this.maxMessagesPerPoll = maxMessagesPerPoll;
        this.importThreads = Math.max(1, importThreads);
    }

    /** The address part of "Name <address>". */
    private static String address(String value) {
        int lt = value.indexOf('<');
        int gt = value.indexOf('>', lt + 1);
        return (lt >= 0 && gt > lt ? value.substring(lt + 1, gt) : value).trim().toLowerCase(java.util.Locale.ROOT);
    }
}
