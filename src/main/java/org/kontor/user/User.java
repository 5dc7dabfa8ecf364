package org.kontor.user;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

@Entity
@Table(name = "users")
public class User {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "user_seq")
    @SequenceGenerator(name = "user_seq", sequenceName = "user_seq", allocationSize = 50)
    private Long id;

    private String name;
    private String email;
    private String phone;
    private String phoneDigits;
    private Role role;
    private Long organizationId;
    private String locale;
    private String timeZone;
    private String externalId;
    private String details;
    private String notes;
    private String passwordHash;
    private boolean verified;
    private boolean active;
    private boolean suspended;
    private Instant lastLoginAt;
    private Instant deletedAt;
    private Instant purgedAt;
    @Column(updatable = false)
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private long version;
    /** The type-ahead's keys (R2), derived from name, email and phone whenever one of them changes. */
    @ElementCollection
    @CollectionTable(name = "user_search_terms", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "term")
    private Set<String> searchTerms = new HashSet<>();

    protected User() {
    }

    User(String name, String email, String phone, Role role, Long organizationId, String locale) {
        Instant now = Instant.now();
        this.name = name;
        this.email = normalizeEmail(email);
        setPhone(phone);
        this.role = role;
        this.organizationId = organizationId;
        this.locale = locale == null ? "en-US" : locale;
        this.active = true;
        refreshSearchTerms();
        this.createdAt = now;
        this.updatedAt = now;
    }

    public static String normalizeEmail(String email) {
        if (email == null || email.isBlank()) {
            return null;
        }
        return email.trim().toLowerCase(Locale.ROOT);
    }

    void rename(String name) {
        this.name = name;
        refreshSearchTerms();
        touch();
    }

    void changeEmail(String email) {
        this.email = normalizeEmail(email);
        refreshSearchTerms();
        touch();
    }

    void setPhone(String phone) {
        this.phone = phone == null || phone.isBlank() ? null : phone.trim();
        this.phoneDigits = PhoneNumbers.digits(this.phone);
    }

    void changePhone(String phone) {
        setPhone(phone);
        refreshSearchTerms();
        touch();
    }

    void changeRole(Role role) {
        this.role = role;
        touch();
    }

    void moveToOrganization(Long organizationId) {
        this.organizationId = organizationId;
        touch();
    }

    void changeLocale(String locale) {
        this.locale = locale;
        touch();
    }

    void changeTimeZone(String timeZone) {
        this.timeZone = timeZone;
        touch();
    }

    void changeExternalId(String externalId) {
        this.externalId = externalId;
        touch();
    }

    void changeDetails(String details) {
        this.details = details;
        touch();
    }

    void changeNotes(String notes) {
        this.notes = notes;
        touch();
    }

    void changeVerified(boolean verified) {
        this.verified = verified;
        touch();
    }

    void changeSuspended(boolean suspended) {
        this.suspended = suspended;
        touch();
    }

    void changePasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
        touch();
    }

    /**
     * Soft delete, as Zendesk: the record stays for the tickets and comments it is named on, but can no longer sign
     * in, be found or be mailed, and gives up its email, phone and external id (a person who writes in again from
     * that address becomes a new user) and its password.
     */
    void delete() {
        this.active = false;
        this.deletedAt = Instant.now();
        this.email = null;
        this.phone = null;
        this.phoneDigits = null;
        this.externalId = null;
        this.passwordHash = null;
        searchTerms.clear();
        touch();
    }

    /** The name shown for a permanently deleted user, in tickets and comments that still point at the record. */
    public static final String PURGED_NAME = "Permanently deleted user";

    /**
     * Permanent deletion (after {@link #delete}): what is left of the person goes too — name, details, notes,
     * organization, language, time zone, last sign-in. The id stays, for the tickets and comments that name it.
     */
    void purge() {
        if (deletedAt == null) {
            throw new IllegalStateException("User " + id + " must be deleted before being purged");
        }
        this.name = PURGED_NAME;
        this.details = null;
        this.notes = null;
        this.organizationId = null;
        this.locale = "en-US";
        this.timeZone = null;
        this.lastLoginAt = null;
        this.verified = false;
        this.purgedAt = Instant.now();
        searchTerms.clear();
        touch();
    }

    public void recordLogin() {
        this.lastLoginAt = Instant.now();
    }

    private void refreshSearchTerms() {
        Set<String> fresh = SearchTerms.of(name, email, phone);
        // Kept keys stay untouched, so a rename writes only the words that changed.
        searchTerms.retainAll(fresh);
        searchTerms.addAll(fresh);
    }

    private void touch() {
        this.updatedAt = Instant.now();
    }

    /** May sign in and act: active and not suspended. */
    public boolean canSignIn() {
        return active && !suspended;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getEmail() {
        return email;
    }

    public String getPhone() {
        return phone;
    }

    public Role getRole() {
        return role;
    }

    public boolean isAgent() {
        return role.isAgent();
    }

    public Long getOrganizationId() {
        return organizationId;
    }

    public String getLocale() {
        return locale;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public String getExternalId() {
        return externalId;
    }

    public String getDetails() {
        return details;
    }

    public String getNotes() {
        return notes;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public boolean isVerified() {
        return verified;
    }

    public boolean isActive() {
        return active;
    }

    public Instant getDeletedAt() {
        return deletedAt;
    }

    /** Permanently deleted: only the id and {@link #PURGED_NAME} are left. */
    public boolean isPurged() {
        return purgedAt != null;
    }

    public boolean isSuspended() {
        return suspended;
    }

    /** Kontor mails only active, unsuspended users with an address (deleted users have none). */
    public boolean receivesMail() {
        return active && !suspended && email != null;
    }

    public Instant getLastLoginAt() {
        return lastLoginAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
