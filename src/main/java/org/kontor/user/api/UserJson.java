package org.kontor.user.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kontor.api.Envelope;
import org.kontor.user.User;

/** A user in Zendesk's JSON shape; notes and details are for agents only. */
public final class UserJson {
    private UserJson() {
    }

    public static Map<String, Object> of(User u, boolean forAgent) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", u.getId());
        m.put("url", Envelope.url("users/" + u.getId() + ".json"));
        m.put("name", u.getName());
        m.put("email", u.getEmail());
        m.put("phone", u.getPhone());
        m.put("shared_phone_number", null);
        m.put("role", u.getRole().wire());
        m.put("role_type", null);
        m.put("custom_role_id", null);
        m.put("organization_id", u.getOrganizationId());
        m.put("default_group_id", null);
        m.put("locale", u.getLocale());
        m.put("locale_id", null);
        m.put("time_zone", u.getTimeZone());
        m.put("iana_time_zone", u.getTimeZone());
        m.put("external_id", u.getExternalId());
        m.put("alias", null);
        m.put("details", forAgent ? u.getDetails() : null);
        m.put("notes", forAgent ? u.getNotes() : null);
        m.put("tags", List.of());
        m.put("user_fields", Map.of());
        m.put("verified", u.isVerified());
        m.put("active", u.isActive());
        m.put("suspended", u.isSuspended());
        m.put("shared", false);
        m.put("shared_agent", false);
        m.put("moderator", false);
        m.put("only_private_comments", false);
        m.put("restricted_agent", false);
        m.put("ticket_restriction", u.isAgent() ? null : "requested");
        m.put("signature", null);
        m.put("photo", null);
        m.put("two_factor_auth_enabled", false);
        m.put("last_login_at", Envelope.time(u.getLastLoginAt()));
        m.put("created_at", Envelope.time(u.getCreatedAt()));
        m.put("updated_at", Envelope.time(u.getUpdatedAt()));
        return m;
    }

    /**
     * How the Requests API names the people on a request (its side-loaded {@code users}): everyone gets the end-user
     * view there, so a name and whether they are an agent, never contact details or notes.
     */
    public static Map<String, Object> named(User u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", u.getId());
        m.put("name", u.getName());
        m.put("photo", null);
        m.put("agent", u.isAgent());
        return m;
    }
}
