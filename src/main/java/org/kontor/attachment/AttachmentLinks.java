package org.kontor.attachment;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The download address of a file: relative, so comment HTML that refers to it survives a change of host. */
public final class AttachmentLinks {
    private AttachmentLinks() {
    }

    public static String path(long id, String fileName) {
        return "/attachments/" + id + "?name=" + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
