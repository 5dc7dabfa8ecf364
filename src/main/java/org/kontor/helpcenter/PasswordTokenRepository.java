package org.kontor.helpcenter;

import java.time.Instant;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface PasswordTokenRepository extends JpaRepository<PasswordToken, String> {
    /** Uses a token up; 1 only for the one request that got it while it was still valid (single use under races). */
    @Modifying
    @Query("update PasswordToken t set t.usedAt = :now where t.tokenHash = :hash and t.usedAt is null and t.expiresAt > :now")
    int useUp(@Param("hash") String hash, @Param("now") Instant now);

    /** A newer link, or a password set, makes every other link of the user void. */
    @Modifying
    @Query("delete from PasswordToken t where t.userId = :userId and t.tokenHash <> :keep")
    int deleteOthers(@Param("userId") long userId, @Param("keep") String keep);
}
