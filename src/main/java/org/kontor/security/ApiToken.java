package org.kontor.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** An account API token, as in Zendesk: {@code email/token:TOKEN} signs in as that user. Only the hash is kept. */
@Entity
@Table(name = "api_tokens")
public class ApiToken {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "api_token_seq")
    @SequenceGenerator(name = "api_token_seq", sequenceName = "api_token_seq", allocationSize = 50)
    private Long id;
    private String tokenHash;
    private String description;
    private boolean active;
    @Column(updatable = false)
    private Long createdBy;
    @Column(updatable = false)
    private Instant createdAt;
    private Instant lastUsedAt;

    protected ApiToken() {
    }

    ApiToken(String tokenHash, String description, long createdBy) {
        this.tokenHash = tokenHash;
        this.description = description;
        this.active = true;
        this.createdBy = createdBy;
        this.createdAt = Instant.now();
    }

    void revoke() {
        this.active = false;
    }

    void used(Instant at) {
        this.lastUsedAt = at;
    }

    public Long getId() {
        return id;
    }

    public String getDescription() {
        return description;
    }

    public boolean isActive() {
        return active;
    }

    public Long getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getLastUsedAt() {
        return lastUsedAt;
    }
}
