package org.kontor.attachment;

/** A file larger than {@code kontor.attachments.max-size}; the API answers 413, the web forms say so. */
public class AttachmentTooLarge extends RuntimeException {
    private final long maxBytes;
    private final String fileName;

    public AttachmentTooLarge(long maxBytes) {
        this(maxBytes, null);
    }

    /** {@code fileName}: the file a web form chose, named in the form's field error; null when unknown. */
    public AttachmentTooLarge(long maxBytes, String fileName) {
        super("The file is larger than " + maxBytes + " bytes (kontor.attachments.max-size)");
        this.maxBytes = maxBytes;
        this.fileName = fileName;
    }

    public long maxBytes() {
        return maxBytes;
    }

    public String fileName() {
        return fileName;
    }
}
