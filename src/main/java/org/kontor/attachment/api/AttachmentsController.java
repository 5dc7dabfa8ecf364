package org.kontor.attachment.api;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.kontor.api.BodySizeLimitFilter;
import org.kontor.api.Envelope;
import org.kontor.attachment.AttachmentTooLarge;
import org.kontor.attachment.Attachments;
import org.kontor.common.BadRequest;
import org.kontor.security.KontorUser;
import org.kontor.ticket.Channel;
import org.kontor.ticket.TicketService;
import org.kontor.visibility.AccessPolicy;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * Zendesk's upload flow: {@code POST /api/v2/uploads?filename=…} with the raw file as body answers a token, which
 * {@code comment.uploads} of a ticket or request change then attaches. {@code GET /api/v2/attachments/{id}} shows
 * a file the access policy lets the caller see (404 otherwise).
 */
@RestController
class AttachmentsController {
    private final Attachments attachments;
    private final AccessPolicy policy;
    private final TicketService tickets;

    AttachmentsController(Attachments attachments, AccessPolicy policy, TicketService tickets) {
        this.attachments = attachments;
        this.policy = policy;
        this.tickets = tickets;
    }

    @PostMapping("/api/v2/uploads")
    ResponseEntity<Map<String, Object>> upload(@AuthenticationPrincipal KontorUser me, HttpServletRequest request) throws IOException {
        // Parameters come from the query string only: reading them with getParameter would consume a body that
        // curl labels application/x-www-form-urlencoded by default.
        MultiValueMap<String, String> query = UriComponentsBuilder.newInstance().query(request.getQueryString() == null ? "" : request.getQueryString()).build().getQueryParams();
        String filename = decoded(query.getFirst("filename"));
        if (filename == null || filename.isBlank()) {
            throw new BadRequest("Parameter filename is required");
        }
        Attachments.Upload upload;
        try {
            upload = attachments.upload(filename, request.getContentType(), request.getInputStream(), decoded(query.getFirst("token")),
                    me.actor());
        } catch (BodySizeLimitFilter.TooLarge e) {
            throw new AttachmentTooLarge(attachments.settings().maxBytes());
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("token", upload.token());
        json.put("expires_at", Envelope.time(upload.expiresAt()));
        json.put("attachment", AttachmentJson.of(upload.attachments().get(upload.attachments().size() - 1)));
        json.put("attachments", AttachmentJson.list(upload.attachments()));
        return ResponseEntity.created(URI.create(Envelope.url("attachments/"
                + upload.attachments().get(upload.attachments().size() - 1).getId() + ".json"))).body(Envelope.of("upload", json));
    }

    @DeleteMapping("/api/v2/uploads/{token}")
    ResponseEntity<Void> deleteUpload(@AuthenticationPrincipal KontorUser me, @PathVariable String token) {
        attachments.deleteUpload(token, me.actor());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v2/attachments/{id}")
    Map<String, Object> show(@AuthenticationPrincipal KontorUser me, @PathVariable long id) {
        return Envelope.of("attachment", AttachmentJson.of(attachments.get(policy.viewerFor(me.actor()), id)));
    }

    /** Zendesk's attachment redaction: the file becomes an empty {@code redacted.txt} for good; answers the attachment. */
    @PutMapping("/api/v2/tickets/{ticketId}/comments/{commentId}/attachments/{attachmentId}/redact")
    Map<String, Object> redact(@AuthenticationPrincipal KontorUser me, @PathVariable long ticketId, @PathVariable long commentId,
                               @PathVariable long attachmentId) {
        tickets.redactAttachment(ticketId, commentId, attachmentId, Channel.API, me.actor());
        return Envelope.of("attachment", AttachmentJson.of(attachments.get(policy.viewerFor(me.actor()), attachmentId)));
    }

    @ExceptionHandler(AttachmentTooLarge.class)
    ResponseEntity<Map<String, Object>> tooLarge(AttachmentTooLarge e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "RequestTooLarge");
        body.put("description", e.getMessage());
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(body);
    }

    private static String decoded(String value) {
        return value == null ? null : UriUtils.decode(value.replace("+", " "), java.nio.charset.StandardCharsets.UTF_8);
    }
}
