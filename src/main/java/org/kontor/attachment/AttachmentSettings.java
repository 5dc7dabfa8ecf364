package org.kontor.attachment;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/** README "Attachments": the largest file, and how long an upload waits for a comment to take it. */
@Component
public class AttachmentSettings {
    private final long maxBytes;
    private final Duration uploadTtl;

    AttachmentSettings(@Value("${kontor.attachments.max-size:20MB}") DataSize maxSize,
                       @Value("${kontor.attachments.upload-ttl:PT1H}") Duration uploadTtl) {
        // Sizes are stored as INTEGER; more than 2 GB in the database would be a mistake anyway.
        this.maxBytes = Math.min(maxSize.toBytes(), Integer.MAX_VALUE - 1);
        this.uploadTtl = uploadTtl;
    }

    public long maxBytes() {
        return maxBytes;
    }

    public Duration uploadTtl() {
        return uploadTtl;
    }
}
