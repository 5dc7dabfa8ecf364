package org.kontor.security.api;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.kontor.api.Envelope;
import org.kontor.api.Json;
import org.kontor.security.ApiToken;
import org.kontor.security.ApiTokenService;
import org.kontor.security.KontorUser;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Kontor's API token management (admins). The token value is shown once, in the create response. */
@RestController
@RequestMapping("/api/v2/api_tokens")
class ApiTokensController {
    private final ApiTokenService tokens;

    ApiTokensController(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    static Map<String, Object> json(ApiToken t, String value) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.getId());
        m.put("url", Envelope.url("api_tokens/" + t.getId() + ".json"));
        m.put("description", t.getDescription());
        m.put("active", t.isActive());
        m.put("created_by_id", t.getCreatedBy());
        m.put("created_at", Envelope.time(t.getCreatedAt()));
        m.put("last_used_at", Envelope.time(t.getLastUsedAt()));
        if (value != null) {
            m.put("token", value);
        }
        return m;
    }

    @GetMapping
    Map<String, Object> list(@AuthenticationPrincipal KontorUser me) {
        return Envelope.list("api_tokens", tokens.list(me.actor()).stream().map(t -> json(t, null)).toList());
    }

    @GetMapping("/{id}")
    Map<String, Object> show(@AuthenticationPrincipal KontorUser me, @PathVariable long id) {
        return Envelope.of("api_token", json(tokens.get(id, me.actor()), null));
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> create(@AuthenticationPrincipal KontorUser me,
                                               @RequestBody(required = false) JsonNode body) {
        String description = body != null && body.has("api_token") ? Json.string(Json.root(body, "api_token"), "description") : null;
        ApiTokenService.IssuedToken issued = tokens.create(description, me.actor());
        return ResponseEntity.created(URI.create(Envelope.url("api_tokens/" + issued.token().getId() + ".json")))
                .body(Envelope.of("api_token", json(issued.token(), issued.value())));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> revoke(@AuthenticationPrincipal KontorUser me, @PathVariable long id) {
        tokens.revoke(id, me.actor());
        return ResponseEntity.noContent().build();
    }
}
