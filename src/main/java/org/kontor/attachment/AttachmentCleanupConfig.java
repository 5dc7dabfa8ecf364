package org.kontor.attachment;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Uploads no comment took within their time are deleted (Zendesk deletes them when the token expires). */
@Configuration
class AttachmentCleanupConfig {
    private static final Logger log = LoggerFactory.getLogger(AttachmentCleanupConfig.class);

    @Bean
    RecurringTask<Void> expiredUploadsTask(Attachments attachments) {
        return Tasks.recurring("attachment-upload-cleanup", FixedDelay.of(Duration.ofMinutes(10))).execute((instance, context) -> {
            int deleted = attachments.deleteExpiredUploads(Instant.now());
            if (deleted > 0) {
                log.info("Deleted {} expired uploads", deleted);
            }
        });
    }
}
