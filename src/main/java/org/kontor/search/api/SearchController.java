package org.kontor.search.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kontor.api.Envelope;
import org.kontor.api.PageParams;
import org.kontor.api.Paging;
import org.kontor.common.BadRequest;
import org.kontor.organization.Organization;
import org.kontor.organization.api.OrganizationJson;
import org.kontor.search.SearchService;
import org.kontor.security.KontorUser;
import org.kontor.ticket.Ticket;
import org.kontor.ticket.api.TicketJson;
import org.kontor.user.User;
import org.kontor.user.api.UserJson;
import org.kontor.visibility.AccessPolicy;
import org.kontor.visibility.Viewer;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Zendesk's search API for agents: {@code GET /api/v2/search?query=…} and {@code /api/v2/search/count}. */
@RestController
@RequestMapping("/api/v2/search")
class SearchController {
    private final SearchService search;
    private final AccessPolicy policy;

    SearchController(SearchService search, AccessPolicy policy) {
        this.search = search;
        this.policy = policy;
    }

    @GetMapping
    Map<String, Object> search(@AuthenticationPrincipal KontorUser me, @RequestParam(required = false) String query,
                               @RequestParam(name = "sort_by", required = false) String sortBy,
                               @RequestParam(name = "sort_order", required = false) String sortOrder,
                               HttpServletRequest request) {
        Viewer viewer = policy.viewerFor(me.actor());
        PageParams params = PageParams.offsetFrom(request);
        SearchService.SortBy sort = SearchService.SortBy.parse(sortBy);
        boolean ascending = ascending(sortOrder);
        int offset = (params.page() - 1) * params.perPage();
        SearchService.Results<SearchService.Hit> r = search.agentSearch(viewer, required(query), sort, ascending, offset,
                params.perPage());
        List<Map<String, Object>> results = r.items().stream().map(SearchController::json).toList();
        Paging.Result<Map<String, Object>> page = new Paging.Result<>(results, params, r.total(),
                offset + results.size() < r.total(), params.page() > 1, null, null);
        Map<String, Object> body = Envelope.page("results", page, request);
        body.put("facets", null);
        return body;
    }

    @GetMapping("/count")
    Map<String, Object> count(@AuthenticationPrincipal KontorUser me, @RequestParam(required = false) String query) {
        return Envelope.of("count", search.agentCount(policy.viewerFor(me.actor()), required(query)));
    }

    private static String required(String query) {
        if (query == null || query.isBlank()) {
            throw new BadRequest("Parameter query is required");
        }
        return query;
    }

    private static boolean ascending(String sortOrder) {
        if (sortOrder == null || sortOrder.isBlank() || sortOrder.equalsIgnoreCase("desc")) {
            return false;
        }
        if (sortOrder.equalsIgnoreCase("asc")) {
            return true;
        }
        throw new BadRequest("sort_order must be asc or desc");
    }

    private static Map<String, Object> json(SearchService.Hit hit) {
        Map<String, Object> m = new LinkedHashMap<>(switch (hit.type()) {
            case TICKET -> TicketJson.ticket((Ticket) hit.entity());
            case USER -> UserJson.of((User) hit.entity(), true);
            case ORGANIZATION -> OrganizationJson.of((Organization) hit.entity());
        });
        m.put("result_type", hit.type().wire());
        return m;
    }
}
