package org.kontor.helpcenter;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An emailed set-password link: only the SHA-256 of its token is stored; single use, expiring. */
@Entity
@Table(name = "hc_password_tokens")
class PasswordToken {
    @Id
    private String tokenHash;
    private Long userId;
    private Instant expiresAt;
    private Instant usedAt;
    private Instant createdAt;

    protected PasswordToken() {
    }

    PasswordToken(String tokenHash, long userId, Instant expiresAt, Instant now) {
        this.tokenHash = tokenHash;
        this.userId = userId;
        this.expiresAt = expiresAt;
        this.createdAt = now;
    }

    Long getUserId() {
        return userId;
    }

    boolean usableAt(Instant now) {
        return usedAt == null && now.isBefore(expiresAt);
    }
}
