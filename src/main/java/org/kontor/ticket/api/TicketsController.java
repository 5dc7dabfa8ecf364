package org.kontor.ticket.api;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.kontor.api.Envelope;
import org.kontor.api.IdempotentRequests;
import org.kontor.api.Json;
import org.kontor.api.PageParams;
import org.kontor.api.Paging;
import org.kontor.attachment.Attachments;
import org.kontor.attachment.api.AttachmentJson;
import org.kontor.common.BadRequest;
import org.kontor.job.api.BulkCalls;
import org.kontor.security.KontorUser;
import org.kontor.ticket.Audit;
import org.kontor.ticket.AuditEvent;
import org.kontor.ticket.Channel;
import org.kontor.ticket.Comment;
import org.kontor.ticket.Ticket;
import org.kontor.ticket.TicketService;
import org.kontor.user.UserService;
import org.kontor.user.api.UserJson;
import org.kontor.visibility.AccessPolicy;
import org.kontor.visibility.Viewer;
import org.kontor.visibility.VisibleTickets;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The agent's Tickets API. Every read goes through {@link VisibleTickets}; every change through {@link TicketService}. */
@RestController
class TicketsController {
    private static final List<Paging.SortKey> SORTS = List.of(Paging.SortKey.ID, Paging.SortKey.CREATED_AT, Paging.SortKey.UPDATED_AT);
    private static final Paging.Ordering BY_ID = new Paging.Ordering(Paging.SortKey.ID, true);
    private static final Paging.Ordering COMMENT_ORDER = new Paging.Ordering(Paging.SortKey.CREATED_AT, true);

    private final TicketService tickets;
    private final VisibleTickets visible;
    private final AccessPolicy policy;
    private final UserService users;
    private final List<AuditEventSource> eventSources;
    private final ApiTicketWrites writes;
    private final Attachments attachments;
    private final IdempotentRequests idempotentRequests;
    private final TicketSideLoads sideLoads;
    private final BulkCalls bulk;

    TicketsController(TicketService tickets, VisibleTickets visible, AccessPolicy policy, UserService users,
                      List<AuditEventSource> eventSources, ApiTicketWrites writes, Attachments attachments,
                      IdempotentRequests idempotentRequests, TicketSideLoads sideLoads, BulkCalls bulk) {
        this.sideLoads = sideLoads;
        this.bulk = bulk;
        this.attachments = attachments;
        this.idempotentRequests = idempotentRequests;
        this.eventSources = eventSources;
        this.writes = writes;
        this.tickets = tickets;
        this.visible = visible;
        this.policy = policy;
        this.users = users;
    }

    private Viewer viewer(KontorUser me) {
        return policy.viewerFor(me.actor());
    }

    @GetMapping("/api/v2/tickets")
    Map<String, Object> list(@AuthenticationPrincipal KontorUser me, @RequestParam(name = "external_id", required = false) String externalId,
                             HttpServletRequest request) {
        Specification<Ticket> filter = externalId == null ? Specification.unrestricted()
                : (root, q, cb) -> cb.equal(root.get("externalId"), externalId);
        return page(me, filter, request);
    }

    @GetMapping("/api/v2/users/{userId}/tickets/requested")
    Map<String, Object> requested(@AuthenticationPrincipal KontorUser me, @PathVariable long userId, HttpServletRequest request) {
        return page(me, (root, q, cb) -> cb.equal(root.get("requesterId"), userId), request);
    }

    @GetMapping("/api/v2/users/{userId}/tickets/assigned")
    Map<String, Object> assigned(@AuthenticationPrincipal KontorUser me, @PathVariable long userId, HttpServletRequest request) {
        return page(me, (root, q, cb) -> cb.equal(root.get("assigneeId"), userId), request);
    }

    @GetMapping("/api/v2/users/{userId}/tickets/ccd")
    Map<String, Object> ccd(@AuthenticationPrincipal KontorUser me, @PathVariable long userId, HttpServletRequest request) {
        return page(me, policy.ccdOn(userId), request);
    }

    @GetMapping("/api/v2/organizations/{organizationId}/tickets")
    Map<String, Object> organization(@AuthenticationPrincipal KontorUser me, @PathVariable long organizationId, HttpServletRequest request) {
        return page(me, (root, q, cb) -> cb.equal(root.get("organizationId"), organizationId), request);
    }

    private Map<String, Object> page(KontorUser me, Specification<Ticket> filter, HttpServletRequest request) {
        Viewer viewer = viewer(me);
        Paging.Result<Ticket> page = visible.tickets(viewer, filter, PageParams.from(request),
                Paging.ordering(request.getParameterMap(), BY_ID, SORTS));
        return sideLoads.tickets(Envelope.page("tickets", page.map(TicketJson::ticket), request), "tickets", page.items(),
                viewer, request);
    }

    @GetMapping("/api/v2/tickets/count")
    Map<String, Object> count(@AuthenticationPrincipal KontorUser me) {
        return countJson(visible.count(viewer(me), Specification.unrestricted()));
    }

    private static Map<String, Object> countJson(long value) {
        Map<String, Object> count = new LinkedHashMap<>();
        count.put("value", value);
        count.put("refreshed_at", Envelope.time(java.time.Instant.now()));
        return Envelope.of("count", count);
    }

    @GetMapping("/api/v2/tickets/show_many")
    Map<String, Object> showMany(@AuthenticationPrincipal KontorUser me, @RequestParam(required = false) String ids,
                                 HttpServletRequest request) {
        List<Long> wanted = Json.idParam(ids, "ids", 100);
        Viewer viewer = viewer(me);
        List<Ticket> found = visible.tickets(viewer, wanted);
        return sideLoads.tickets(Envelope.list("tickets", found.stream().map(TicketJson::ticket).toList()), "tickets", found,
                viewer, request);
    }

    @GetMapping("/api/v2/tickets/{id}")
    Map<String, Object> show(@AuthenticationPrincipal KontorUser me, @PathVariable long id, HttpServletRequest request) {
        Viewer viewer = viewer(me);
        Ticket ticket = visible.ticket(viewer, id);
        return sideLoads.tickets(Envelope.of("ticket", TicketJson.ticket(ticket)), "ticket", List.of(ticket), viewer, request);
    }

    @PostMapping("/api/v2/tickets")
    ResponseEntity<?> create(@AuthenticationPrincipal KontorUser me, @RequestBody JsonNode body,
                             @RequestHeader(name = IdempotentRequests.KEY_HEADER, required = false) String idempotencyKey,
                             @RequestParam(name = "async", defaultValue = "false") boolean async) {
        var input = TicketInputReader.newTicket(Json.root(body, "ticket"), Channel.API);
        if (async) {
            if (idempotencyKey != null) {
                // A queued creation has no answer to replay; silently ignoring the key would allow the duplicate it guards against.
                throw new BadRequest(IdempotentRequests.KEY_HEADER + " is not supported with async=true");
            }
            // Read now, so that a malformed value answers 422 at once; the job creates it (or reports why not).
            return ResponseEntity.ok(bulk.queueRecords(me.actor(), BulkTicketJobs.CREATE_MANY, "tickets", Json.root(body, "ticket")));
        }
        if (idempotencyKey != null) {
            // The retry of a concurrent requester creation is the idempotent run's own (it reruns the transaction).
            return idempotentRequests.once(me.actor().id(), idempotencyKey, body, () -> created(tickets.create(input, me.actor()), me));
        }
        return created(writes.create(input, me.actor()), me);
    }

    private ResponseEntity<Map<String, Object>> created(TicketService.Change change, KontorUser me) {
        return ResponseEntity.created(URI.create(Envelope.url("tickets/" + change.ticket().getId() + ".json")))
                .body(withAudit(change, me));
    }

    @PutMapping("/api/v2/tickets/{id}")
    Map<String, Object> update(@AuthenticationPrincipal KontorUser me, @PathVariable long id, @RequestBody JsonNode body) {
        return withAudit(writes.update(id, Json.root(body, "ticket"), me.actor()), me);
    }

    @DeleteMapping("/api/v2/tickets/{id}")
    ResponseEntity<Void> delete(@AuthenticationPrincipal KontorUser me, @PathVariable long id) {
        tickets.delete(id, me.actor());
        return ResponseEntity.noContent().build();
    }

    private Map<String, Object> withAudit(TicketService.Change change, KontorUser me) {
        Map<String, Object> body = Envelope.of("ticket", TicketJson.ticket(change.ticket()));
        if (change.audit() == null) {
            body.put("audit", null);
        } else {
            Map<Long, Comment> written = visible.writtenCommentsForAgent(viewer(me), change.comments()).stream()
                    .collect(Collectors.toMap(Comment::getId, Function.identity()));
            body.put("audit", TicketJson.audit(change.audit(), written,
                    change.filesAttached() ? files(viewer(me), change.ticket(), written.values(), true) : Map.of()));
        }
        return body;
    }

    private Map<String, Object> audit(Audit audit, Ticket ticket, KontorUser me) {
        List<Long> commentIds = audit.getEvents().stream().map(AuditEvent::getCommentId)
                .filter(java.util.Objects::nonNull).distinct().toList();
        Map<Long, Comment> comments = visible.commentsForAgent(viewer(me), commentIds).stream()
                .collect(Collectors.toMap(Comment::getId, Function.identity()));
        return TicketJson.audit(audit, comments, files(viewer(me), ticket, comments.values(), true));
    }

    /** The comments' files as the viewer may see them; inline images only when asked (Zendesk's include_inline_images). */
    private Map<Long, List<Map<String, Object>>> files(Viewer viewer, Ticket ticket, java.util.Collection<Comment> comments,
                                                       boolean includeInline) {
        Map<Long, List<Map<String, Object>>> result = new java.util.HashMap<>();
        attachments.ofComments(viewer, ticket, comments).forEach((commentId, files) -> result.put(commentId,
                AttachmentJson.list(files.stream().filter(a -> includeInline || !a.isInline()).toList())));
        return result;
    }

    @GetMapping("/api/v2/tickets/{id}/collaborators")
    Map<String, Object> collaborators(@AuthenticationPrincipal KontorUser me, @PathVariable long id) {
        Ticket ticket = visible.ticket(viewer(me), id);
        return Envelope.list("users", users.findAll(ticket.getCollaboratorIds()).stream()
                .map(u -> UserJson.of(u, true)).toList());
    }

    /** Agents see public replies and internal notes; {@code ?public=true|false} filters (Kontor's extension). */
    @GetMapping("/api/v2/tickets/{id}/comments")
    Map<String, Object> comments(@AuthenticationPrincipal KontorUser me, @PathVariable long id,
                                 @RequestParam(name = "public", required = false) Boolean publicFilter,
                                 @RequestParam(name = "include_inline_images", defaultValue = "false") boolean includeInline,
                                 HttpServletRequest request) {
        Paging.Result<Comment> page = visible.comments(viewer(me), id, PageParams.from(request),
                Paging.ordering(request.getParameterMap(), COMMENT_ORDER, List.of(Paging.SortKey.CREATED_AT, Paging.SortKey.ID)),
                publicFilter);
        Map<Long, List<Map<String, Object>>> files = files(viewer(me), visible.ticket(viewer(me), id), page.items(), includeInline);
        return sideLoads.comments(Envelope.page("comments",
                page.map(c -> TicketJson.comment(c, files.getOrDefault(c.getId(), List.of()))), request), page.items(), viewer(me), request);
    }

    @GetMapping("/api/v2/tickets/{id}/comments/count")
    Map<String, Object> commentCount(@AuthenticationPrincipal KontorUser me, @PathVariable long id) {
        return countJson(visible.commentCount(viewer(me), id));
    }

    /** R16–R18. Zendesk answers 200 with an empty body. */
    @PutMapping("/api/v2/tickets/{ticketId}/comments/{commentId}/make_private")
    ResponseEntity<Void> makePrivate(@AuthenticationPrincipal KontorUser me, @PathVariable long ticketId, @PathVariable long commentId) {
        tickets.makeCommentPrivate(ticketId, commentId, me.actor());
        return ResponseEntity.ok().build();
    }

    /** Zendesk's redaction: {@code {"text": "..."}} is removed from the comment for good; answers the comment. */
    @PutMapping("/api/v2/tickets/{ticketId}/comments/{commentId}/redact")
    Map<String, Object> redact(@AuthenticationPrincipal KontorUser me, @PathVariable long ticketId, @PathVariable long commentId,
                               @RequestBody JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new BadRequest("The request body must be a JSON object with a \"text\" property");
        }
        TicketService.Change change = tickets.redactComment(ticketId, commentId, Json.string(body, "text"), Channel.API, me.actor());
        Comment comment = change.comments().get(0);
        return Envelope.of("comment", TicketJson.comment(comment,
                files(viewer(me), change.ticket(), List.of(comment), true).getOrDefault(comment.getId(), List.of())));
    }

    @PutMapping("/api/v2/tickets/{ticketId}/audits/{auditId}/make_private")
    ResponseEntity<Void> makeAuditPrivate(@AuthenticationPrincipal KontorUser me, @PathVariable long ticketId, @PathVariable long auditId) {
        tickets.makeAuditCommentPrivate(ticketId, auditId, me.actor());
        return ResponseEntity.ok().build();
    }

    @GetMapping("/api/v2/tickets/{id}/audits")
    Map<String, Object> audits(@AuthenticationPrincipal KontorUser me, @PathVariable long id, HttpServletRequest request) {
        Paging.Result<Audit> page = visible.audits(viewer(me), id, PageParams.from(request),
                Paging.ordering(request.getParameterMap(), new Paging.Ordering(Paging.SortKey.CREATED_AT, true),
                        List.of(Paging.SortKey.CREATED_AT, Paging.SortKey.ID)));
        Ticket ticket = visible.ticket(viewer(me), id);
        Map<String, Object> body = Envelope.page("audits", page.map(a -> audit(a, ticket, me)), request);
        addEvents(id, page.items().stream().map(Audit::getId).toList(), (List<?>) body.get("audits"));
        return body;
    }

    /** Events other features record about an audit (Notification events), appended to its events. */
    @SuppressWarnings("unchecked")
    private void addEvents(long ticketId, List<Long> auditIds, List<?> audits) {
        if (eventSources.isEmpty() || auditIds.isEmpty()) {
            return;
        }
        for (AuditEventSource source : eventSources) {
            Map<Long, List<Map<String, Object>>> extra = source.eventsFor(ticketId, auditIds);
            for (Object a : audits) {
                Map<String, Object> audit = (Map<String, Object>) a;
                List<Map<String, Object>> more = extra.get((Long) audit.get("id"));
                if (more != null) {
                    ((List<Map<String, Object>>) audit.get("events")).addAll(more);
                }
            }
        }
    }

    @GetMapping("/api/v2/tickets/{id}/audits/{auditId}")
    Map<String, Object> showAudit(@AuthenticationPrincipal KontorUser me, @PathVariable long id, @PathVariable long auditId) {
        Map<String, Object> audit = audit(visible.audit(viewer(me), id, auditId), visible.ticket(viewer(me), id), me);
        addEvents(id, List.of(auditId), List.of(audit));
        return Envelope.of("audit", audit);
    }
}
