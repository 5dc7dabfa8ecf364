package org.kontor.organization.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kontor.api.Envelope;
import org.kontor.organization.Organization;

/** An organization in Zendesk's JSON shape (organizations API and search results). */
public final class OrganizationJson {
    private OrganizationJson() {
    }

    public static Map<String, Object> of(Organization o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", o.getId());
        m.put("url", Envelope.url("organizations/" + o.getId() + ".json"));
        m.put("name", o.getName());
        m.put("details", o.getDetails());
        m.put("notes", o.getNotes());
        m.put("domain_names", o.getDomainNames().stream().sorted().toList());
        m.put("group_id", null);
        m.put("shared_tickets", o.isSharedTickets());
        m.put("shared_comments", o.isSharedComments());
        m.put("external_id", o.getExternalId());
        m.put("tags", List.of());
        m.put("organization_fields", Map.of());
        m.put("created_at", Envelope.time(o.getCreatedAt()));
        m.put("updated_at", Envelope.time(o.getUpdatedAt()));
        return m;
    }
}
