package org.kontor.workspace;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.kontor.common.NotFound;
import org.kontor.security.KontorUser;
import org.kontor.ticket.Ticket;
import org.kontor.user.User;
import org.kontor.user.UserService;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The side bar's views with their counts, and each view's sortable, paginated ticket list. */
@Controller
class ViewsController {
    private final TicketViews views;
    private final UserService users;

    ViewsController(TicketViews views, UserService users) {
        this.views = views;
        this.users = users;
    }

    @GetMapping("/agent")
    String home() {
        return "redirect:/agent/views/your-unsolved";
    }

    @GetMapping("/agent/views/sidebar")
    String sidebar(@AuthenticationPrincipal KontorUser me, Model model) {
        model.addAttribute("views", views.counted(me.actor()));
        return "agent/views :: sidebar";
    }

    @GetMapping("/agent/views/{key}")
    String view(@AuthenticationPrincipal KontorUser me, @PathVariable String key,
                @RequestParam(defaultValue = "updated_at") String sort, @RequestParam(defaultValue = "desc") String order,
                @RequestParam(defaultValue = "1") int page, Model model) {
        TicketViews.View view = views.view(me.actor(), key).orElseThrow(NotFound::new);
        String sortKey = TicketViews.SORTED_BY_MEANING.contains(sort)
                || TicketViews.SORT_KEYS.stream().anyMatch(k -> k.wireName().equals(sort)) ? sort : "updated_at";
        boolean ascending = "asc".equals(order);
        TicketViews.ViewPage result = views.page(me.actor(), view, Math.max(1, Math.min(page, 400)), sortKey, ascending);
        model.addAttribute("view", view);
        model.addAttribute("tickets", result.items());
        model.addAttribute("people", people(result.items()));
        model.addAttribute("sort", sortKey);
        model.addAttribute("order", ascending ? "asc" : "desc");
        model.addAttribute("page", result.page());
        model.addAttribute("total", result.total());
        model.addAttribute("hasMore", result.hasMore());
        model.addAttribute("hasPrevious", result.hasPrevious());
        return "agent/view";
    }

    private Map<Long, User> people(List<Ticket> tickets) {
        Set<Long> ids = new HashSet<>();
        for (Ticket t : tickets) {
            ids.add(t.getRequesterId());
            if (t.getAssigneeId() != null) {
                ids.add(t.getAssigneeId());
            }
        }
        return users.findAll(ids).stream().collect(Collectors.toMap(User::getId, Function.identity()));
    }
}
