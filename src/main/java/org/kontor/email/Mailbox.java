package org.kontor.email;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;

/**
 * A support address. With an IMAP host it is polled for new mail; without one it only routes mail pushed to the
 * inbound endpoint. Its group receives the tickets of mail sent to its address.
 */
@Entity
@Table(name = "email_mailboxes")
public class Mailbox {
    public enum Security { NONE, STARTTLS, IMAPS }

    public enum AfterImport { MARK_SEEN, DELETE, MOVE }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "email_mailbox_seq")
    @SequenceGenerator(name = "email_mailbox_seq", sequenceName = "email_mailbox_seq", allocationSize = 50)
    private Long id;
    private String address;
    private Long groupId;
    private String imapHost;
    private Integer imapPort;
    @Enumerated(EnumType.STRING)
    private Security imapSecurity = Security.IMAPS;
    private String imapUser;
    private String imapPassword;
    private String imapFolder = "INBOX";
    @Enumerated(EnumType.STRING)
    private AfterImport afterImport = AfterImport.MARK_SEEN;
    private String moveToFolder;
    @Column(name = "poll_interval_seconds")
    private int pollIntervalSeconds = 60;
    private boolean enabled = true;
    private Long uidValidity;
    private Long lastUid;
    private Instant lastPollAt;
    private Instant lastSuccessAt;
    private String lastError;
    private int lastImported;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private long version;

    protected Mailbox() {
    }

    Mailbox(String address, Instant now) {
        this.address = address;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** The settings an admin gives; an IMAP host makes it a polled mailbox. */
    public record Settings(String address, Long groupId, String host, Integer port, Security security, String user,
                    String password, String folder, AfterImport afterImport, String moveToFolder, Duration pollInterval,
                    Boolean enabled) {
    }

    void apply(Settings s, Instant now) {
        if (s.address() != null) {
            address = s.address();
        }
        if (s.groupId() != null) {
            groupId = s.groupId() == 0 ? null : s.groupId();
        }
        // The UID cursor belongs to one folder of one account: another server, user or folder starts from the first UID
        // (a folder's UIDVALIDITY may equal the old one's, so the poller alone would not notice).
        boolean serverChanged = (s.host() != null && !s.host().equals(imapHost)) || (s.user() != null && !s.user().equals(imapUser))
                || (s.folder() != null && !s.folder().isBlank() && !s.folder().equals(imapFolder));
        if (serverChanged) {
            uidValidity = null;
            lastUid = null;
        }
        if (s.host() != null) {
            imapHost = s.host().isBlank() ? null : s.host();
        }
        if (s.port() != null) {
            imapPort = s.port();
        }
        if (s.security() != null) {
            imapSecurity = s.security();
        }
        if (s.user() != null) {
            imapUser = s.user();
        }
        if (s.password() != null) {
            imapPassword = s.password();
        }
        if (s.folder() != null && !s.folder().isBlank()) {
            imapFolder = s.folder();
        }
        if (s.afterImport() != null) {
            afterImport = s.afterImport();
        }
        if (s.moveToFolder() != null) {
            moveToFolder = s.moveToFolder().isBlank() ? null : s.moveToFolder();
        }
        if (s.pollInterval() != null) {
            pollIntervalSeconds = (int) Math.max(5, Math.min(86_400, s.pollInterval().toSeconds()));
        }
        if (s.enabled() != null) {
            enabled = s.enabled();
        }
        updatedAt = now;
    }

    void polled(Instant at, long uidValidity, long lastUid, int imported) {
        this.lastPollAt = at;
        this.lastSuccessAt = at;
        this.uidValidity = uidValidity;
        this.lastUid = lastUid;
        this.lastImported = imported;
        this.lastError = null;
    }

    void pollFailed(Instant at, String error) {
        this.lastPollAt = at;
        this.lastError = error == null ? "unknown error" : (error.length() > 3900 ? error.substring(0, 3900) : error);
    }

    boolean isPolled() {
        return imapHost != null && enabled;
    }

    boolean isDue(Instant now) {
        return isPolled() && (lastPollAt == null || !lastPollAt.plusSeconds(pollIntervalSeconds).isAfter(now));
    }

    public Long getId() {
        return id;
    }

    public String getAddress() {
        return address;
    }

    public Long getGroupId() {
        return groupId;
    }

    public String getImapHost() {
        return imapHost;
    }

    public Integer getImapPort() {
        return imapPort;
    }

    public Security getImapSecurity() {
        return imapSecurity;
    }

    public String getImapUser() {
        return imapUser;
    }

    /** As stored: encrypted by {@link Mailboxes} (a plain value only from before encryption). */
    String getImapPassword() {
        return imapPassword;
    }

    void replaceStoredPassword(String stored) {
        this.imapPassword = stored;
    }

    public String getImapFolder() {
        return imapFolder;
    }

    public AfterImport getAfterImport() {
        return afterImport;
    }

    public String getMoveToFolder() {
        return moveToFolder;
    }

    public int getPollIntervalSeconds() {
        return pollIntervalSeconds;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public Long getUidValidity() {
        return uidValidity;
    }

    public Long getLastUid() {
        return lastUid;
    }

    public Instant getLastPollAt() {
        return lastPollAt;
    }

    public Instant getLastSuccessAt() {
        return lastSuccessAt;
    }

    public String getLastError() {
        return lastError;
    }

    public int getLastImported() {
        return lastImported;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
