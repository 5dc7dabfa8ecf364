package org.kontor.email;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import org.kontor.attachment.Attachment;
import org.kontor.attachment.AttachmentLinks;
import org.kontor.attachment.Attachments;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.pojo.work.IndexingPlanSynchronizationStrategy;
import org.kontor.ticket.CommentBody;
import org.kontor.ticket.EmailTickets;
import org.kontor.user.Actor;
import org.kontor.user.Role;
import org.kontor.user.User;
import org.kontor.user.UserService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports one raw message, exactly once: the message's record (unique per source and Message-ID, and per IMAP
 * folder+UIDVALIDITY+UID) is written in the same transaction as the ticket change, so a repeated delivery, an
 * overlapping poll or a restart mid-import finds the record and changes nothing. Messages that must not change
 * tickets are recorded as skipped; messages that cannot be imported are quarantined with their raw bytes.
 */
@Service
public class EmailImporter {
    private static final Logger log = LoggerFactory.getLogger(EmailImporter.class);
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final int MAX_CCS = 48;
    private static final int MAX_ATTEMPTS = 4;
    /** Creating the sender as an end user needs no one's permission; this actor only answers that role check. */
    private static final Actor INBOUND_MAIL = new Actor(0, Role.END_USER, null);

    private final InboundEmailRepository records;
    private final Attachments attachments;
    private final Mailboxes mailboxes;
    private final EmailTickets tickets;
    private final UserService users;
    private final EmailSettings settings;
    private final TicketReference references;
    private final LoopGuard guard;
    private final TransactionTemplate tx;
    private final EntityManager em;

    EmailImporter(InboundEmailRepository records, Attachments attachments, Mailboxes mailboxes, EmailTickets tickets,
                  UserService users, EmailSettings settings, PlatformTransactionManager transactions, EntityManager em) {
        this.records = records;
        this.attachments = attachments;
        this.mailboxes = mailboxes;
        this.tickets = tickets;
        this.users = users;
        this.settings = settings;
        this.references = new TicketReference(settings.mailDomain);
        this.guard = new LoopGuard(references, settings.senderRateLimit, settings.senderRateWindow);
        this.tx = new TransactionTemplate(transactions);
        this.em = em;
    }

    /**
     * Where a message came from: the endpoint, or an IMAP mailbox with the message's folder and UID. A UID names a
     * message only within its folder (RFC 3501), and two folders may share a UIDVALIDITY, so the folder is part of it.
     */
    public record Source(String key, Long mailboxId, String folder, Long uidValidity, Long uid) {
        public static final Source ENDPOINT = new Source("endpoint", null, null, null, null);

        static Source imap(long mailboxId, String folder, long uidValidity, long uid) {
            return new Source("imap:" + mailboxId, mailboxId, folder, uidValidity, uid);
        }
    }

    public record Result(long recordId, InboundEmail.Status status, Long ticketId, Long commentId, String reason, boolean duplicate) {
        static Result of(InboundEmail e, boolean duplicate) {
            return new Result(e.getId(), e.getStatus(), e.getTicketId(), e.getCommentId(), e.getReason(), duplicate);
        }
    }

    /**
     * Runs inside the import transaction after the ticket change and before the commit; tests use it to simulate
     * a crash at the worst moment.
     */
    @FunctionalInterface
    interface BeforeCommit {
        BeforeCommit NONE = record -> {
        };

        void run(InboundEmail record);
    }

    public Result importMessage(byte[] raw, Source source) {
        return importMessage(raw, source, BeforeCommit.NONE);
    }

    Result importMessage(byte[] raw, Source source, BeforeCommit beforeCommit) {
        ParsedEmail parsed = null;
        String malformed = null;
        try {
            parsed = MimeParser.parse(raw);
        } catch (MimeParser.MalformedMessage e) {
            malformed = e.getMessage();
        }
        String messageId = parsed != null ? parsed.messageId() : MimeParser.messageIdOf(raw);
        ParsedEmail mail = parsed;
        String reason = malformed;
        for (int attempt = 1; ; attempt++) {
            try {
                return tx.execute(status -> {
                    // Nobody waits to search for imported mail: the import does not wait for the search index to
                    // refresh (searches refresh it when they run), which spares a tiny index segment per message.
                    Search.session(em).indexingPlanSynchronizationStrategy(IndexingPlanSynchronizationStrategy.async());
                    Optional<InboundEmail> known = existing(source, messageId);
                    if (known.isPresent()) {
                        return Result.of(known.get(), true);
                    }
                    // Written once, complete, with the ticket change; its unique keys make a concurrent import of the
                    // same message fail here and roll back whole.
                    InboundEmail record = new InboundEmail(source.key(), source.mailboxId(), messageId, source.folder(),
                            source.uidValidity(), source.uid(), raw.length, Instant.now());
                    process(record, raw, mail, reason, source, false);
                    records.saveAndFlush(record);
                    beforeCommit.run(record);
                    return Result.of(record, false);
                });
            } catch (DataIntegrityViolationException | ConcurrencyFailureException e) {
                // Another poll or delivery recorded the same message meanwhile: it is theirs to import.
                Optional<InboundEmail> other = existing(source, messageId);
                if (other.isPresent()) {
                    return Result.of(other.get(), true);
                }
                // A concurrent import created the same new sender or changed the same ticket: try again.
                if (attempt < MAX_ATTEMPTS) {
                    continue;
                }
                log.warn("Inbound message {} quarantined after {} attempts: {}", messageId, attempt, e.toString());
                return quarantine(raw, source, messageId, mail, describe(e));
            } catch (RuntimeException e) {
                log.warn("Inbound message {} quarantined: {}", messageId, e.toString());
                return quarantine(raw, source, messageId, mail, describe(e));
            }
        }
    }

    /** An admin's retry of a skipped or quarantined message: imported now, whatever the loop checks said. */
    public Result retry(long recordId) {
        InboundEmail first = records.findById(recordId).orElseThrow(org.kontor.common.NotFound::new);
        if (first.getStatus() == InboundEmail.Status.IMPORTED || first.getRaw() == null) {
            return Result.of(first, true);
        }
        byte[] raw = first.getRaw();
        Source source = new Source(first.getSource(), first.getMailboxId(), first.getImapFolder(), first.getUidValidity(),
                first.getUid());
        ParsedEmail parsed = null;
        String malformed = null;
        try {
            parsed = MimeParser.parse(raw);
        } catch (MimeParser.MalformedMessage e) {
            malformed = e.getMessage();
        }
        ParsedEmail mail = parsed;
        String reason = malformed;
        try {
            return tx.execute(status -> {
                InboundEmail record = records.findById(recordId).orElseThrow(org.kontor.common.NotFound::new);
                process(record, raw, mail, reason, source, true);
                return Result.of(records.save(record), false);
            });
        } catch (RuntimeException e) {
            return tx.execute(status -> {
                InboundEmail record = records.findById(recordId).orElseThrow(org.kontor.common.NotFound::new);
                record.quarantined(describe(e), raw, Instant.now());
                return Result.of(records.save(record), false);
            });
        }
    }

    /** Two queries, each on its unique index (one query with OR made PostgreSQL scan the table). */
    private Optional<InboundEmail> existing(Source source, String messageId) {
        Optional<InboundEmail> byId = records.findBySourceAndMessageId(source.key(), messageId);
        if (byId.isPresent() || source.uid() == null) {
            return byId;
        }
        return records.findBySourceAndImapFolderAndUidValidityAndUid(source.key(), source.folder(), source.uidValidity(), source.uid());
    }

    private Result quarantine(byte[] raw, Source source, String messageId, ParsedEmail mail, String reason) {
        try {
            return tx.execute(status -> {
                InboundEmail record = new InboundEmail(source.key(), source.mailboxId(), messageId, source.folder(),
                        source.uidValidity(), source.uid(), raw.length, Instant.now());
                if (mail != null) {
                    record.describe(mail.from().email(), mail.subject());
                } else {
                    String[] described = MimeParser.bestEffortFromAndSubject(raw);
                    record.describe(described[0], described[1]);
                }
                record.quarantined(reason, raw, Instant.now());
                return Result.of(records.saveAndFlush(record), false);
            });
        } catch (DataIntegrityViolationException e) {
            return existing(source, messageId).map(r -> Result.of(r, true)).orElseThrow(() -> e);
        }
    }

    private static String describe(RuntimeException e) {
        String message = e instanceof DataIntegrityViolationException d ? d.getMostSpecificCause().getMessage() : e.getMessage();
        if (e instanceof org.kontor.common.InvalidInput invalid) {
            message = String.join("; ", invalid.errors().values().stream().flatMap(List::stream).toList());
        }
        return "Import failed: " + e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private void process(InboundEmail record, byte[] raw, ParsedEmail mail, String malformed, Source source, boolean force) {
        Instant now = Instant.now();
        if (mail == null) {
            String[] described = MimeParser.bestEffortFromAndSubject(raw);
            record.describe(described[0], described[1]);
            record.quarantined("Malformed MIME: " + malformed, raw, now);
            return;
        }
        record.describe(mail.from().email(), mail.subject());
        if (raw.length > settings.maxMessageBytes) {
            record.quarantined("Oversized: " + raw.length + " bytes, more than the limit of " + settings.maxMessageBytes
                    + " (kontor.email.max-message-bytes)", raw, now);
            return;
        }
        Set<String> supportAddresses = new java.util.HashSet<>(mailboxes.addresses());
        supportAddresses.add(replyAddress());
        supportAddresses.add(settings.fromAddress);
        if (!force) {
            Optional<String> auto = guard.autoGenerated(mail, supportAddresses);
            if (auto.isPresent()) {
                record.skipped(auto.get(), raw, now);
                return;
            }
            if (!guard.allow(mail.from().email())) {
                record.skipped(guard.rateReason(mail.from().email()), raw, now);
                return;
            }
        }
        User sender = users.findOrCreateRequester(mail.from().name(), mail.from().email(), null, null, INBOUND_MAIL);
        if (sender.isSuspended() || !sender.isActive()) {
            record.quarantined("The sender " + mail.from().email() + " is suspended or deleted", raw, now);
            return;
        }
        Set<Long> ccs = ccs(mail, sender, supportAddresses);
        List<String> notes = new ArrayList<>();
        Files files = storeAttachments(mail, sender, notes);
        EmailTickets.Result result = null;
        CommentBody replyBody = null;
        for (long ticketId : threadCandidates(mail, supportAddresses)) {
            if (replyBody == null) {
                replyBody = replyBody(mail, files);
            }
            EmailTickets.Result reply = tickets.reply(ticketId, replyBody, sender, ccs);
            if (reply.outcome() == EmailTickets.ReplyOutcome.COMMENTED) {
                result = reply;
                break;
            }
            if (reply.outcome() == EmailTickets.ReplyOutcome.CLOSED) {
                notes.add("follow-up of closed ticket #" + ticketId);
                break;
            }
            if (reply.outcome() == EmailTickets.ReplyOutcome.NOT_A_PARTICIPANT) {
                notes.add("the sender is not a participant of ticket #" + ticketId + ": opened a ticket of their own");
                break;
            }
        }
        if (result == null) {
            result = tickets.open(subjectOf(mail), newTicketBody(mail, files), sender, ccs,
                    mailboxes.groupFor(recipients(mail), source.mailboxId()));
        }
        attachments.attachImported(files.ids(), result.ticketId(), result.commentId());
        record.imported(result.ticketId(), result.commentId(), notes.isEmpty() ? null : String.join("; ", notes), now);
    }

    /** The files stored for a message, and the download address of each inline image by its Content-ID. */
    private record Files(List<Long> ids, Map<String, String> byContentId) {
    }

    /**
     * Stores the message's files before its comment exists, so that the comment's HTML can refer to its inline
     * images; {@link Attachments#attachImported} then puts them on the comment in this transaction.
     */
    private Files storeAttachments(ParsedEmail mail, User sender, List<String> notes) {
        List<Long> ids = new ArrayList<>();
        Map<String, String> byContentId = new HashMap<>();
        long limit = Math.min(settings.maxAttachmentBytes, attachments.settings().maxBytes());
        for (ParsedEmail.Part part : mail.attachments()) {
            if (part.content().length > limit) {
                notes.add("attachment " + part.fileName() + " (" + part.content().length + " bytes) not stored: larger than "
                        + limit + " bytes");
                continue;
            }
            Attachment stored = attachments.storeImported(part.content(), part.fileName(), part.contentType(), part.contentId(),
                    part.inline(), sender.getId());
            ids.add(stored.getId());
            if (part.contentId() != null) {
                byContentId.putIfAbsent(InlineImages.key(part.contentId()), AttachmentLinks.path(stored.getId(), stored.getFileName()));
            }
        }
        return new Files(ids, byContentId);
    }

    /** In-Reply-To and References (Kontor's Message-IDs, then earlier imported mail), the +id address, the subject token. */
    private List<Long> threadCandidates(ParsedEmail mail, Set<String> supportAddresses) {
        Set<Long> candidates = new LinkedHashSet<>();
        List<String> ids = new ArrayList<>(mail.references());
        if (mail.inReplyTo() != null) {
            ids.remove(mail.inReplyTo());
            ids.add(mail.inReplyTo());
        }
        references.fromMessageIds(ids).ifPresent(candidates::add);
        if (!ids.isEmpty()) {
            candidates.addAll(records.ticketsOfMessages(ids, PageRequest.of(0, 1)));
        }
        for (String address : recipients(mail)) {
            String base = TicketReference.withoutPlusTag(address);
            if (supportAddresses.contains(base) || base.equals(replyAddress())) {
                TicketReference.fromAddress(address).ifPresent(candidates::add);
            }
        }
        TicketReference.fromSubject(mail.subject()).ifPresent(candidates::add);
        return new ArrayList<>(candidates);
    }

    /** The Reply-To address of Kontor's notifications, without its +id tag. */
    private String replyAddress() {
        return settings.replyAddress;
    }

    private static List<String> recipients(ParsedEmail mail) {
        List<String> result = new ArrayList<>();
        mail.deliveredTo().forEach(a -> result.add(a.email()));
        mail.to().forEach(a -> result.add(a.email()));
        mail.cc().forEach(a -> result.add(a.email()));
        return result;
    }

    /** Cc: addresses become CCs (end users), never a support address (nor Kontor's reply address) or the sender. */
    private Set<Long> ccs(ParsedEmail mail, User sender, Set<String> supportAddresses) {
        Set<Long> result = new LinkedHashSet<>();
        for (ParsedEmail.Address cc : mail.cc()) {
            String email = cc.email().toLowerCase(Locale.ROOT);
            String base = TicketReference.withoutPlusTag(email);
            if (result.size() >= MAX_CCS || !EMAIL.matcher(email).matches() || supportAddresses.contains(base)
                    || base.equals(replyAddress()) || email.equals(sender.getEmail())) {
                continue;
            }
            result.add(users.findOrCreateRequester(cc.name(), email, null, null, INBOUND_MAIL).getId());
        }
        return result;
    }

    private static String subjectOf(ParsedEmail mail) {
        if (mail.subject() != null && !mail.subject().isBlank()) {
            return mail.subject().length() > 1000 ? mail.subject().substring(0, 1000) : mail.subject();
        }
        String text = mail.text() != null ? mail.text().strip() : "";
        return text.isEmpty() ? "(no subject)" : text.lines().findFirst().map(l -> l.length() > 80 ? l.substring(0, 80) : l).orElse("(no subject)");
    }

    private static CommentBody newTicketBody(ParsedEmail mail, Files files) {
        return body(mail.text(), mail.html(), files);
    }

    /** A reply without its quoted history: the plain part when there is one, else the trimmed HTML. */
    private static CommentBody replyBody(ParsedEmail mail, Files files) {
        if (mail.text() != null && !mail.text().isBlank()) {
            return body(QuotedText.trimPlain(mail.text()), null, files);
        }
        return body(null, QuotedText.trimHtml(mail.html()), files);
    }

    /** HTML wins; its {@code cid:} images point at their stored files, the only image addresses let through for them. */
    private static CommentBody body(String text, String html, Files files) {
        if (html != null && !html.isBlank()) {
            html = InlineImages.rewrite(html, files.byContentId());
        }
        if (html != null && !html.isBlank() && html.length() <= CommentBody.MAX_LENGTH) {
            return CommentBody.of(null, html, Set.copyOf(files.byContentId().values()));
        }
        if (text != null && !text.isBlank()) {
            String plain = text.length() > CommentBody.MAX_LENGTH - 20 ? text.substring(0, CommentBody.MAX_LENGTH - 20) + "\n[…]" : text;
            return CommentBody.of(plain, null);
        }
        if (html != null && !html.isBlank()) {
            String plain = org.jsoup.Jsoup.parse(html).text();
            if (!plain.isBlank()) {
                return CommentBody.of(plain.length() > CommentBody.MAX_LENGTH - 20 ? plain.substring(0, CommentBody.MAX_LENGTH - 20) + " […]" : plain, null);
            }
        }
        return CommentBody.of("(no text)", null);
    }
}
