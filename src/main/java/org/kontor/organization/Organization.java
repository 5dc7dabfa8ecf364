package org.kontor.organization;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

@Entity
@Table(name = "organizations")
public class Organization {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "organization_seq")
    @SequenceGenerator(name = "organization_seq", sequenceName = "organization_seq", allocationSize = 50)
    private Long id;

    private String name;
    /** Lower-cased name: organization names are unique regardless of case. */
    private String nameKey;
    private String details;
    private String notes;
    private String externalId;
    private boolean sharedTickets;
    private boolean sharedComments;
    @Column(updatable = false)
    private Instant createdAt;
    private Instant updatedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SELECT)
    @CollectionTable(name = "organization_domains", joinColumns = @JoinColumn(name = "organization_id"))
    @Column(name = "domain")
    private Set<String> domainNames = new TreeSet<>();

    protected Organization() {
    }

    Organization(String name) {
        rename(name);
        this.createdAt = this.updatedAt;
    }

    static String key(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }

    static String normalizeDomain(String domain) {
        String d = domain.trim().toLowerCase(Locale.ROOT);
        return d.startsWith("@") ? d.substring(1) : d;
    }

    void rename(String name) {
        this.name = name.trim();
        this.nameKey = key(name);
        touch();
    }

    void replaceDomainNames(Collection<String> domains) {
        domainNames.clear();
        domains.stream().map(Organization::normalizeDomain).filter(d -> !d.isEmpty()).forEach(domainNames::add);
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

    void changeExternalId(String externalId) {
        this.externalId = externalId;
        touch();
    }

    void changeSharing(boolean sharedTickets, boolean sharedComments) {
        this.sharedTickets = sharedTickets;
        // Members can only read each other's comments where they can read each other's tickets.
        this.sharedComments = sharedTickets && sharedComments;
        touch();
    }

    private void touch() {
        this.updatedAt = Instant.now();
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getDetails() {
        return details;
    }

    public String getNotes() {
        return notes;
    }

    public String getExternalId() {
        return externalId;
    }

    public boolean isSharedTickets() {
        return sharedTickets;
    }

    public boolean isSharedComments() {
        return sharedComments;
    }

    public Set<String> getDomainNames() {
        return Set.copyOf(domainNames);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
