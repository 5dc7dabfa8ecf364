package org.kontor.group.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kontor.api.Json;
import org.kontor.common.InvalidInput;
import org.kontor.group.Audience;
import tools.jackson.databind.JsonNode;

/** Zendesk's {@code restriction} of macros and views: null, {@code {"type": "Group"|"User", "id": 1, "ids": [1]}}. */
public final class AudienceJson {
    private AudienceJson() {
    }

    /** The {@code restriction} of a macro or view object; not sent: {@link Audience.Choice#NOT_GIVEN}. */
    public static Audience.Choice parse(JsonNode owner) {
        if (!owner.has("restriction")) {
            return Audience.Choice.NOT_GIVEN;
        }
        JsonNode r = owner.get("restriction");
        if (r == null || r.isNull()) {
            return new Audience.Choice(true, null, null);
        }
        String type = Json.string(r, "type");
        Audience.Kind kind = "Group".equals(type) ? Audience.Kind.GROUP : "User".equals(type) ? Audience.Kind.USER : null;
        if (kind == null) {
            throw InvalidInput.of("restriction", "err.macro.restrictionType", "Restriction: type must be \"Group\" or \"User\"");
        }
        Long id = Json.id(r, "id");
        List<Long> ids = r.has("ids") ? Json.ids(r, "ids") : List.of();
        if (id == null && ids.size() == 1) {
            id = ids.get(0);
        } else if (ids.size() > 1 || (id != null && !ids.isEmpty() && !ids.equals(List.of(id)))) {
            throw InvalidInput.of("restriction", "err.macro.restrictionOne", "Restriction: one group or user per macro or view");
        }
        return new Audience.Choice(true, kind, id);
    }

    public static Map<String, Object> json(Audience.Kind kind, Long id) {
        if (kind == null) {
            return null;
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("type", kind == Audience.Kind.GROUP ? "Group" : "User");
        r.put("id", id);
        r.put("ids", List.of(id));
        return r;
    }
}
