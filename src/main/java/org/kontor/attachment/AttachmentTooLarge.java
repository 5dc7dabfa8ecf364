package org.kontor.attachment;

/** A file larger than {@code kontor.attachments.max-size}; the API answers 413, the web forms say so. */
public class AttachmentTooLarge extends RuntimeException {
    private final long maxBytes;

    public AttachmentTooLarge(long maxBytes) {
        super("The file is larger than " + maxBytes + " bytes (kontor.attachments.max-size)");
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }
}
