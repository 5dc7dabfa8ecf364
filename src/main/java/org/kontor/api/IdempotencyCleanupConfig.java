package org.kontor.api;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import java.time.Instant;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Idempotency keys past their lifetime are deleted (lookups ignore them already; this keeps the table small). */
@Configuration
class IdempotencyCleanupConfig {
    @Bean
    RecurringTask<Void> expiredIdempotencyKeysTask(IdempotentRequests requests) {
        return Tasks.recurring("idempotency-key-cleanup", FixedDelay.of(Duration.ofMinutes(10)))
                .execute((instance, context) -> requests.purgeExpired(Instant.now()));
    }
}
