package org.kontor.trigger.api;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kontor.api.Envelope;
import org.kontor.api.Json;
import org.kontor.common.InvalidInput;
import org.kontor.security.KontorUser;
import org.kontor.trigger.Trigger;
import org.kontor.trigger.TriggerService;
import org.kontor.trigger.TriggerService.TriggerDraft;
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

/** Zendesk's Triggers API ({@code /api/v2/triggers}), for admins. */
@RestController
class TriggersController {
    private final TriggerService triggers;

    TriggersController(TriggerService triggers) {
        this.triggers = triggers;
    }

    @GetMapping("/api/v2/triggers")
    Map<String, Object> list(@AuthenticationPrincipal KontorUser me, @RequestParam(required = false) Boolean active) {
        return listJson(triggers.list(active, me.actor()));
    }

    @GetMapping("/api/v2/triggers/active")
    Map<String, Object> active(@AuthenticationPrincipal KontorUser me) {
        return listJson(triggers.list(true, me.actor()));
    }

    private static Map<String, Object> listJson(List<Trigger> list) {
        return Envelope.onePage("triggers", list.stream().map(TriggersController::json).toList());
    }

    @GetMapping("/api/v2/triggers/{id:[0-9]+}")
    Map<String, Object> show(@AuthenticationPrincipal KontorUser me, @PathVariable long id) {
        return Envelope.of("trigger", json(triggers.get(id, me.actor())));
    }

    @PostMapping("/api/v2/triggers")
    ResponseEntity<Map<String, Object>> create(@AuthenticationPrincipal KontorUser me, @RequestBody JsonNode body) {
        Trigger t = triggers.create(draft(Json.root(body, "trigger")), me.actor());
        return ResponseEntity.created(URI.create(Envelope.url("triggers/" + t.getId() + ".json"))).body(Envelope.of("trigger", json(t)));
    }

    @PutMapping("/api/v2/triggers/{id:[0-9]+}")
    Map<String, Object> update(@AuthenticationPrincipal KontorUser me, @PathVariable long id, @RequestBody JsonNode body) {
        return Envelope.of("trigger", json(triggers.update(id, draft(Json.root(body, "trigger")), me.actor())));
    }

    @DeleteMapping("/api/v2/triggers/{id:[0-9]+}")
    ResponseEntity<Void> delete(@AuthenticationPrincipal KontorUser me, @PathVariable long id) {
        triggers.delete(id, me.actor());
        return ResponseEntity.noContent().build();
    }

    /** {@code {"triggers":[{"id":1,"position":3,"active":false}, …]}}: positions and active flags at once. */
    @PutMapping("/api/v2/triggers/update_many")
    Map<String, Object> updateMany(@AuthenticationPrincipal KontorUser me, @RequestBody JsonNode body) {
        JsonNode list = body == null ? null : body.get("triggers");
        if (list == null || !list.isArray()) {
            throw new InvalidInput("triggers", "Triggers: the body needs a \"triggers\" array");
        }
        Map<Long, TriggerDraft> changes = new LinkedHashMap<>();
        for (JsonNode t : list) {
            Long id = Json.id(t, "id");
            if (id == null) {
                throw new InvalidInput("triggers", "Triggers: every entry needs an id");
            }
            changes.put(id, TriggerDraft.of(null, null, bool(t, "active"), integer(t, "position")));
        }
        return listJson(triggers.updateMany(changes, me.actor()));
    }

    /** {@code {"trigger_ids":[3,1,2]}}: the new order. */
    @PutMapping("/api/v2/triggers/reorder")
    Map<String, Object> reorder(@AuthenticationPrincipal KontorUser me, @RequestBody JsonNode body) {
        JsonNode ids = body == null ? null : body.get("trigger_ids");
        if (ids == null || !ids.isArray()) {
            throw new InvalidInput("trigger_ids", "Trigger ids: the body needs a \"trigger_ids\" array");
        }
        List<Long> order = new ArrayList<>();
        for (JsonNode id : ids) {
            if (!id.canConvertToLong() && !id.asString().matches("[0-9]+")) {
                throw new InvalidInput("trigger_ids", "Trigger ids: " + id + " is not an id");
            }
            order.add(id.isString() ? Long.parseLong(id.stringValue()) : id.longValue());
        }
        return listJson(triggers.reorder(order, me.actor()));
    }

    private static TriggerDraft draft(JsonNode t) {
        return new TriggerDraft(Json.string(t, "title"), Json.string(t, "description"), bool(t, "active"), integer(t, "position"),
                present(t, "conditions"), present(t, "all"), present(t, "any"), present(t, "actions"));
    }

    private static JsonNode present(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v;
    }

    private static Boolean bool(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isString() && (v.stringValue().equals("true") || v.stringValue().equals("false"))) {
            return Boolean.parseBoolean(v.stringValue());
        }
        throw new InvalidInput(field, field + ": must be true or false");
    }

    private static Integer integer(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isIntegralNumber() && v.canConvertToInt()) {
            return v.intValue();
        }
        if (v.isString() && v.stringValue().matches("-?[0-9]{1,9}")) {
            return Integer.parseInt(v.stringValue());
        }
        throw new InvalidInput(field, field + ": must be a whole number");
    }

    static Map<String, Object> json(Trigger t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.getId());
        m.put("url", Envelope.url("triggers/" + t.getId() + ".json"));
        m.put("title", t.getTitle());
        m.put("raw_title", t.getTitle());
        m.put("description", t.getDescription());
        m.put("active", t.isActive());
        m.put("position", t.getPosition());
        m.put("default", t.isDefault());
        m.put("category_id", null);
        m.put("conditions", t.rules().conditionsJson());
        m.put("actions", t.rules().actionsJson());
        m.put("created_at", Envelope.time(t.getCreatedAt()));
        m.put("updated_at", Envelope.time(t.getUpdatedAt()));
        return m;
    }
}
