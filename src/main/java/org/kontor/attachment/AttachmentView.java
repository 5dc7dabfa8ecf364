package org.kontor.attachment;

import java.util.Locale;

/** A file as web pages show it under its comment: name, size and download address. */
public record AttachmentView(long id, String fileName, int size, String path, boolean inline) {
    static AttachmentView of(Attachment a) {
        return new AttachmentView(a.getId(), a.getFileName(), a.getSizeBytes(), AttachmentLinks.path(a.getId(), a.getFileName()),
                a.isInline());
    }

    public String sizeLabel() {
        return sizeLabel(size);
    }

    public static String sizeLabel(long size) {
        if (size < 1024) {
            return size + " B";
        }
        if (size < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.0f KB", size / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", size / (1024.0 * 1024.0));
    }
}
