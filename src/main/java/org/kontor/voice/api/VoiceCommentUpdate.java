package org.kontor.voice.api;

import org.kontor.ticket.TicketService;
import org.kontor.ticket.api.TicketUpdatePart;
import org.kontor.user.Actor;
import org.kontor.voice.VoiceService;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Zendesk's "adding voice comments to tickets": {@code PUT /api/v2/tickets/{id}} with {@code ticket.voice_comment}
 * records the call on that ticket as a follow-up voice comment; on a private ticket it is an internal note (R12).
 */
@Component
class VoiceCommentUpdate implements TicketUpdatePart {
    private final VoiceService voice;

    VoiceCommentUpdate(VoiceService voice) {
        this.voice = voice;
    }

    @Override
    public String field() {
        return "voice_comment";
    }

    @Override
    public java.util.Set<String> companions() {
        return java.util.Set.of("via_id");
    }

    @Override
    public TicketService.Change apply(long ticketId, JsonNode ticket, Actor actor) {
        return voice.record(VoiceController.call(null, ticket, ticketId), actor);
    }
}
