package org.kontor.workspace;

import org.kontor.common.Forbidden;
import org.kontor.common.InvalidInput;
import org.kontor.group.GroupService;
import org.kontor.organization.OrganizationDraft;
import org.kontor.organization.OrganizationService;
import org.kontor.security.ApiTokenService;
import org.kontor.security.KontorUser;
import org.kontor.user.Role;
import org.kontor.user.User;
import org.kontor.user.UserDraft;
import org.kontor.user.UserService;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin pages for the account's structure: agents, groups, organizations and API tokens, over the existing use cases. */
@Controller
class AdminPages {
    private final UserService users;
    private final GroupService groups;
    private final OrganizationService organizations;
    private final ApiTokenService tokens;
    private final Directory directory;
    private final MessageSource messages;

    AdminPages(UserService users, GroupService groups, OrganizationService organizations, ApiTokenService tokens,
               Directory directory, MessageSource messages) {
        this.users = users;
        this.groups = groups;
        this.organizations = organizations;
        this.tokens = tokens;
        this.directory = directory;
        this.messages = messages;
    }

    @GetMapping("/admin/agents")
    String agents(Model model) {
        model.addAttribute("agents", directory.allAgents());
        return "admin/agents";
    }

    @PostMapping("/admin/agents")
    String addAgent(@AuthenticationPrincipal KontorUser me, @RequestParam(defaultValue = "") String name,
                    @RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "agent") String role,
                    @RequestParam(defaultValue = "") String password, RedirectAttributes redirect) {
        try {
            User agent = users.create(new UserDraft(name, Forms.blankToNull(email), null,
                    "admin".equals(role) ? Role.ADMIN : Role.AGENT, null, null, null, null, null, null, null, null), me.actor());
            if (!password.isBlank()) {
                users.setPassword(agent.getId(), password, me.actor());
            }
            redirect.addFlashAttribute("saved", true);
        } catch (InvalidInput | Forbidden e) {
            redirect.addFlashAttribute("errors", Forms.errors(e, messages));
        }
        return "redirect:/admin/agents";
    }

    @GetMapping("/admin/groups")
    String groups(Model model) {
        model.addAttribute("groups", directory.groups());
        model.addAttribute("agents", directory.agents());
        return "admin/groups";
    }

    @PostMapping("/admin/groups")
    String addGroup(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String description,
                    RedirectAttributes redirect) {
        try {
            groups.create(name, Forms.blankToNull(description));
            redirect.addFlashAttribute("saved", true);
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("errors", Forms.errors(e, messages));
        }
        return "redirect:/admin/groups";
    }

    @PostMapping("/admin/groups/{id}/members")
    String addMember(@PathVariable long id, @RequestParam(required = false) Long agentId, RedirectAttributes redirect) {
        try {
            if (agentId == null) {
                throw InvalidInput.of("user_id", "err.agent.choose", "Agent: choose an agent");
            }
            if (!groups.isMember(agentId, id)) {
                groups.addMember(agentId, id, false);
            }
            redirect.addFlashAttribute("saved", true);
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("errors", Forms.errors(e, messages));
        }
        return "redirect:/admin/groups";
    }

    @GetMapping("/admin/organizations")
    String organizations(Model model) {
        model.addAttribute("organizations", directory.organizations());
        return "admin/organizations";
    }

    @PostMapping("/admin/organizations")
    String addOrganization(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String domains,
                           @RequestParam(defaultValue = "false") boolean sharedTickets, RedirectAttributes redirect) {
        try {
            organizations.create(new OrganizationDraft(name, Forms.tags(domains), null, null, null, sharedTickets, false));
            redirect.addFlashAttribute("saved", true);
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("errors", Forms.errors(e, messages));
        }
        return "redirect:/admin/organizations";
    }

    @GetMapping("/admin/api-tokens")
    String apiTokens(@AuthenticationPrincipal KontorUser me, Model model) {
        model.addAttribute("tokens", tokens.list(me.actor()));
        return "admin/api-tokens";
    }

    /** The token's value is shown once, on the page that follows. */
    @PostMapping("/admin/api-tokens")
    String createToken(@AuthenticationPrincipal KontorUser me, @RequestParam(defaultValue = "") String description,
                       RedirectAttributes redirect) {
        redirect.addFlashAttribute("newToken", tokens.create(Forms.blankToNull(description), me.actor()).value());
        return "redirect:/admin/api-tokens";
    }

    @PostMapping("/admin/api-tokens/{id}/revoke")
    String revokeToken(@AuthenticationPrincipal KontorUser me, @PathVariable long id, RedirectAttributes redirect) {
        tokens.revoke(id, me.actor());
        redirect.addFlashAttribute("saved", true);
        return "redirect:/admin/api-tokens";
    }
}
