package org.kontor.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.kontor.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** Deleted users are permanently deleted once the retention period (30 days by default) has passed, not before. */
class DeletedUserRetentionTest extends IntegrationTest {
    @Autowired
    UserService users;

    @Test
    void aDeletedUserIsPurgedAfterTheRetentionPeriodAndNotBefore() {
        User gone = fixtures.endUser("Retention Candidate");
        User kept = fixtures.endUser("Still Active");
        users.delete(gone.getId(), fixtures.adminActor());
        Duration thirtyDays = Duration.ofDays(30);

        DeletedUserRetention.purgeDue(users, thirtyDays, Instant.now().plus(Duration.ofDays(29)));
        assertThat(users.get(gone.getId()).isPurged()).as("29 days after").isFalse();
        assertThat(DeletedUserRetention.purgeDue(users, Duration.ZERO, Instant.now().plus(Duration.ofDays(365))))
                .as("0 keeps deleted users").isZero();
        assertThat(users.get(gone.getId()).isPurged()).isFalse();

        assertThat(DeletedUserRetention.purgeDue(users, thirtyDays, Instant.now().plus(Duration.ofDays(31)))).isPositive();
        User after = users.get(gone.getId());
        assertThat(after.isPurged()).isTrue();
        assertThat(after.getName()).isEqualTo(User.PURGED_NAME);
        assertThat(users.get(kept.getId()).isPurged()).isFalse();
        assertThat(users.get(kept.getId()).getName()).isEqualTo("Still Active");
    }
}
