package org.kontor.email.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.kontor.api.Envelope;
import org.kontor.common.BadRequest;
import org.kontor.email.EmailImporter;
import org.kontor.email.InboundEmail;
import org.kontor.email.InboundEmails;
import org.kontor.security.KontorUser;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v2/channels/email/inbound}: an MTA or mail service pushes a raw RFC 822 message (admin API
 * token). {@code /api/v2/kontor/inbound_emails}: what was received, skipped or quarantined, with retry.
 */
@RestController
class InboundEmailController {
    private final InboundEmails inbound;

    InboundEmailController(InboundEmails inbound) {
        this.inbound = inbound;
    }

    @PostMapping(path = "/api/v2/channels/email/inbound", consumes = {"message/rfc822", MediaType.APPLICATION_OCTET_STREAM_VALUE,
            MediaType.TEXT_PLAIN_VALUE})
    ResponseEntity<Map<String, Object>> receive(@AuthenticationPrincipal KontorUser me, @RequestBody(required = false) byte[] raw) {
        EmailImporter.Result result = inbound.receive(raw, me.actor());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", result.recordId());
        json.put("status", result.status().name().toLowerCase(Locale.ROOT));
        json.put("duplicate", result.duplicate());
        json.put("ticket_id", result.ticketId());
        json.put("comment_id", result.commentId());
        json.put("reason", result.reason());
        boolean created = !result.duplicate() && result.status() == InboundEmail.Status.IMPORTED;
        return ResponseEntity.status(created ? 201 : 200).body(Envelope.of("inbound_email", json));
    }

    @GetMapping("/api/v2/kontor/inbound_emails")
    Map<String, Object> list(@AuthenticationPrincipal KontorUser me, @RequestParam(required = false) String status,
                             @RequestParam(name = "per_page", defaultValue = "100") int limit) {
        List<InboundEmail.Status> statuses = new ArrayList<>();
        if (status != null && !status.isBlank()) {
            for (String s : status.split(",")) {
                try {
                    statuses.add(InboundEmail.Status.valueOf(s.trim().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new BadRequest("status must be imported, skipped, quarantined or deleted");
                }
            }
        }
        return Envelope.list("inbound_emails", inbound.list(statuses, limit, me.actor()).stream().map(InboundEmailController::json).toList());
    }

    @GetMapping("/api/v2/kontor/inbound_emails/{id}")
    Map<String, Object> show(@AuthenticationPrincipal KontorUser me, @PathVariable long id) {
        return Envelope.of("inbound_email", json(inbound.get(id, me.actor())));
    }

    @PostMapping("/api/v2/kontor/inbound_emails/{id}/retry")
    Map<String, Object> retry(@AuthenticationPrincipal KontorUser me, @PathVariable long id) {
        inbound.retry(id, me.actor());
        return Envelope.of("inbound_email", json(inbound.get(id, me.actor())));
    }

    /** A skipped or quarantined message's content goes for good (422 for imported mail); deleting it again is a no-op. */
    @DeleteMapping("/api/v2/kontor/inbound_emails/{id}")
    ResponseEntity<Void> delete(@AuthenticationPrincipal KontorUser me, @PathVariable long id) {
        inbound.delete(id, me.actor());
        return ResponseEntity.noContent().build();
    }

    static Map<String, Object> json(InboundEmail e) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", e.getId());
        json.put("source", e.getSource());
        json.put("mailbox_id", e.getMailboxId());
        json.put("message_id", e.getMessageId());
        json.put("status", e.getStatus().name().toLowerCase(Locale.ROOT));
        json.put("reason", e.getReason());
        json.put("from", e.getFromAddress());
        json.put("subject", e.getSubject());
        json.put("ticket_id", e.getTicketId());
        json.put("comment_id", e.getCommentId());
        json.put("size", e.getSizeBytes());
        json.put("raw_stored", e.hasRaw());
        json.put("attempts", e.getAttempts());
        json.put("received_at", Envelope.time(e.getReceivedAt()));
        json.put("updated_at", Envelope.time(e.getUpdatedAt()));
        return json;
    }
}
