package org.kontor.email;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.kontor.common.InvalidInput;
import org.kontor.user.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Fetches new mail from an IMAP mailbox: every message with a UID above the last one seen is imported (exactly
 * once, see {@link EmailImporter}) and then marked seen, deleted or moved. The UID cursor advances only after a
 * poll finished, so a crash mid-poll fetches the same messages again and the import records make that harmless.
 */
@Service
public class ImapPoller {
    private static final Logger log = LoggerFactory.getLogger(ImapPoller.class);

    private final Mailboxes mailboxes;
    private final EmailImporter importer;
    private final EmailSettings settings;
    private final Map<Long, ReentrantLock> locks = new ConcurrentHashMap<>();

    ImapPoller(Mailboxes mailboxes, EmailImporter importer, EmailSettings settings) {
        this.mailboxes = mailboxes;
        this.importer = importer;
        this.settings = settings;
    }

    /** What one poll did. */
    public record PollResult(int fetched, int imported, int duplicates, int skipped, int quarantined, String error) {
    }

    /** The scheduled task: every mailbox whose poll interval has passed. */
    void pollDue() {
        for (Mailbox mailbox : mailboxes.duePolls(Instant.now())) {
            poll(mailbox.getId(), EmailImporter.BeforeCommit.NONE, false);
        }
    }

    /** An admin's "poll now". */
    public PollResult pollNow(long mailboxId, Actor actor) {
        Mailbox mailbox = mailboxes.get(mailboxId, actor);
        if (mailbox.getImapHost() == null) {
            throw InvalidInput.of("imap_host", "err.imapHost.missing", "This support address has no IMAP server to poll");
        }
        return poll(mailboxId, EmailImporter.BeforeCommit.NONE, true);
    }

    /** Polls one mailbox; a scheduled poll skips a mailbox that is being polled, a requested one waits for it. */
    PollResult poll(long mailboxId, EmailImporter.BeforeCommit beforeCommit, boolean wait) {
        ReentrantLock lock = locks.computeIfAbsent(mailboxId, id -> new ReentrantLock());
        if (wait) {
            lock.lock();
        } else if (!lock.tryLock()) {
            return new PollResult(0, 0, 0, 0, 0, "a poll of this mailbox is already running");
        }
        try {
            Mailbox mailbox = mailboxes.find(mailboxId).orElse(null);
            if (mailbox == null || mailbox.getImapHost() == null) {
                return new PollResult(0, 0, 0, 0, 0, "no IMAP mailbox " + mailboxId);
            }
            return fetch(mailbox, beforeCommit);
        } finally {
            lock.unlock();
        }
    }

    private PollResult fetch(Mailbox mailbox, EmailImporter.BeforeCommit beforeCommit) {
        Instant started = Instant.now();
        int fetched = 0, imported = 0, duplicates = 0, skipped = 0, quarantined = 0;
        Store store = null;
        Folder folder = null;
        try {
            boolean imaps = mailbox.getImapSecurity() == Mailbox.Security.IMAPS;
            String protocol = imaps ? "imaps" : "imap";
            Session session = Session.getInstance(properties(mailbox, protocol));
            store = session.getStore(protocol);
            int port = mailbox.getImapPort() != null ? mailbox.getImapPort() : (imaps ? 993 : 143);
            store.connect(mailbox.getImapHost(), port, mailbox.getImapUser(), mailboxes.imapPassword(mailbox));
            folder = store.getFolder(mailbox.getImapFolder());
            folder.open(Folder.READ_WRITE);
            UIDFolder uids = (UIDFolder) folder;
            long uidValidity = uids.getUIDValidity();
            long from = mailbox.getUidValidity() != null && mailbox.getUidValidity() == uidValidity && mailbox.getLastUid() != null
                    ? mailbox.getLastUid() + 1 : 1;
            Message[] messages = uids.getMessagesByUID(from, UIDFolder.LASTUID);
            FetchProfile profile = new FetchProfile();
            profile.add(UIDFolder.FetchProfileItem.UID);
            profile.add(FetchProfile.Item.FLAGS);
            folder.fetch(messages, profile);
            long lastUid = from - 1;
            Folder target = null;
            if (mailbox.getAfterImport() == Mailbox.AfterImport.MOVE && mailbox.getMoveToFolder() != null) {
                target = store.getFolder(mailbox.getMoveToFolder());
                if (!target.exists()) {
                    target.create(Folder.HOLDS_MESSAGES);
                }
            }
            for (Message message : messages) {
                long uid = uids.getUID(message);
                // "from:*" also answers the last message when there is nothing newer.
                if (uid < from || message.isExpunged()) {
                    continue;
                }
                if (fetched >= settings.maxMessagesPerPoll) {
                    break;
                }
                fetched++;
                byte[] raw = raw(message);
                EmailImporter.Source source = EmailImporter.Source.imap(mailbox.getId(), mailbox.getImapFolder(), uidValidity, uid);
                EmailImporter.Result result = importer.importMessage(raw, source, beforeCommit);
                if (result.duplicate()) {
                    duplicates++;
                } else if (result.status() == InboundEmail.Status.IMPORTED) {
                    imported++;
                } else if (result.status() == InboundEmail.Status.SKIPPED) {
                    skipped++;
                } else {
                    quarantined++;
                }
                afterImport(mailbox, folder, target, message);
                lastUid = Math.max(lastUid, uid);
            }
            folder.close(mailbox.getAfterImport() != Mailbox.AfterImport.MARK_SEEN);
            folder = null;
            mailboxes.recordPoll(mailbox.getId(), started, uidValidity, Math.max(lastUid, 0), imported);
            return new PollResult(fetched, imported, duplicates, skipped, quarantined, null);
        } catch (MessagingException | IOException | RuntimeException e) {
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            log.warn("Polling mailbox {} ({}) failed: {}", mailbox.getId(), mailbox.getAddress(), error);
            mailboxes.recordPollFailure(mailbox.getId(), started, error);
            return new PollResult(fetched, imported, duplicates, skipped, quarantined, error);
        } finally {
            closeQuietly(folder, store);
        }
    }

    private static byte[] raw(Message message) throws MessagingException, IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(1024, message.getSize()));
        message.writeTo(out);
        return out.toByteArray();
    }

    private static void afterImport(Mailbox mailbox, Folder folder, Folder target, Message message) throws MessagingException {
        switch (mailbox.getAfterImport()) {
            case MARK_SEEN -> message.setFlag(Flags.Flag.SEEN, true);
            case DELETE -> message.setFlag(Flags.Flag.DELETED, true);
            case MOVE -> {
                if (target != null) {
                    folder.copyMessages(new Message[] {message}, target);
                }
                message.setFlag(Flags.Flag.DELETED, true);
            }
        }
    }

    private static Properties properties(Mailbox mailbox, String protocol) {
        Properties p = new Properties();
        String prefix = "mail." + protocol + ".";
        p.setProperty(prefix + "connectiontimeout", "15000");
        p.setProperty(prefix + "timeout", "60000");
        p.setProperty(prefix + "writetimeout", "60000");
        // Reading a message must not mark it seen: a crash before the import commits leaves it as it was.
        p.setProperty(prefix + "peek", "true");
        p.setProperty(prefix + "partialfetch", "false");
        if (mailbox.getImapSecurity() == Mailbox.Security.STARTTLS) {
            p.setProperty(prefix + "starttls.enable", "true");
            p.setProperty(prefix + "starttls.required", "true");
        }
        if (mailbox.getImapSecurity() != Mailbox.Security.NONE) {
            p.setProperty(prefix + "ssl.checkserveridentity", "true");
        }
        return p;
    }

    private static void closeQuietly(Folder folder, Store store) {
        try {
            if (folder != null && folder.isOpen()) {
                folder.close(false);
            }
        } catch (MessagingException | RuntimeException e) {
            // the connection is gone anyway
        }
        try {
            if (store != null) {
                store.close();
            }
        } catch (MessagingException | RuntimeException e) {
            // the connection is gone anyway
        }
    }
}
