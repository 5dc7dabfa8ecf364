package org.kontor.email;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * IMAP polling as a db-scheduler recurring task: one instance in a cluster runs it at a time, and each run
 * polls the mailboxes whose own interval has passed. {@code KONTOR_IMAP_URL} creates or updates one mailbox at
 * start-up for automated deployments.
 */
@Configuration
class EmailPollingConfig {
    private static final Logger log = LoggerFactory.getLogger(EmailPollingConfig.class);

    @Bean
    RecurringTask<Void> emailPollTask(ImapPoller poller, @Value("${kontor.email.poll-tick:PT10S}") Duration tick) {
        return Tasks.recurring("email-imap-poll", FixedDelay.of(tick)).execute((instance, context) -> poller.pollDue());
    }

    /** Passwords stored in plain text by an earlier version are encrypted at the first start of this one. */
    @Bean
    ApplicationRunner sealMailboxPasswords(Mailboxes mailboxes) {
        return args -> {
            int sealed = mailboxes.sealPlainPasswords();
            if (sealed > 0) {
                log.info("Inbound email: encrypted {} stored IMAP passwords", sealed);
            }
        };
    }

    @Bean
    ApplicationRunner imapUrlMailbox(Mailboxes mailboxes, @Value("${kontor.email.imap-url:}") String url,
                                     @Value("${kontor.email.imap-poll-interval:PT1M}") Duration interval) {
        return (ApplicationArguments args) -> {
            if (url == null || url.isBlank()) {
                return;
            }
            Mailbox.Settings settings = fromUrl(url, interval);
            Mailbox mailbox = mailboxes.upsertFromStartup(settings);
            log.info("Inbound email: polling {} on {}:{} every {} (KONTOR_IMAP_URL)", mailbox.getAddress(), mailbox.getImapHost(),
                    mailbox.getImapPort(), interval);
        };
    }

    /** {@code imap[s]://user:password@host:port/FOLDER}; the user (or user@host) is the support address. */
    static Mailbox.Settings fromUrl(String url, Duration interval) {
        URI uri = URI.create(url.trim());
        boolean imaps = "imaps".equalsIgnoreCase(uri.getScheme());
        if (!imaps && !"imap".equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException("KONTOR_IMAP_URL must start with imap:// or imaps://");
        }
        String userInfo = uri.getRawUserInfo();
        if (userInfo == null || uri.getHost() == null) {
            throw new IllegalArgumentException("KONTOR_IMAP_URL needs user, password and host: imaps://user:password@host/INBOX");
        }
        int colon = userInfo.indexOf(':');
        String user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
        String password = colon < 0 ? "" : decode(userInfo.substring(colon + 1));
        String folder = uri.getPath() == null || uri.getPath().length() <= 1 ? "INBOX" : uri.getPath().substring(1);
        String address = user.contains("@") ? user : user + "@" + uri.getHost();
        int port = uri.getPort() > 0 ? uri.getPort() : (imaps ? 993 : 143);
        return new Mailbox.Settings(address, null, uri.getHost(), port, imaps ? Mailbox.Security.IMAPS : Mailbox.Security.NONE,
                user, password, folder, Mailbox.AfterImport.MARK_SEEN, null, interval, true);
    }

    /** Percent-decoding without URLDecoder's "+ is a space" (a password may contain a plus). */
    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
