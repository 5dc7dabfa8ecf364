package org.kontor.user;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Deleted users are permanently deleted {@code kontor.users.purge-deleted-after} later (30 days, as Zendesk; 0 keeps
 * them), checked hourly by a db-scheduler task (once across nodes).
 */
@Configuration
class DeletedUserRetention {
    private static final Logger log = LoggerFactory.getLogger(DeletedUserRetention.class);
    private static final int BATCH = 200;

    @Bean
    RecurringTask<Void> deletedUserPurgeTask(UserService users,
                                             @Value("${kontor.users.purge-deleted-after:P30D}") Duration after) {
        return Tasks.recurring("deleted-user-purge", FixedDelay.of(Duration.ofHours(1)))
                .execute((instance, context) -> purgeDue(users, after, Instant.now()));
    }

    /** Purges every user deleted more than {@code after} before {@code now}; returns how many. */
    static int purgeDue(UserService users, Duration after, Instant now) {
        if (after.isZero() || after.isNegative()) {
            return 0;
        }
        int purged = 0;
        int batch;
        do {
            batch = users.purgeDeletedBefore(now.minus(after), BATCH);
            purged += batch;
        } while (batch == BATCH);
        if (purged > 0) {
            log.info("Permanently deleted {} users deleted more than {} ago", purged, after);
        }
        return purged;
    }
}
