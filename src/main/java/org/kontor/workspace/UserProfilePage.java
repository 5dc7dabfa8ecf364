package org.kontor.workspace;

import org.kontor.api.PageParams;
import org.kontor.api.Paging;
import org.kontor.common.Forbidden;
import org.kontor.common.InvalidInput;
import org.kontor.common.NotFound;
import org.kontor.security.KontorUser;
import org.kontor.ticket.Ticket;
import org.kontor.user.User;
import org.kontor.user.UserService;
import org.kontor.visibility.AccessPolicy;
import org.kontor.visibility.Viewer;
import org.kontor.visibility.VisibleTickets;
import org.springframework.context.MessageSource;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A user's profile: details, organization, their tickets (public and private, marked), User options → New ticket (R4),
 * deleting the user, and deleting them permanently (admins).
 */
@Controller
class UserProfilePage {
    private static final int TICKETS_SHOWN = 50;

    private final UserService users;
    private final AccessPolicy policy;
    private final VisibleTickets visible;
    private final Directory directory;
    private final MessageSource messages;

    UserProfilePage(UserService users, AccessPolicy policy, VisibleTickets visible, Directory directory, MessageSource messages) {
        this.messages = messages;
        this.users = users;
        this.policy = policy;
        this.visible = visible;
        this.directory = directory;
    }

    @GetMapping("/agent/users/{id}")
    String show(@AuthenticationPrincipal KontorUser me, @PathVariable long id, Model model) {
        Viewer viewer = policy.viewerFor(me.actor());
        User user = users.find(id).filter(u -> policy.canSee(viewer, u)).orElseThrow(NotFound::new);
        Specification<Ticket> requested = (root, q, cb) -> cb.equal(root.get("requesterId"), id);
        Paging.Result<Ticket> tickets = visible.tickets(viewer, requested, new PageParams(false, 1, TICKETS_SHOWN, null, null),
                new Paging.Ordering(Paging.SortKey.UPDATED_AT, false));
        model.addAttribute("user", user);
        model.addAttribute("person", directory.person(user));
        model.addAttribute("tickets", tickets.items());
        model.addAttribute("ticketCount", tickets.totalCount());
        model.addAttribute("canDelete", user.isActive() && user.getId() != me.actor().id()
                && UserService.mayDelete(user, me.actor()));
        model.addAttribute("canPurge", !user.isActive() && !user.isPurged() && me.actor().isAdmin());
        return "agent/user";
    }

    /** The use case decides; its refusals (unsolved tickets, last admin, rights) come back in the page's language. */
    @PostMapping("/agent/users/{id}/delete")
    String delete(@AuthenticationPrincipal KontorUser me, @PathVariable long id, RedirectAttributes redirect) {
        try {
            users.delete(id, me.actor());
            redirect.addFlashAttribute("userDeleted", true);
        } catch (InvalidInput | Forbidden e) {
            redirect.addFlashAttribute("errors", Forms.errors(e, messages));
        }
        return "redirect:/agent/users/" + id;
    }

    @PostMapping("/agent/users/{id}/purge")
    String purge(@AuthenticationPrincipal KontorUser me, @PathVariable long id, RedirectAttributes redirect) {
        try {
            users.purge(id, me.actor());
        } catch (InvalidInput | Forbidden e) {
            redirect.addFlashAttribute("errors", Forms.errors(e, messages));
        }
        return "redirect:/agent/users/" + id;
    }
}
