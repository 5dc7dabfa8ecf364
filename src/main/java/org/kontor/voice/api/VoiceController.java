package org.kontor.voice.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.kontor.api.Envelope;
import org.kontor.api.Json;
import org.kontor.security.KontorUser;
import org.kontor.ticket.Comment;
import org.kontor.ticket.Priority;
import org.kontor.ticket.TicketInput.PersonInput;
import org.kontor.ticket.TicketService;
import org.kontor.ticket.api.TicketJson;
import org.kontor.visibility.AccessPolicy;
import org.kontor.visibility.VisibleTickets;
import org.kontor.voice.CallInput;
import org.kontor.voice.VoiceService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Zendesk Talk Partner Edition: {@code POST /api/v2/channels/voice/tickets} with {@code ticket.via_id} and
 * {@code ticket.voice_comment}. Kontor's extension: {@code ticket_id} (top level or in {@code ticket}) adds the
 * call to that ticket as a follow-up voice comment instead of creating one.
 */
@RestController
class VoiceController {
    private final VoiceService voice;
    private final VisibleTickets visible;
    private final AccessPolicy policy;

    VoiceController(VoiceService voice, VisibleTickets visible, AccessPolicy policy) {
        this.voice = voice;
        this.visible = visible;
        this.policy = policy;
    }

    @PostMapping("/api/v2/channels/voice/tickets")
    ResponseEntity<Map<String, Object>> create(@AuthenticationPrincipal KontorUser me, @RequestBody JsonNode body) {
        JsonNode t = Json.root(body, "ticket");
        Long ticketId = Json.id(t, "ticket_id") != null ? Json.id(t, "ticket_id") : Json.id(body, "ticket_id");
        CallInput in = call(body, t, ticketId);
        TicketService.Change change = voice.record(in, me.actor());
        Map<String, Object> answer = new LinkedHashMap<>(Envelope.of("ticket", TicketJson.ticket(change.ticket())));
        Map<Long, Comment> written = visible.writtenCommentsForAgent(policy.viewerFor(me.actor()), change.comments()).stream()
                .collect(Collectors.toMap(Comment::getId, Function.identity()));
        answer.put("audit", change.audit() == null ? null : TicketJson.audit(change.audit(), written));
        return ResponseEntity.status(ticketId == null ? HttpStatus.CREATED : HttpStatus.OK).body(answer);
    }

    /** A Talk Partner Edition body ({@code ticket} with {@code voice_comment}) as the voice use case's input. */
    static CallInput call(JsonNode body, JsonNode t, Long ticketId) {
        JsonNode vc = Json.object(t, "voice_comment");
        JsonNode r = Json.object(t, "requester");
        Long viaId = Json.id(t, "via_id");
        Long duration = Json.id(vc, "call_duration");
        return new CallInput(viaId == null ? null : (int) Math.min(Integer.MAX_VALUE, viaId), ticketId,
                Json.string(t, "subject"), Json.id(t, "requester_id"),
                r == null ? null : new PersonInput(Json.string(r, "name"), Json.string(r, "email"), Json.string(r, "phone"),
                        Json.string(r, "locale")),
                Json.id(t, "assignee_id"), Json.id(t, "group_id"),
                Json.oneOf(t, "priority", Priority::parse, "low, normal, high, urgent"), Json.strings(t, "tags"),
                body == null ? null : Json.id(body, "display_to_agent"),
                Json.string(vc, "from"), Json.string(vc, "to"), Json.string(vc, "recording_url"), Json.instant(vc, "started_at"),
                duration == null ? null : (int) Math.min(Integer.MAX_VALUE, duration), Json.id(vc, "answered_by_id"),
                Json.string(vc, "transcription_text"), Json.string(vc, "location"));
    }
}
