package org.kontor.macro.api;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kontor.api.Envelope;
import org.kontor.api.Json;
import org.kontor.group.api.AudienceJson;
import org.kontor.macro.Macro;
import org.kontor.macro.MacroActions;
import org.kontor.macro.MacroDraft;
import org.kontor.macro.MacroService;
import org.kontor.macro.Proposal;
import org.kontor.security.KontorUser;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Zendesk's Macros API ({@code /api/v2/macros}) for agents; apply answers the proposal and saves nothing. */
@RestController
class MacrosController {
    private final MacroService macros;

    MacrosController(MacroService macros) {
        this.macros = macros;
    }

    @GetMapping("/api/v2/macros")
    Map<String, Object> list(@AuthenticationPrincipal KontorUser me, @RequestParam(required = false) Boolean active) {
        return listJson(macros.available(active, me.actor()));
    }

    @GetMapping("/api/v2/macros/active")
    Map<String, Object> active(@AuthenticationPrincipal KontorUser me) {
        return listJson(macros.available(true, me.actor()));
    }

    @GetMapping("/api/v2/macros/{id:[0-9]+}")
    Map<String, Object> show(@AuthenticationPrincipal KontorUser me, @PathVariable long id) {
        return Envelope.of("macro", json(macros.get(id, me.actor())));
    }

    @PostMapping("/api/v2/macros")
    ResponseEntity<Map<String, Object>> create(@AuthenticationPrincipal KontorUser me, @RequestBody JsonNode body) {
        Macro m = macros.create(draft(Json.root(body, "macro")), me.actor());
        return ResponseEntity.created(URI.create(Envelope.url("macros/" + m.getId() + ".json"))).body(Envelope.of("macro", json(m)));
    }

    @PutMapping("/api/v2/macros/{id:[0-9]+}")
    Map<String, Object> update(@AuthenticationPrincipal KontorUser me, @PathVariable long id, @RequestBody JsonNode body) {
        return Envelope.of("macro", json(macros.update(id, draft(Json.root(body, "macro")), me.actor())));
    }

    @DeleteMapping("/api/v2/macros/{id:[0-9]+}")
    ResponseEntity<Void> delete(@AuthenticationPrincipal KontorUser me, @PathVariable long id) {
        macros.delete(id, me.actor());
        return ResponseEntity.noContent().build();
    }

    /** Zendesk's "show changes to ticket": what the macro would do to this ticket, with its placeholders filled in. */
    @GetMapping("/api/v2/tickets/{ticketId:[0-9]+}/macros/{id:[0-9]+}/apply")
    Map<String, Object> applyToTicket(@AuthenticationPrincipal KontorUser me, @PathVariable long ticketId, @PathVariable long id) {
        Proposal p = macros.apply(ticketId, id, me.actor());
        Map<String, Object> ticket = new LinkedHashMap<>();
        ticket.put("id", p.ticketId());
        if (p.changes("subject")) {
            ticket.put("subject", p.subject());
        }
        if (p.changes("status")) {
            ticket.put("status", p.status().wire());
        }
        if (p.changes("priority")) {
            ticket.put("priority", p.priority() == null ? null : p.priority().wire());
        }
        if (p.changes("type")) {
            ticket.put("type", p.type() == null ? null : p.type().wire());
        }
        if (p.changes("assignee_id")) {
            ticket.put("assignee_id", p.assigneeId());
        }
        if (p.changes("group_id")) {
            ticket.put("group_id", p.groupId());
        }
        if (p.changes("tags")) {
            ticket.put("tags", p.tags());
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("ticket", ticket);
        if (p.comment() != null) {
            Map<String, Object> comment = new LinkedHashMap<>();
            comment.put("body", p.comment());
            comment.put("html_body", p.commentHtml());
            comment.put("scoped_body", List.of(List.of("channel:all", p.comment())));
            comment.put("public", p.commentPublic());
            result.put("comment", comment);
        }
        return Map.of("result", result);
    }

    private static Map<String, Object> listJson(List<Macro> list) {
        return Envelope.onePage("macros", list.stream().map(MacrosController::json).toList());
    }

    private static MacroDraft draft(JsonNode m) {
        MacroActions actions = m.has("actions") ? MacroActions.parse(m.get("actions")) : null;
        return new MacroDraft(Json.string(m, "title"), Json.string(m, "description"), Json.bool(m, "active"), actions,
                AudienceJson.parse(m));
    }

    static Map<String, Object> json(Macro m) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", m.getId());
        json.put("url", Envelope.url("macros/" + m.getId() + ".json"));
        json.put("title", m.getTitle());
        json.put("raw_title", m.getTitle());
        json.put("description", m.getDescription());
        json.put("active", m.isActive());
        json.put("actions", m.actions().toJson());
        json.put("restriction", AudienceJson.json(m.getRestriction(), m.getRestrictionId()));
        json.put("created_at", Envelope.time(m.getCreatedAt()));
        json.put("updated_at", Envelope.time(m.getUpdatedAt()));
        return json;
    }
}
