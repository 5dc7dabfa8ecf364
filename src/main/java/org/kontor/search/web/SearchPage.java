package org.kontor.search.web;

import java.util.ArrayList;
import java.util.List;
import org.kontor.common.BadRequest;
import org.kontor.organization.Organization;
import org.kontor.search.SearchService;
import org.kontor.security.KontorUser;
import org.kontor.ticket.Ticket;
import org.kontor.ticket.TicketStatus;
import org.kontor.user.User;
import org.kontor.visibility.AccessPolicy;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The agents' search page: words and filters become one query in Zendesk's syntax for the same engine and access
 * policy as {@code GET /api/v2/search}, so the page finds exactly what the API finds. Typed syntax
 * ({@code status<solved requester:…}) works in the words field too.
 */
@Controller
class SearchPage {
    static final int PER_PAGE = 25;
    private static final List<String> TYPES = List.of("ticket", "user", "organization");
    private static final List<String> STATUSES = TicketStatus.wires();

    private final SearchService search;
    private final AccessPolicy policy;

    SearchPage(SearchService search, AccessPolicy policy) {
        this.search = search;
        this.policy = policy;
    }

    /** One result as the page lists it. */
    record Row(String type, String title, String href, String status, Boolean isPublic, String detail) {
        static Row of(SearchService.Hit hit) {
            return switch (hit.type()) {
                case TICKET -> {
                    Ticket t = (Ticket) hit.entity();
                    yield new Row("ticket", "#" + t.getId() + " " + (t.getSubject() == null ? "" : t.getSubject()),
                            "/agent/tickets/" + t.getId(), t.getStatus().wire(), t.isPublic(), null);
                }
                case USER -> {
                    User u = (User) hit.entity();
                    yield new Row("user", u.getName(), "/agent/users/" + u.getId(), null, null,
                            u.getEmail() != null ? u.getEmail() : u.getPhone());
                }
                case ORGANIZATION -> {
                    Organization o = (Organization) hit.entity();
                    yield new Row("organization", o.getName(), null, null, null, String.join(", ", o.getDomainNames()));
                }
            };
        }
    }

    @GetMapping("/agent/search")
    String page(@AuthenticationPrincipal KontorUser me, @RequestParam(defaultValue = "") String q,
                @RequestParam(defaultValue = "") String type, @RequestParam(defaultValue = "") String status,
                @RequestParam(defaultValue = "") String visibility, @RequestParam(defaultValue = "1") int page, Model model) {
        String query = query(q, type, status, visibility);
        int p = Math.max(1, Math.min(page, 400));
        model.addAttribute("q", q);
        model.addAttribute("type", TYPES.contains(type) ? type : "");
        model.addAttribute("status", STATUSES.contains(status) ? status : "");
        model.addAttribute("visibility", visibility.equals("public") || visibility.equals("private") ? visibility : "");
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("page", p);
        model.addAttribute("searched", !query.isBlank());
        if (!query.isBlank()) {
            try {
                SearchService.Results<SearchService.Hit> r = search.agentSearch(policy.viewerFor(me.actor()), query, null, false,
                        (p - 1) * PER_PAGE, PER_PAGE);
                List<Row> rows = new ArrayList<>();
                r.items().forEach(h -> rows.add(Row.of(h)));
                model.addAttribute("rows", rows);
                model.addAttribute("total", r.total());
                model.addAttribute("hasMore", (long) p * PER_PAGE < r.total());
            } catch (BadRequest e) {
                model.addAttribute("error", e.getMessage());
            }
        }
        return "agent/search";
    }

    /** The filters as Zendesk keywords; a status or visibility filter means tickets. */
    static String query(String words, String type, String status, String visibility) {
        StringBuilder sb = new StringBuilder(words.strip());
        boolean ticketFilter = STATUSES.contains(status) || visibility.equals("public") || visibility.equals("private");
        String t = TYPES.contains(type) ? type : ticketFilter ? "ticket" : "";
        if (!t.isEmpty()) {
            sb.append(" type:").append(t);
        }
        if (STATUSES.contains(status)) {
            sb.append(" status:").append(status);
        }
        if (visibility.equals("public") || visibility.equals("private")) {
            sb.append(" is_public:").append(visibility.equals("public"));
        }
        return sb.toString().strip();
    }
}
