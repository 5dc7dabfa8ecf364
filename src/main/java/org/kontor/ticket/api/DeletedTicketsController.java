package org.kontor.ticket.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.kontor.api.Envelope;
import org.kontor.api.Json;
import org.kontor.api.PageParams;
import org.kontor.api.Paging;
import org.kontor.job.Job;
import org.kontor.job.JobHandler;
import org.kontor.job.JobItems;
import org.kontor.job.api.BulkCalls;
import org.kontor.security.KontorUser;
import org.kontor.ticket.DeletedTicketPurge;
import org.kontor.ticket.Ticket;
import org.kontor.ticket.TicketService;
import org.kontor.user.Actor;
import org.kontor.user.User;
import org.kontor.user.UserService;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Zendesk's {@code deleted_tickets}, for agents: the list (with who deleted each ticket and its status then), restore
 * (one or many: back in views, search and reports) and permanent deletion (a job).
 */
@RestController
@RequestMapping("/api/v2/deleted_tickets")
class DeletedTicketsController {
    private static final Paging.SortKey DELETED_AT = new Paging.SortKey("deleted_at", "deletedAt", true);
    private static final List<Paging.SortKey> SORTS = List.of(Paging.SortKey.ID, Paging.SortKey.CREATED_AT, Paging.SortKey.UPDATED_AT,
            DELETED_AT);

    private final TicketService tickets;
    private final UserService users;
    private final BulkCalls bulk;

    DeletedTicketsController(TicketService tickets, UserService users, BulkCalls bulk) {
        this.tickets = tickets;
        this.users = users;
        this.bulk = bulk;
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

    /** Permanent deletion, as Zendesk a job: see {@link DeletedTicketPurge}. */
    @DeleteMapping("/{id}")
    Map<String, Object> purge(@AuthenticationPrincipal KontorUser me, @PathVariable long id) {
        return bulk.queueDeletes(me.actor(), PurgeJobs.PURGE, String.valueOf(id));
    }

    @DeleteMapping("/destroy_many")
    Map<String, Object> purgeMany(@AuthenticationPrincipal KontorUser me, @RequestParam(required = false) String ids) {
        return bulk.queueDeletes(me.actor(), PurgeJobs.PURGE, ids);
    }

    /** Each ticket in a transaction of its own; one that is not a deleted ticket is reported as not found. */
    @Component
    static class PurgeJobs implements JobHandler {
        static final String PURGE = "purge_deleted_tickets";
        private static final JsonMapper JSON = JsonMapper.builder().build();

        private final DeletedTicketPurge purge;

        PurgeJobs(DeletedTicketPurge purge) {
            this.purge = purge;
        }

        @Override
        public Set<String> kinds() {
            return Set.of(PURGE);
        }

        @Override
        public void run(Job job, Actor actor, int from, Consumer<Map<String, Object>> result) {
            JsonNode ids = JSON.readTree(job.getPayload()).get("ids");
            for (int i = from; i < ids.size(); i++) {
                long id = ids.get(i).asLong();
                result.accept(JobItems.run(i, id, "delete", "Deleted", () -> {
                    purge.purge(id, actor);
                    return id;
                }));
            }
        }
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
