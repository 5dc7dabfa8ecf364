package org.kontor.attachment.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import org.kontor.attachment.Attachment;
import org.kontor.attachment.Attachments;
import org.kontor.common.NotFound;
import org.kontor.security.KontorUser;
import org.kontor.visibility.AccessPolicy;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The {@code content_url} of a file: signed-in web users (session) and API clients (HTTP Basic) alike, each
 * answered by the access policy (404 for a file the caller may not see). Only raster images are shown inline;
 * everything else, HTML and SVG above all, is a download that the browser must not sniff or run.
 */
@Controller
class AttachmentDownload {
    /** Images a browser shows without running anything; SVG is left out on purpose (it can carry script). */
    private static final Set<String> INLINE_TYPES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp", "image/bmp",
            "image/avif");

    private final Attachments attachments;
    private final AccessPolicy policy;

    AttachmentDownload(Attachments attachments, AccessPolicy policy) {
        this.attachments = attachments;
        this.policy = policy;
    }

    @GetMapping("/attachments/{id}")
    void download(@AuthenticationPrincipal KontorUser me, @PathVariable long id, HttpServletResponse response) {
        attachments.download(policy.viewerFor(me.actor()), id, a -> {
            headers(a, response);
            try {
                return response.getOutputStream();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    static void headers(Attachment a, HttpServletResponse response) {
        String type = a.getContentType() == null ? "application/octet-stream" : a.getContentType().toLowerCase(Locale.ROOT);
        boolean inline = INLINE_TYPES.contains(type);
        // Active types never reach the browser as themselves: labelled as bytes, they can only be saved.
        response.setContentType(inline || !active(type) ? type : "application/octet-stream");
        response.setContentLengthLong(a.getSizeBytes());
        ContentDisposition disposition = (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(a.getFileName(), StandardCharsets.UTF_8).build();
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, disposition.toString());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", "default-src 'none'; sandbox");
        // A file may become invisible to end users later (R17): no shared cache may keep it.
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
    }

    private static boolean active(String type) {
        return type.equals("text/html") || type.contains("xml") || type.contains("javascript") || type.contains("ecmascript");
    }

    @ExceptionHandler(NotFound.class)
    void notFound(HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }
}
