package org.kontor.organization.api;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.kontor.api.Envelope;
import org.kontor.api.Json;
import org.kontor.api.PageParams;
import org.kontor.api.Paging;
import org.kontor.common.BadRequest;
import org.kontor.organization.Organization;
import org.kontor.organization.OrganizationDraft;
import org.kontor.organization.OrganizationService;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v2/organizations")
class OrganizationsController {
    private static final List<Paging.SortKey> SORTS = List.of(Paging.SortKey.ID, Paging.SortKey.CREATED_AT, Paging.SortKey.UPDATED_AT);
    private static final Paging.Ordering DEFAULT_ORDER = new Paging.Ordering(Paging.SortKey.ID, true);

    private final OrganizationService organizations;

    OrganizationsController(OrganizationService organizations) {
        this.organizations = organizations;
    }

    static Map<String, Object> json(Organization o) {
        return OrganizationJson.of(o);
    }

    @GetMapping
    Map<String, Object> list(HttpServletRequest request) {
        Paging.Result<Organization> page = organizations.page(PageParams.from(request),
                Paging.ordering(request.getParameterMap(), DEFAULT_ORDER, SORTS));
        return Envelope.page("organizations", page.map(OrganizationsController::json), request);
    }

    @GetMapping("/{id}")
    Map<String, Object> show(@PathVariable long id) {
        return Envelope.of("organization", json(organizations.get(id)));
    }

    @GetMapping("/autocomplete")
    Map<String, Object> autocomplete(@RequestParam(required = false) String name, HttpServletRequest request) {
        if (name == null || name.isBlank()) {
            throw new BadRequest("Parameter name is required");
        }
        PageParams params = PageParams.from(request);
        var page = organizations.autocomplete(name, PageRequest.of(params.cursor() ? 0 : params.page() - 1,
                params.perPage(), Sort.by("nameKey")));
        Paging.Result<Map<String, Object>> result = new Paging.Result<>(page.getContent().stream()
                .map(OrganizationsController::json).toList(), new PageParams(false, params.cursor() ? 1 : params.page(),
                params.perPage(), null, null), page.getTotalElements(), page.hasNext(), page.hasPrevious(), null, null);
        return Envelope.page("organizations", result, request);
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> create(@RequestBody JsonNode body) {
        Organization org = organizations.create(draft(Json.root(body, "organization")));
        return ResponseEntity.created(URI.create(Envelope.url("organizations/" + org.getId() + ".json")))
                .body(Envelope.of("organization", json(org)));
    }

    @PutMapping("/{id}")
    Map<String, Object> update(@PathVariable long id, @RequestBody JsonNode body) {
        return Envelope.of("organization", json(organizations.update(id, draft(Json.root(body, "organization")))));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        organizations.delete(id);
        return ResponseEntity.noContent().build();
    }

    static OrganizationDraft draft(JsonNode o) {
        return new OrganizationDraft(Json.string(o, "name"), Json.strings(o, "domain_names"), Json.string(o, "details"),
                Json.string(o, "notes"), Json.string(o, "external_id"), Json.bool(o, "shared_tickets"),
                Json.bool(o, "shared_comments"));
    }
}
