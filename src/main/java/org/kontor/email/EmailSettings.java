package org.kontor.email;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The inbound email channel's configuration (README "Inbound email"). */
@Component
class EmailSettings {
    final String mailDomain;
    final String replyLocalPart;
    final int maxMessageBytes;
    final int maxAttachmentBytes;
    final int senderRateLimit;
    final Duration senderRateWindow;
    final int maxMessagesPerPoll;

    EmailSettings(@Value("${kontor.mail.domain:kontor.local}") String mailDomain,
                  @Value("${kontor.mail.reply-local-part:support}") String replyLocalPart,
                  @Value("${kontor.email.max-message-bytes:26214400}") int maxMessageBytes,
                  @Value("${kontor.email.max-attachment-bytes:10485760}") int maxAttachmentBytes,
                  @Value("${kontor.email.sender-rate-limit:30}") int senderRateLimit,
                  @Value("${kontor.email.sender-rate-window:PT10M}") Duration senderRateWindow,
                  @Value("${kontor.email.max-messages-per-poll:500}") int maxMessagesPerPoll) {
        this.mailDomain = mailDomain;
        this.replyLocalPart = replyLocalPart;
        this.maxMessageBytes = maxMessageBytes;
        this.maxAttachmentBytes = maxAttachmentBytes;
        this.senderRateLimit = senderRateLimit;
        this.senderRateWindow = senderRateWindow;
        this.maxMessagesPerPoll = maxMessagesPerPoll;
    }
}
