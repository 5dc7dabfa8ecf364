package org.kontor.group.api;

import java.util.LinkedHashMap;
import java.util.Map;
import org.kontor.api.Envelope;
import org.kontor.group.Group;

/** A group in Zendesk's JSON shape. */
public final class GroupJson {
    private GroupJson() {
    }

    public static Map<String, Object> of(Group g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", g.getId());
        m.put("url", Envelope.url("groups/" + g.getId() + ".json"));
        m.put("name", g.getName());
        m.put("description", g.getDescription());
        m.put("default", g.isDefaultGroup());
        m.put("deleted", g.isDeleted());
        m.put("is_public", true);
        m.put("created_at", Envelope.time(g.getCreatedAt()));
        m.put("updated_at", Envelope.time(g.getUpdatedAt()));
        return m;
    }
}
