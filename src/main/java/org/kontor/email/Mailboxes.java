package org.kontor.email;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.kontor.common.Forbidden;
import org.kontor.common.InvalidInput;
import org.kontor.common.NotFound;
import org.kontor.group.GroupService;
import org.kontor.security.SecretBox;
import org.kontor.user.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Support addresses and their IMAP settings: admins manage them; the importer routes mail by them. */
@Service
public class Mailboxes {
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s+]+@[^@\\s]+\\.[^@\\s]+$");
    private static final long CACHE_MILLIS = 5_000;

    private final MailboxRepository mailboxes;
    private final InboundEmailRepository received;
    private final GroupService groups;
    private final SecretBox secrets;
    private volatile Snapshot snapshot;

    Mailboxes(MailboxRepository mailboxes, InboundEmailRepository received, GroupService groups, SecretBox secrets) {
        this.secrets = secrets;
        this.mailboxes = mailboxes;
        this.received = received;
        this.groups = groups;
    }

    private record Snapshot(Map<String, Mailbox> byAddress, long readAt) {
    }

    /** Every support address, lower-case; read at most every few seconds (every import asks). */
    Set<String> addresses() {
        return current().byAddress().keySet();
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        if (s == null || System.currentTimeMillis() - s.readAt() > CACHE_MILLIS) {
            s = new Snapshot(mailboxes.findAll().stream().collect(Collectors.toMap(m -> m.getAddress().toLowerCase(Locale.ROOT),
                    Function.identity(), (a, b) -> a)), System.currentTimeMillis());
            snapshot = s;
        }
        return s;
    }

    /** The group of the first support address the mail was sent to, else the group of the mailbox it came from. */
    Long groupFor(List<String> recipients, Long mailboxId) {
        Snapshot s = current();
        for (String recipient : recipients) {
            Mailbox m = s.byAddress().get(TicketReference.withoutPlusTag(recipient));
            if (m != null && m.getGroupId() != null && groups.findActive(m.getGroupId()).isPresent()) {
                return m.getGroupId();
            }
        }
        if (mailboxId != null) {
            return s.byAddress().values().stream().filter(m -> m.getId().equals(mailboxId)).map(Mailbox::getGroupId)
                    .filter(g -> g != null && groups.findActive(g).isPresent()).findFirst().orElse(null);
        }
        return null;
    }

    @Transactional(readOnly = true)
    public List<Mailbox> list(Actor actor) {
        requireAdmin(actor);
        return mailboxes.findAllByOrderByIdAsc();
    }

    @Transactional(readOnly = true)
    public Mailbox get(long id, Actor actor) {
        requireAdmin(actor);
        return mailboxes.findById(id).orElseThrow(NotFound::new);
    }

    @Transactional
    public Mailbox create(Mailbox.Settings settings, Actor actor) {
        requireAdmin(actor);
        String address = validate(settings, null);
        Mailbox mailbox = new Mailbox(address, Instant.now());
        mailbox.apply(sealed(settings), Instant.now());
        snapshot = null;
        return mailboxes.save(mailbox);
    }

    @Transactional
    public Mailbox update(long id, Mailbox.Settings settings, Actor actor) {
        requireAdmin(actor);
        Mailbox mailbox = mailboxes.findById(id).orElseThrow(NotFound::new);
        validate(settings, mailbox);
        mailbox.apply(sealed(settings), Instant.now());
        snapshot = null;
        return mailbox;
    }

    @Transactional
    public void delete(long id, Actor actor) {
        requireAdmin(actor);
        Mailbox mailbox = mailboxes.findById(id).orElseThrow(NotFound::new);
        received.detachFromMailbox(id);
        mailboxes.delete(mailbox);
        snapshot = null;
    }

    /** Creates or updates the mailbox given at start-up ({@code KONTOR_IMAP_URL}); no admin acts. */
    @Transactional
    Mailbox upsertFromStartup(Mailbox.Settings settings) {
        String address = settings.address().toLowerCase(Locale.ROOT);
        Mailbox mailbox = mailboxes.findByAddress(address).orElseGet(() -> new Mailbox(address, Instant.now()));
        Long groupId = settings.groupId() != null ? settings.groupId() : mailbox.getGroupId();
        mailbox.apply(new Mailbox.Settings(address, groupId, settings.host(), settings.port(), settings.security(), settings.user(),
                secrets.seal(settings.password()), settings.folder(), settings.afterImport(), settings.moveToFolder(), settings.pollInterval(),
                true), Instant.now());
        snapshot = null;
        return mailboxes.save(mailbox);
    }

    /** The password as it is stored: encrypted (README "Secrets at rest"). */
    private Mailbox.Settings sealed(Mailbox.Settings s) {
        return new Mailbox.Settings(s.address(), s.groupId(), s.host(), s.port(), s.security(), s.user(), secrets.seal(s.password()),
                s.folder(), s.afterImport(), s.moveToFolder(), s.pollInterval(), s.enabled());
    }

    /** The IMAP password to sign in with; a value stored before encryption is read as it is. */
    String imapPassword(Mailbox mailbox) {
        return secrets.open(mailbox.getImapPassword());
    }

    /** Encrypts passwords stored in plain text by earlier versions; runs at start-up, harmless to repeat. */
    @Transactional
    public int sealPlainPasswords() {
        int sealed = 0;
        for (Mailbox m : mailboxes.findAll()) {
            if (m.getImapPassword() != null && !secrets.isSealed(m.getImapPassword())) {
                m.replaceStoredPassword(secrets.seal(m.getImapPassword()));
                sealed++;
            }
        }
        return sealed;
    }

    private String validate(Mailbox.Settings s, Mailbox existing) {
        String address = s.address() == null ? null : s.address().trim().toLowerCase(Locale.ROOT);
        if (existing == null && (address == null || address.isEmpty())) {
            throw InvalidInput.of("address", "err.address.blank", "Address: cannot be blank");
        }
        if (address != null && !EMAIL.matcher(address).matches()) {
            throw InvalidInput.of("address", "err.address.format", "Address: " + s.address() + " is not an email address (without a +tag)", s.address());
        }
        if (address != null && mailboxes.findByAddress(address).filter(m -> existing == null || !m.getId().equals(existing.getId())).isPresent()) {
            throw InvalidInput.of("address", "err.address.taken", "Address: " + address + " is already a support address", address);
        }
        if (s.groupId() != null && s.groupId() != 0 && groups.findActive(s.groupId()).isEmpty()) {
            throw InvalidInput.of("group_id", "err.group.missing", "Group: " + s.groupId() + " does not exist", s.groupId());
        }
        boolean imap = s.host() != null ? !s.host().isBlank() : existing != null && existing.getImapHost() != null;
        if (s.port() != null && (s.port() < 1 || s.port() > 65535)) {
            throw InvalidInput.of("port", "err.port.range", "Port: must be between 1 and 65535");
        }
        if (imap && (s.user() == null || s.user().isBlank()) && (existing == null || existing.getImapUser() == null)) {
            throw InvalidInput.of("username", "err.imapUser.required", "Username: required for an IMAP mailbox");
        }
        if (s.afterImport() == Mailbox.AfterImport.MOVE && (s.moveToFolder() == null || s.moveToFolder().isBlank())
                && (existing == null || existing.getMoveToFolder() == null)) {
            throw InvalidInput.of("move_to_folder", "err.moveToFolder.required", "Move to folder: required when after_import is move");
        }
        return address;
    }

    private static void requireAdmin(Actor actor) {
        if (!actor.isAdmin()) {
            throw new Forbidden("Only admins manage support addresses");
        }
    }

    @Transactional(readOnly = true)
    List<Mailbox> duePolls(Instant now) {
        return mailboxes.findAllByOrderByIdAsc().stream().filter(m -> m.isDue(now)).toList();
    }

    @Transactional(readOnly = true)
    java.util.Optional<Mailbox> find(long id) {
        return mailboxes.findById(id);
    }

    @Transactional
    void recordPoll(long id, Instant at, long uidValidity, long lastUid, int imported) {
        mailboxes.findById(id).ifPresent(m -> m.polled(at, uidValidity, lastUid, imported));
    }

    @Transactional
    void recordPollFailure(long id, Instant at, String error) {
        mailboxes.findById(id).ifPresent(m -> m.pollFailed(at, error));
    }
}
