package org.kontor.email;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.annotation.PreDestroy;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.kontor.common.InvalidInput;
import org.kontor.user.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Fetches new mail from an IMAP mailbox: every message with a UID above the last one seen is imported (exactly
 * once, see {@link EmailImporter}) and then marked seen, deleted or moved. A poll imports in several lanes side by
 * side ({@link ImportLanes}, {@code kontor.email.import-threads}). The UID cursor advances only after a poll
 * finished, so a crash mid-poll fetches the same messages again and the import records make that harmless.
 */
@Service
public class ImapPoller {
    private static final Logger log = LoggerFactory.getLogger(ImapPoller.class);

    /** Read for a poll's messages before any message body, to put related messages into one import lane. */
    private static final List<String> THREAD_HEADERS = List.of("From", "Sender", "Message-ID", "In-Reply-To", "References",
            "Subject", "To", "Cc");

    private final Mailboxes mailboxes;
    private final EmailImporter importer;
    private final EmailSettings settings;
    private final TicketReference references;
    private final ExecutorService workers;
    private final Map<Long, ReentrantLock> locks = new ConcurrentHashMap<>();

    ImapPoller(Mailboxes mailboxes, EmailImporter importer, EmailSettings settings) {
        this.mailboxes = mailboxes;
        this.importer = importer;
        this.settings = settings;
        this.references = new TicketReference(settings.mailDomain);
        AtomicInteger number = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(settings.importThreads, r -> {
            Thread t = new Thread(r, "kontor-imap-import-" + number.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
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
        Counts counts = new Counts();
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
            // One UID FETCH: the messages come back with their UIDs known.
            Message[] messages = uids.getMessagesByUID(from, UIDFolder.LASTUID);
            List<Message> batch = new ArrayList<>();
            long lastUid = from - 1;
            for (Message message : messages) {
                long uid = uids.getUID(message);
                // "from:*" also answers the last message when there is nothing newer.
                if (uid < from || message.isExpunged()) {
                    continue;
                }
                if (batch.size() >= settings.maxMessagesPerPoll) {
                    break;
                }
                batch.add(message);
                lastUid = Math.max(lastUid, uid);
            }
            FetchProfile headers = new FetchProfile();
            THREAD_HEADERS.forEach(headers::add);
            folder.fetch(batch.toArray(Message[]::new), headers);
            Folder target = null;
            if (mailbox.getAfterImport() == Mailbox.AfterImport.MOVE && mailbox.getMoveToFolder() != null) {
                target = store.getFolder(mailbox.getMoveToFolder());
                if (!target.exists()) {
                    target.create(Folder.HOLDS_MESSAGES);
                }
            }
            List<Message> done = java.util.Collections.synchronizedList(new ArrayList<>());
            try {
                importAll(new Batch(mailbox, folder, target, uidValidity, batch, beforeCommit), counts, done);
            } catch (MessagingException | IOException | RuntimeException e) {
                // What was imported stays imported; marking it spares the next poll reading it again.
                afterImportQuietly(mailbox, folder, target, done);
                throw e;
            }
            afterImport(mailbox, folder, target, done);
            folder.close(mailbox.getAfterImport() != Mailbox.AfterImport.MARK_SEEN);
            folder = null;
            mailboxes.recordPoll(mailbox.getId(), started, uidValidity, Math.max(lastUid, 0), counts.imported.get());
            return counts.result(null);
        } catch (MessagingException | IOException | RuntimeException e) {
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            log.warn("Polling mailbox {} ({}) failed: {}", mailbox.getId(), mailbox.getAddress(), error);
            mailboxes.recordPollFailure(mailbox.getId(), started, error);
            return counts.result(error);
        } finally {
            closeQuietly(folder, store);
        }
    }

    /** One poll's messages, in mailbox order, and where they go after their import. */
    private record Batch(Mailbox mailbox, Folder folder, Folder target, long uidValidity, List<Message> messages,
                         EmailImporter.BeforeCommit beforeCommit) {
    }

    private static final class Counts {
        final AtomicInteger fetched = new AtomicInteger();
        final AtomicInteger imported = new AtomicInteger();
        final AtomicInteger duplicates = new AtomicInteger();
        final AtomicInteger skipped = new AtomicInteger();
        final AtomicInteger quarantined = new AtomicInteger();

        PollResult result(String error) {
            return new PollResult(fetched.get(), imported.get(), duplicates.get(), skipped.get(), quarantined.get(), error);
        }
    }

    /**
     * Imports the batch in lanes side by side (one conversation stays in one lane, in order). The first failure
     * stops every lane before its next message and fails the poll, as a failure stopped the sequential import.
     */
    private void importAll(Batch batch, Counts counts, List<Message> done) throws MessagingException, IOException {
        List<List<Integer>> lanes = ImportLanes.assign(batch.messages().stream().map(this::threadKeys).toList(),
                settings.importThreads);
        AtomicBoolean stop = new AtomicBoolean();
        if (lanes.size() <= 1) {
            for (List<Integer> lane : lanes) {
                importLane(batch, lane, counts, stop, done);
            }
            return;
        }
        List<Future<Void>> running = new ArrayList<>();
        for (List<Integer> lane : lanes) {
            running.add(workers.submit(() -> {
                importLane(batch, lane, counts, stop, done);
                return null;
            }));
        }
        Throwable failure = null;
        for (Future<Void> lane : running) {
            try {
                lane.get();
            } catch (ExecutionException e) {
                failure = failure == null ? e.getCause() : failure;
            } catch (InterruptedException e) {
                stop.set(true);
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while importing", e);
            }
        }
        if (failure instanceof MessagingException e) {
            throw e;
        } else if (failure instanceof IOException e) {
            throw e;
        } else if (failure instanceof RuntimeException e) {
            throw e;
        } else if (failure instanceof Error e) {
            throw e;
        }
    }

    private void importLane(Batch batch, List<Integer> lane, Counts counts, AtomicBoolean stop, List<Message> done)
            throws MessagingException, IOException {
        try {
            for (int index : lane) {
                if (stop.get()) {
                    return;
                }
                Message message = batch.messages().get(index);
                counts.fetched.incrementAndGet();
                byte[] raw = raw(message);
                EmailImporter.Source source = EmailImporter.Source.imap(batch.mailbox().getId(), batch.mailbox().getImapFolder(),
                        batch.uidValidity(), ((UIDFolder) batch.folder()).getUID(message));
                EmailImporter.Result result = importer.importMessage(raw, source, batch.beforeCommit());
                if (result.duplicate()) {
                    counts.duplicates.incrementAndGet();
                } else if (result.status() == InboundEmail.Status.IMPORTED) {
                    counts.imported.incrementAndGet();
                } else if (result.status() == InboundEmail.Status.SKIPPED) {
                    counts.skipped.incrementAndGet();
                } else {
                    counts.quarantined.incrementAndGet();
                }
                done.add(message);
            }
        } catch (MessagingException | IOException | RuntimeException | Error e) {
            stop.set(true);
            throw e;
        }
    }

    /** What relates a message to others of the same poll (see {@link ImportLanes}), from the headers fetched up front. */
    private Set<String> threadKeys(Message message) {
        Set<String> keys = new HashSet<>();
        try {
            String from = header(message, "From");
            if (from == null) {
                from = header(message, "Sender");
            }
            MimeParser.addresses(from).forEach(a -> keys.add("from:" + a.email()));
            for (String name : List.of("Message-ID", "In-Reply-To", "References")) {
                for (String id : MimeParser.ids(header(message, name))) {
                    keys.add("id:" + id);
                    references.fromMessageId(id).ifPresent(ticket -> keys.add("ticket:" + ticket));
                }
            }
            String subject = header(message, "Subject");
            if (subject != null) {
                TicketReference.fromSubject(MimeUtility.decodeText(MimeUtility.unfold(subject))).ifPresent(t -> keys.add("ticket:" + t));
            }
            for (String name : List.of("To", "Cc")) {
                MimeParser.addresses(header(message, name))
                        .forEach(a -> TicketReference.fromAddress(a.email()).ifPresent(t -> keys.add("ticket:" + t)));
            }
        } catch (MessagingException | UnsupportedEncodingException | RuntimeException e) {
            // Headers that cannot be read relate the message to nothing; its import will say what is wrong with it.
        }
        return keys;
    }

    private static String header(Message message, String name) throws MessagingException {
        String[] values = message.getHeader(name);
        return values == null ? null : String.join(",", values);
    }

    private static byte[] raw(Message message) throws MessagingException, IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(1024, message.getSize()));
        message.writeTo(out);
        return out.toByteArray();
    }

    /** Marks, deletes or moves the imported messages, all in one command each. */
    private static void afterImport(Mailbox mailbox, Folder folder, Folder target, List<Message> done) throws MessagingException {
        Message[] messages;
        synchronized (done) {
            messages = done.stream().sorted(java.util.Comparator.comparingInt(Message::getMessageNumber)).toArray(Message[]::new);
        }
        if (messages.length == 0) {
            return;
        }
        switch (mailbox.getAfterImport()) {
            case MARK_SEEN -> folder.setFlags(messages, new Flags(Flags.Flag.SEEN), true);
            case DELETE -> folder.setFlags(messages, new Flags(Flags.Flag.DELETED), true);
            case MOVE -> {
                if (target != null) {
                    folder.copyMessages(messages, target);
                }
                folder.setFlags(messages, new Flags(Flags.Flag.DELETED), true);
            }
        }
    }

    private static void afterImportQuietly(Mailbox mailbox, Folder folder, Folder target, List<Message> done) {
        try {
            afterImport(mailbox, folder, target, done);
        } catch (MessagingException | RuntimeException e) {
            // the poll is failing anyway; the next one finds these messages imported
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
