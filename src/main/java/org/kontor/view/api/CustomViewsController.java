package org.kontor.view.api;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kontor.api.Envelope;
import org.kontor.api.Json;
import org.kontor.api.PageParams;
import org.kontor.api.Paging;
import org.kontor.group.api.AudienceJson;
import org.kontor.security.KontorUser;
import org.kontor.ticket.api.TicketJson;
import org.kontor.view.CustomView;
import org.kontor.view.CustomViewDraft;
import org.kontor.view.CustomViews;
import org.kontor.view.ViewConditions;
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

/** Zendesk's Views API ({@code /api/v2/views}) for agents: the views, their tickets (paginated) and counts. */
@RestController
class CustomViewsController {
    private static final List<Paging.SortKey> SORTS = List.of(Paging.SortKey.ID, Paging.SortKey.CREATED_AT, Paging.SortKey.UPDATED_AT);
    private static final Paging.Ordering NEWEST_UPDATE_FIRST = new Paging.Ordering(Paging.SortKey.UPDATED_AT, false);

    private final CustomViews views;

    CustomViewsController(CustomViews views) {
        this.views = views;
    }

    @GetMapping("/api/v2/views")
    Map<String, Object> list(@AuthenticationPrincipal KontorUser me, @RequestParam(required = false) Boolean active) {
        return Envelope.onePage("views", views.available(active, me.actor()).stream().map(CustomViewsController::json).toList());
    }

    @GetMapping("/api/v2/views/active")
    Map<String, Object> active(@AuthenticationPrincipal KontorUser me) {
        return Envelope.onePage("views", views.available(true, me.actor()).stream().map(CustomViewsController::json).toList());
    }

    @GetMapping("/api/v2/views/{id:[0-9]+}")
    Map<String, Object> show(@AuthenticationPrincipal KontorUser me, @PathVariable long id) {
        return Envelope.of("view", json(views.get(id, me.actor())));
    }

    @PostMapping("/api/v2/views")
    ResponseEntity<Map<String, Object>> create(@AuthenticationPrincipal KontorUser me, @RequestBody JsonNode body) {
        CustomView v = views.create(draft(Json.root(body, "view")), me.actor());
        return ResponseEntity.created(URI.create(Envelope.url("views/" + v.getId() + ".json"))).body(Envelope.of("view", json(v)));
    }

    @PutMapping("/api/v2/views/{id:[0-9]+}")
    Map<String, Object> update(@AuthenticationPrincipal KontorUser me, @PathVariable long id, @RequestBody JsonNode body) {
        return Envelope.of("view", json(views.update(id, draft(Json.root(body, "view")), me.actor())));
    }

    @DeleteMapping("/api/v2/views/{id:[0-9]+}")
    ResponseEntity<Void> delete(@AuthenticationPrincipal KontorUser me, @PathVariable long id) {
        views.delete(id, me.actor());
        return ResponseEntity.noContent().build();
    }

    /** The view's tickets the caller may see, newest update first unless {@code sort_by}/{@code sort_order} say otherwise. */
    @GetMapping("/api/v2/views/{id:[0-9]+}/tickets")
    Map<String, Object> tickets(@AuthenticationPrincipal KontorUser me, @PathVariable long id, HttpServletRequest request) {
        Paging.Result<org.kontor.ticket.Ticket> page = views.tickets(id, PageParams.from(request),
                Paging.ordering(request.getParameterMap(), NEWEST_UPDATE_FIRST, SORTS), me.actor());
        return Envelope.page("tickets", page.map(TicketJson::ticket), request);
    }

    @GetMapping("/api/v2/views/{id:[0-9]+}/count")
    Map<String, Object> count(@AuthenticationPrincipal KontorUser me, @PathVariable long id) {
        long value = views.count(id, me.actor());
        Map<String, Object> count = new LinkedHashMap<>();
        count.put("view_id", id);
        count.put("url", Envelope.url("views/" + id + "/count.json"));
        count.put("value", value);
        count.put("pretty", String.valueOf(value));
        count.put("fresh", true);
        return Envelope.of("view_count", count);
    }

    private static CustomViewDraft draft(JsonNode v) {
        ViewConditions conditions = v.has("conditions") ? ViewConditions.parse(v.get("conditions"))
                : v.has("all") || v.has("any") ? ViewConditions.parse(legacy(v)) : null;
        return new CustomViewDraft(Json.string(v, "title"), Json.string(v, "description"), Json.bool(v, "active"), conditions,
                AudienceJson.parse(v));
    }

    /** Zendesk also takes {@code all} and {@code any} beside the view's other fields. */
    private static JsonNode legacy(JsonNode v) {
        tools.jackson.databind.node.ObjectNode node = tools.jackson.databind.json.JsonMapper.builder().build().createObjectNode();
        if (v.has("all")) {
            node.set("all", v.get("all"));
        }
        if (v.has("any")) {
            node.set("any", v.get("any"));
        }
        return node;
    }

    static Map<String, Object> json(CustomView v) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", v.getId());
        json.put("url", Envelope.url("views/" + v.getId() + ".json"));
        json.put("title", v.getTitle());
        json.put("raw_title", v.getTitle());
        json.put("description", v.getDescription());
        json.put("active", v.isActive());
        json.put("default", false);
        json.put("restriction", AudienceJson.json(v.getRestriction(), v.getRestrictionId()));
        json.put("conditions", v.conditions().toJson());
        Map<String, Object> execution = new LinkedHashMap<>();
        execution.put("group_by", null);
        execution.put("sort_by", "updated_at");
        execution.put("sort_order", "desc");
        execution.put("columns", List.of(Map.of("id", "subject", "title", "Subject"), Map.of("id", "requester", "title", "Requester"),
                Map.of("id", "updated", "title", "Updated"), Map.of("id", "status", "title", "Status")));
        json.put("execution", execution);
        json.put("created_at", Envelope.time(v.getCreatedAt()));
        json.put("updated_at", Envelope.time(v.getUpdatedAt()));
        return json;
    }
}
