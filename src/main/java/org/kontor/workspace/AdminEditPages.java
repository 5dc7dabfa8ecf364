package org.kontor.workspace;

import java.util.List;
import java.util.HashSet;
import java.util.Set;
import org.kontor.common.Forbidden;
import org.kontor.common.InvalidInput;
import org.kontor.common.NotFound;
import org.kontor.group.Group;
import org.kontor.group.GroupService;
import org.kontor.organization.Organization;
import org.kontor.organization.OrganizationDraft;
import org.kontor.organization.OrganizationService;
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

/**
 * Editing, deactivating and deleting agents, groups and organizations (admins only: {@code /admin/**}). The rules
 * (last admin, groups with unsolved tickets, organizations with tickets) are the services', shared with the API.
 * A refused edit shows the form again with what was typed and the errors in the admin's language.
 */
@Controller
class AdminEditPages {
    private final UserService users;
    private final GroupService groups;
    private final OrganizationService organizations;
    private final Directory directory;
    private final MessageSource messages;

    AdminEditPages(UserService users, GroupService groups, OrganizationService organizations, Directory directory,
                   MessageSource messages) {
        this.users = users;
        this.groups = groups;
        this.organizations = organizations;
        this.directory = directory;
        this.messages = messages;
    }

    /** What the agent form shows: the stored values, or what the admin typed when it was refused. */
    record AgentForm(long id, String name, String email, String role, String locale, Set<Long> groupIds, boolean deactivated) {
    }

    @GetMapping("/admin/agents/{id}")
    String agent(@PathVariable long id, Model model) {
        User agent = agentOrNotFound(id);
        return agentPage(model, new AgentForm(id, agent.getName(), agent.getEmail(), agent.getRole().wire(),
                language(agent.getLocale()), new HashSet<>(groups.groupIdsOf(id)), agent.isSuspended()), List.of());
    }

    @PostMapping("/admin/agents/{id}")
    String saveAgent(@AuthenticationPrincipal KontorUser me, @PathVariable long id,
                     @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String email,
                     @RequestParam(defaultValue = "agent") String role, @RequestParam(defaultValue = "en") String locale,
                     @RequestParam(name = "groupIds", required = false) List<Long> groupIds, Model model,
                     RedirectAttributes redirect) {
        User agent = agentOrNotFound(id);
        Set<Long> wantedGroups = groupIds == null ? Set.of() : new HashSet<>(groupIds);
        try {
            users.updateProfile(id, new UserDraft(name, Forms.blankToNull(email), null, "admin".equals(role) ? Role.ADMIN : Role.AGENT,
                    null, "de".equals(locale) ? "de" : "en-US", null, null, null, null, null, null), me.actor());
            groups.setGroupsOf(id, wantedGroups);
        } catch (InvalidInput | Forbidden e) {
            return agentPage(model, new AgentForm(id, name, email, role, locale, wantedGroups, agent.isSuspended()),
                    Forms.errors(e, messages));
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/admin/agents/" + id;
    }

    @PostMapping("/admin/agents/{id}/deactivate")
    String deactivate(@AuthenticationPrincipal KontorUser me, @PathVariable long id, RedirectAttributes redirect) {
        agentOrNotFound(id);
        return afterward(() -> users.deactivate(id, me.actor()), "/admin/agents/" + id, redirect);
    }

    @PostMapping("/admin/agents/{id}/reactivate")
    String reactivate(@AuthenticationPrincipal KontorUser me, @PathVariable long id, RedirectAttributes redirect) {
        agentOrNotFound(id);
        return afterward(() -> users.reactivate(id, me.actor()), "/admin/agents/" + id, redirect);
    }

    private String agentPage(Model model, AgentForm form, List<String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("groups", directory.groups());
        showErrors(model, errors);
        return "admin/agent-edit";
    }

    private User agentOrNotFound(long id) {
        User user = users.get(id);
        if (!user.isAgent() || !user.isActive()) {
            throw new NotFound();
        }
        return user;
    }

    private static String language(String locale) {
        return locale != null && locale.toLowerCase().startsWith("de") ? "de" : "en";
    }

    record GroupForm(long id, String name, String description, Set<Long> memberIds) {
    }

    @GetMapping("/admin/groups/{id}")
    String group(@PathVariable long id, Model model) {
        Group group = groups.get(id);
        return groupPage(model, new GroupForm(id, group.getName(), group.getDescription() == null ? "" : group.getDescription(),
                new HashSet<>(groups.memberIdsOf(id))), List.of());
    }

    @PostMapping("/admin/groups/{id}")
    String saveGroup(@PathVariable long id, @RequestParam(defaultValue = "") String name,
                     @RequestParam(defaultValue = "") String description,
                     @RequestParam(name = "memberIds", required = false) List<Long> memberIds,
                     @RequestParam(name = "shownIds", required = false) List<Long> shownIds, Model model,
                     RedirectAttributes redirect) {
        groups.get(id);
        // Only the agents the form showed change: a member it did not list (a roster beyond its size) stays a member.
        Set<Long> wanted = new HashSet<>(groups.memberIdsOf(id));
        if (shownIds != null) {
            shownIds.forEach(wanted::remove);
        }
        if (memberIds != null) {
            wanted.addAll(memberIds);
        }
        try {
            groups.update(id, name, description);
            groups.setMembers(id, wanted);
        } catch (InvalidInput e) {
            return groupPage(model, new GroupForm(id, name, description, wanted), Forms.errors(e, messages));
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/admin/groups/" + id;
    }

    @PostMapping("/admin/groups/{id}/delete")
    String deleteGroup(@PathVariable long id, RedirectAttributes redirect) {
        return deleted(() -> groups.delete(id), "/admin/groups/" + id, "/admin/groups", redirect);
    }

    private String groupPage(Model model, GroupForm form, List<String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("agents", rosterWith(form.memberIds()));
        showErrors(model, errors);
        return "admin/group-edit";
    }

    /** The roster to pick members from, with every current member in it even beyond the roster's size. */
    private List<User> rosterWith(Set<Long> memberIds) {
        List<User> agents = new java.util.ArrayList<>(directory.agents());
        Set<Long> listed = new HashSet<>();
        agents.forEach(a -> listed.add(a.getId()));
        List<Long> missing = memberIds.stream().filter(m -> !listed.contains(m)).toList();
        if (!missing.isEmpty()) {
            agents.addAll(users.findAll(missing));
            agents.sort(java.util.Comparator.comparing(User::getName, String.CASE_INSENSITIVE_ORDER).thenComparing(User::getId));
        }
        return agents;
    }

    record OrganizationForm(long id, String name, String domains, boolean sharedTickets) {
    }

    @GetMapping("/admin/organizations/{id}")
    String organization(@PathVariable long id, Model model) {
        Organization org = organizations.get(id);
        return organizationPage(model, new OrganizationForm(id, org.getName(), String.join(" ", org.getDomainNames()),
                org.isSharedTickets()), List.of());
    }

    @PostMapping("/admin/organizations/{id}")
    String saveOrganization(@PathVariable long id, @RequestParam(defaultValue = "") String name,
                            @RequestParam(defaultValue = "") String domains,
                            @RequestParam(defaultValue = "false") boolean sharedTickets, Model model,
                            RedirectAttributes redirect) {
        organizations.get(id);
        try {
            organizations.update(id, new OrganizationDraft(name, Forms.tags(domains), null, null, null, sharedTickets, null));
        } catch (InvalidInput e) {
            return organizationPage(model, new OrganizationForm(id, name, domains, sharedTickets), Forms.errors(e, messages));
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/admin/organizations/" + id;
    }

    @PostMapping("/admin/organizations/{id}/delete")
    String deleteOrganization(@PathVariable long id, RedirectAttributes redirect) {
        return deleted(() -> organizations.delete(id), "/admin/organizations/" + id, "/admin/organizations", redirect);
    }

    private String organizationPage(Model model, OrganizationForm form, List<String> errors) {
        model.addAttribute("form", form);
        showErrors(model, errors);
        return "admin/organization-edit";
    }

    /** A refusal redirected here arrives as a flash attribute; an empty list must not hide it. */
    private static void showErrors(Model model, List<String> errors) {
        if (!errors.isEmpty() || !model.containsAttribute("errors")) {
            model.addAttribute("errors", errors);
        }
    }

    /** A delete: back to the list when done, to the record's page with the reason when refused. */
    private String deleted(Runnable delete, String recordPage, String listPage, RedirectAttributes redirect) {
        try {
            delete.run();
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("errors", Forms.errors(e, messages));
            return "redirect:" + recordPage;
        }
        redirect.addFlashAttribute("deleted", true);
        return "redirect:" + listPage;
    }

    private String afterward(Runnable action, String page, RedirectAttributes redirect) {
        try {
            action.run();
            redirect.addFlashAttribute("saved", true);
        } catch (InvalidInput | Forbidden e) {
            redirect.addFlashAttribute("errors", Forms.errors(e, messages));
        }
        return "redirect:" + page;
    }
}
