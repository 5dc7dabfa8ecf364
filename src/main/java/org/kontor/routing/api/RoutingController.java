package org.kontor.routing.api;

import java.util.LinkedHashMap;
import java.util.Map;
import org.kontor.api.Envelope;
import org.kontor.api.Json;
import org.kontor.common.NotFound;
import org.kontor.routing.AgentStatus;
import org.kontor.routing.Availability;
import org.kontor.routing.AvailabilityService;
import org.kontor.routing.Router;
import org.kontor.security.KontorUser;
import org.kontor.ticket.api.TicketJson;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Kontor's routing API (R13): {@code GET|PUT /api/v2/kontor/agents/{id|me}/availability} and
 * {@code POST /api/v2/kontor/routing/next} ("Get next ticket").
 */
@RestController
class RoutingController {
    private final AvailabilityService availability;
    private final Router router;

    RoutingController(AvailabilityService availability, Router router) {
        this.availability = availability;
        this.router = router;
    }

    @GetMapping("/api/v2/kontor/agents/{id}/availability")
    Map<String, Object> show(@AuthenticationPrincipal KontorUser me, @PathVariable String id) {
        return json(availability.get(agentId(me, id), me.actor()));
    }

    @PutMapping("/api/v2/kontor/agents/{id}/availability")
    Map<String, Object> update(@AuthenticationPrincipal KontorUser me, @PathVariable String id, @RequestBody JsonNode body) {
        JsonNode a = Json.root(body, "availability");
        AgentStatus status = Json.oneOf(a, "status", AgentStatus::parse, "online, away, offline");
        Long capacity = Json.id(a, "capacity");
        return json(availability.set(agentId(me, id), status, capacity == null ? null : (int) Math.max(-1, Math.min(Integer.MAX_VALUE, capacity)),
                me.actor()));
    }

    @PostMapping("/api/v2/kontor/routing/next")
    Map<String, Object> next(@AuthenticationPrincipal KontorUser me) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ticket", router.next(me.actor()).map(TicketJson::ticket).orElse(null));
        return body;
    }

    private static long agentId(KontorUser me, String id) {
        if (id.equals("me")) {
            return me.actor().id();
        }
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new NotFound();
        }
    }

    private static Map<String, Object> json(Availability a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("agent_id", a.agentId());
        m.put("status", a.status().wire());
        m.put("capacity", a.capacity());
        m.put("open_tickets", a.openTickets());
        m.put("last_assigned_at", a.lastAssignedAt().getEpochSecond() == 0 ? null : Envelope.time(a.lastAssignedAt()));
        return Envelope.of("availability", m);
    }
}
