package org.kontor.ticket.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kontor.api.Envelope;
import org.kontor.api.Json;
import org.kontor.api.PageParams;
import org.kontor.api.Paging;
import org.kontor.security.KontorUser;
import org.kontor.ticket.Ticket;
import org.kontor.ticket.TicketService;
import org.kontor.user.User;
import org.kontor.user.UserService;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Zendesk's {@code deleted_tickets}, for agents: the list (with who deleted each ticket and its status then), and
 * restore, one or many. A restored ticket is back in views, search and reports.
 */
@RestController
@RequestMapping("/api/v2/deleted_tickets")
class DeletedTicketsController {
    private static final Paging.SortKey DELETED_AT = new Paging.SortKey("deleted_at", "deletedAt", true);
    private static final List<Paging.SortKey> SORTS = List.of(Paging.SortKey.ID, Paging.SortKey.CREATED_AT, Paging.SortKey.UPDATED_AT,
            DELETED_AT);

    private final TicketService tickets;
    private final UserService users;

    DeletedTicketsController(TicketService tickets, UserService users) {
        this.tickets = tickets;
        this.users = users;
    }

    @GetMapping
    Map<String, Object> list(@AuthenticationPrincipal KontorUser me, HttpServletRequest request) {
        Paging.Result<Ticket> page = tickets.deleted(PageParams.from(request),
                Paging.ordering(request.getParameterMap(), new Paging.Ordering(Paging.SortKey.ID, true), SORTS), me.actor());
        Map<Long, User> deleters = new java.util.HashMap<>();
        users.findAll(page.items().stream().map(Ticket::getDeletedBy).filter(java.util.Objects::nonNull).distinct().toList())
                .forEach(u -> deleters.put(u.getId(), u));
        return Envelope.page("deleted_tickets", page.map(t -> json(t, deleters.get(t.getDeletedBy()))), request);
    }

    @PutMapping("/{id}/restore")
    ResponseEntity<Void> restore(@AuthenticationPrincipal KontorUser me, @PathVariable long id) {
        tickets.restore(List.of(id), me.actor());
        return ResponseEntity.ok().build();
    }

    /** All or none: one id that is not a deleted ticket answers 404 and restores nothing. */
    @PutMapping("/restore_many")
    ResponseEntity<Void> restoreMany(@AuthenticationPrincipal KontorUser me, @RequestParam(required = false) String ids) {
        tickets.restore(Json.idParam(ids, "ids", 100), me.actor());
        return ResponseEntity.ok().build();
    }

    private static Map<String, Object> json(Ticket t, User deleter) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.getId());
        m.put("subject", t.getSubject());
        m.put("description", t.getDescription());
        Map<String, Object> actor = new LinkedHashMap<>();
        actor.put("id", t.getDeletedBy());
        actor.put("name", deleter == null ? null : deleter.getName());
        m.put("actor", t.getDeletedBy() == null ? null : actor);
        m.put("deleted_at", Envelope.time(t.getDeletedAt()));
        m.put("previous_state", t.getStatus().wire());
        return m;
    }
}
