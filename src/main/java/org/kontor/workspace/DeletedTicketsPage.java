package org.kontor.workspace;

import java.util.List;
import java.util.Objects;
import org.kontor.api.PageParams;
import org.kontor.api.Paging;
import org.kontor.common.NotFound;
import org.kontor.security.KontorUser;
import org.kontor.ticket.DeletedTicketPurge;
import org.kontor.ticket.Ticket;
import org.kontor.ticket.TicketService;
import org.kontor.visibility.AccessPolicy;
import org.kontor.visibility.VisibleTickets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Deleting a ticket from its page, and the "Deleted tickets" list: restore (all chosen or none) or delete permanently
 * after a confirmation page, so that no script is needed to ask "are you sure". The same use cases as the API's
 * {@code deleted_tickets}.
 */
@Controller
class DeletedTicketsPage {
    private static final int PER_PAGE = 30;
    private static final int MAX_CHOSEN = 100;
    private static final Paging.Ordering NEWEST_DELETION_FIRST =
            new Paging.Ordering(new Paging.SortKey("deleted_at", "deletedAt", true), false);

    private final TicketService tickets;
    private final DeletedTicketPurge purge;
    private final VisibleTickets visible;
    private final AccessPolicy policy;
    private final Directory directory;
    private final String keptFor;

    DeletedTicketsPage(TicketService tickets, DeletedTicketPurge purge, VisibleTickets visible, AccessPolicy policy,
                       Directory directory, @Value("${kontor.tickets.purge-deleted-after:P30D}") java.time.Duration keptFor) {
        this.tickets = tickets;
        this.purge = purge;
        this.visible = visible;
        this.policy = policy;
        this.directory = directory;
        this.keptFor = keptFor.isZero() || keptFor.isNegative() ? null : String.valueOf(keptFor.toDays());
    }

    public record DeletedRow(long id, String subject, String deletedBy, String deletedAt, String previousStatus) {
    }

    @PostMapping("/agent/tickets/{id}/delete")
    String delete(@AuthenticationPrincipal KontorUser me, @PathVariable long id, RedirectAttributes redirect) {
        visible.ticket(policy.viewerFor(me.actor()), id);
        tickets.delete(id, me.actor());
        redirect.addFlashAttribute("deleted", List.of(id));
        return "redirect:/agent/deleted-tickets";
    }

    @GetMapping("/agent/deleted-tickets")
    String list(@AuthenticationPrincipal KontorUser me, @RequestParam(defaultValue = "1") int page, Model model) {
        int shown = Math.max(1, Math.min(page, 10_000 / PER_PAGE));
        Paging.Result<Ticket> result = tickets.deleted(new PageParams(false, shown, PER_PAGE, null, null),
                NEWEST_DELETION_FIRST, me.actor());
        model.addAttribute("rows", rows(result.items()));
        model.addAttribute("page", shown);
        model.addAttribute("total", result.totalCount());
        model.addAttribute("hasMore", result.hasMore());
        model.addAttribute("hasPrevious", result.hasPrevious());
        model.addAttribute("keptFor", keptFor);
        return "agent/deleted-tickets";
    }

    /** All chosen tickets come back or none does (one deleted for good meanwhile is reported, nothing restored). */
    @PostMapping("/agent/deleted-tickets/restore")
    String restore(@AuthenticationPrincipal KontorUser me, @RequestParam(name = "id", required = false) List<Long> ids,
                   RedirectAttributes redirect) {
        List<Long> chosen = chosen(ids);
        if (chosen.isEmpty()) {
            redirect.addFlashAttribute("noneChosen", true);
            return "redirect:/agent/deleted-tickets";
        }
        try {
            tickets.restore(chosen, me.actor());
            redirect.addFlashAttribute("restored", chosen);
        } catch (NotFound e) {
            redirect.addFlashAttribute("gone", true);
        }
        return "redirect:/agent/deleted-tickets";
    }

    /** Without {@code confirmed}: the page that names what will be deleted for good and asks to confirm. */
    @PostMapping("/agent/deleted-tickets/purge")
    String purge(@AuthenticationPrincipal KontorUser me, @RequestParam(name = "id", required = false) List<Long> ids,
                 @RequestParam(defaultValue = "false") boolean confirmed, Model model, RedirectAttributes redirect) {
        List<Long> chosen = chosen(ids);
        if (chosen.isEmpty()) {
            redirect.addFlashAttribute("noneChosen", true);
            return "redirect:/agent/deleted-tickets";
        }
        if (!confirmed) {
            List<Ticket> deleted = tickets.deletedTickets(chosen, me.actor());
            if (deleted.isEmpty()) {
                redirect.addFlashAttribute("gone", true);
                return "redirect:/agent/deleted-tickets";
            }
            model.addAttribute("rows", rows(deleted));
            return "agent/deleted-tickets-purge";
        }
        int purged = 0;
        for (long id : chosen) {
            try {
                purge.purge(id, me.actor());
                purged++;
            } catch (NotFound e) {
                // Restored or deleted for good by someone else meanwhile: nothing to do for this one.
            }
        }
        redirect.addFlashAttribute("purged", purged);
        return "redirect:/agent/deleted-tickets";
    }

    private static List<Long> chosen(List<Long> ids) {
        return ids == null ? List.of() : ids.stream().filter(Objects::nonNull).distinct().limit(MAX_CHOSEN).toList();
    }

    private List<DeletedRow> rows(List<Ticket> deleted) {
        var names = directory.names(deleted.stream().map(Ticket::getDeletedBy).filter(Objects::nonNull).distinct().toList());
        Formats fmt = new Formats();
        return deleted.stream().map(t -> new DeletedRow(t.getId(), t.getSubject(),
                t.getDeletedBy() == null ? null : names.get(t.getDeletedBy()), fmt.dateTime(t.getDeletedAt()),
                t.getStatus().wire())).toList();
    }
}
