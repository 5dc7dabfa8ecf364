package org.kontor.routing.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import org.kontor.common.Forbidden;
import org.kontor.common.InvalidInput;
import org.kontor.common.RuleViolation;
import org.kontor.routing.AgentStatus;
import org.kontor.routing.Availability;
import org.kontor.routing.AvailabilityService;
import org.kontor.security.KontorUser;
import org.kontor.settings.AccountSettingsService;
import org.kontor.user.User;
import org.kontor.user.UserService;
import org.kontor.workspace.Forms;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * R13 for admins: every agent's status, capacity and load in one table, editable, and the routing and voice
 * settings (reassign when an agent goes offline; call tickets start private). The rules stay in
 * {@link AvailabilityService} and {@link AccountSettingsService}.
 */
@Controller
class RoutingAdminPage {
    private static final int MAX_AGENTS = 500;

    private final AvailabilityService availability;
    private final UserService users;
    private final AccountSettingsService settings;
    private final MessageSource messages;

    RoutingAdminPage(AvailabilityService availability, UserService users, AccountSettingsService settings, MessageSource messages) {
        this.availability = availability;
        this.users = users;
        this.settings = settings;
        this.messages = messages;
    }

    /** One row of the table. */
    record AgentRow(User agent, Availability availability) {
    }

    @GetMapping("/admin/routing")
    String page(@AuthenticationPrincipal KontorUser me, Model model) {
        Map<Long, User> agents = new HashMap<>();
        List<Availability> all = availability.all(MAX_AGENTS, me.actor());
        users.findAll(all.stream().map(Availability::agentId).toList()).forEach(u -> agents.put(u.getId(), u));
        List<AgentRow> rows = new ArrayList<>();
        for (Availability a : all) {
            User agent = agents.get(a.agentId());
            if (agent != null) {
                rows.add(new AgentRow(agent, a));
            }
        }
        model.addAttribute("rows", rows);
        model.addAttribute("statuses", AgentStatus.values());
        model.addAttribute("operations", settings.operations());
        model.addAttribute("privateCreation", settings.tickets().firstCommentPrivateEnabled());
        return "admin/routing";
    }

    @PostMapping("/admin/routing/agents/{id}")
    String setAgent(@AuthenticationPrincipal KontorUser me, @PathVariable long id, @RequestParam String status,
                    @RequestParam(defaultValue = "") String capacity, RedirectAttributes redirect) {
        try {
            AgentStatus s = AgentStatus.parse(status).orElseThrow(() -> new InvalidInput("status", "Status: unknown value " + status));
            availability.set(id, s, parseCapacity(capacity), me.actor());
            redirect.addFlashAttribute("saved", true);
        } catch (InvalidInput | Forbidden | RuleViolation e) {
            redirect.addFlashAttribute("errors", Forms.errors(e, messages));
        }
        return "redirect:/admin/routing";
    }

    @PostMapping("/admin/routing/settings")
    String setSettings(@AuthenticationPrincipal KontorUser me, @RequestParam(defaultValue = "false") boolean callTicketsPrivate,
                       @RequestParam(defaultValue = "false") boolean reassignWhenAgentOffline, RedirectAttributes redirect) {
        try {
            settings.updateOperations(callTicketsPrivate, reassignWhenAgentOffline, me.actor());
            redirect.addFlashAttribute("saved", true);
        } catch (InvalidInput | Forbidden | RuleViolation e) {
            redirect.addFlashAttribute("errors", Forms.errors(e, messages));
        }
        return "redirect:/admin/routing";
    }

    private static Integer parseCapacity(String text) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInput("capacity", "Capacity: must be a whole number");
        }
    }
}
