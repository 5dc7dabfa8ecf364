package org.kontor.attachment.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kontor.api.Envelope;
import org.kontor.attachment.Attachment;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Zendesk's attachment object. {@code content_url} is the download address, answered through the access policy. */
public final class AttachmentJson {
    private AttachmentJson() {
    }

    public static Map<String, Object> of(Attachment a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.getId());
        m.put("url", Envelope.url("attachments/" + a.getId() + ".json"));
        m.put("file_name", a.getFileName());
        String content = contentUrl(a);
        m.put("content_url", content);
        m.put("mapped_content_url", content);
        m.put("content_type", a.getContentType());
        m.put("size", a.getSizeBytes());
        m.put("width", null);
        m.put("height", null);
        m.put("inline", a.isInline());
        m.put("deleted", false);
        m.put("malware_access_override", false);
        m.put("malware_scan_result", "not_scanned");
        m.put("thumbnails", List.of());
        return m;
    }

    public static List<Map<String, Object>> list(List<Attachment> attachments) {
        return attachments == null ? List.of() : attachments.stream().map(AttachmentJson::of).toList();
    }

    /** Absolute, from the host the client used (as Zendesk's content_url). */
    public static String contentUrl(Attachment a) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString() + path(a);
    }

    /** {@code /attachments/{id}?name=…}, the address comment HTML and web pages use. */
    public static String path(Attachment a) {
        return org.kontor.attachment.AttachmentLinks.path(a.getId(), a.getFileName());
    }
}
