package org.kontor.request.api;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.kontor.api.Envelope;
import org.kontor.api.Include;
import org.kontor.api.Json;
import org.kontor.api.PageParams;
import org.kontor.api.Paging;
import org.kontor.attachment.Attachment;
import org.kontor.attachment.Attachments;
import org.kontor.attachment.api.AttachmentJson;
import org.kontor.common.BadRequest;
import org.kontor.search.SearchService;
import org.kontor.security.KontorUser;
import org.kontor.ticket.Channel;
import org.kontor.ticket.Comment;
import org.kontor.ticket.Ticket;
import org.kontor.ticket.TicketService;
import org.kontor.ticket.TicketStatus;
import org.kontor.ticket.api.TicketInputReader;
import org.kontor.ticket.api.TicketJson;
import org.kontor.user.Actor;
import org.kontor.user.User;
import org.kontor.user.UserService;
import org.kontor.user.api.UserJson;
import org.kontor.visibility.AccessPolicy;
import org.kontor.visibility.Viewer;
import org.kontor.visibility.VisibleTickets;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Zendesk's Requests API: what the requester sees. Everyone, agents included, gets the end-user view here:
 * private tickets are absent (404 by id, R11) and internal notes never appear (V1).
 */
@RestController
@RequestMapping("/api/v2/requests")
class RequestsController {
    private static final List<Paging.SortKey> SORTS = List.of(Paging.SortKey.ID, Paging.SortKey.CREATED_AT, Paging.SortKey.UPDATED_AT);
    private static final Paging.Ordering NEWEST_FIRST = new Paging.Ordering(Paging.SortKey.UPDATED_AT, false);

    private final VisibleTickets visible;
    private final AccessPolicy policy;
    private final TicketService tickets;
    private final SearchService search;
    private final Attachments attachments;
    private final UserService users;

    RequestsController(VisibleTickets visible, AccessPolicy policy, TicketService tickets, SearchService search,
                       Attachments attachments, UserService users) {
        this.users = users;
        this.attachments = attachments;
        this.visible = visible;
        this.search = search;
        this.policy = policy;
        this.tickets = tickets;
    }

    private Viewer viewer(KontorUser me) {
        return policy.endUserView(me.actor());
    }

    @GetMapping
    Map<String, Object> list(@AuthenticationPrincipal KontorUser me, @RequestParam(required = false) String status,
                             HttpServletRequest request) {
        return page(me, requestedBy(me).and(statusFilter(status)), request);
    }

    @GetMapping("/open")
    Map<String, Object> open(@AuthenticationPrincipal KontorUser me, HttpServletRequest request) {
        return page(me, requestedBy(me).and(statusFilter("new,open,pending,hold")), request);
    }

    @GetMapping("/solved")
    Map<String, Object> solved(@AuthenticationPrincipal KontorUser me, HttpServletRequest request) {
        return page(me, requestedBy(me).and(statusFilter("solved,closed")), request);
    }

    /** R19: requests the user is CC'd on, while they are public. */
    @GetMapping("/ccd")
    Map<String, Object> ccd(@AuthenticationPrincipal KontorUser me, @RequestParam(required = false) String status,
                            HttpServletRequest request) {
        long id = me.actor().id();
        Specification<Ticket> ccd = policy.ccdOn(id);
        return page(me, ccd.and(statusFilter(status)), request);
    }

    @GetMapping("/search")
    Map<String, Object> search(@AuthenticationPrincipal KontorUser me, @RequestParam(required = false) String query,
                               @RequestParam(required = false) String status, HttpServletRequest request) {
        if (query == null || query.isBlank()) {
            throw new BadRequest("Parameter query is required");
        }
        PageParams params = PageParams.offsetFrom(request);
        Viewer viewer = viewer(me);
        Paging.Result<Ticket> page = search.requests(viewer, query, statuses(status), params,
                Paging.ordering(request.getParameterMap(), NEWEST_FIRST, SORTS));
        return withPeople(Envelope.page("requests", jsonPage(page, viewer, me.actor()), request), viewer, page.items(), request);
    }

    private Specification<Ticket> requestedBy(KontorUser me) {
        long id = me.actor().id();
        return (root, q, cb) -> cb.equal(root.get("requesterId"), id);
    }

    private static Specification<Ticket> statusFilter(String status) {
        List<TicketStatus> statuses = statuses(status);
        if (statuses.isEmpty()) {
            return Specification.unrestricted();
        }
        return (root, q, cb) -> root.get("status").in(statuses);
    }

    private static List<TicketStatus> statuses(String status) {
        List<TicketStatus> statuses = new ArrayList<>();
        if (status == null || status.isBlank()) {
            return statuses;
        }
        for (String s : status.split(",")) {
            TicketStatus parsed = TicketStatus.parse(s).orElseThrow(() -> new BadRequest("Unknown status " + s.trim()));
            statuses.add(parsed);
            // End users see "hold" as "open"; filtering by open includes held tickets.
            if (parsed == TicketStatus.OPEN) {
                statuses.add(TicketStatus.HOLD);
            }
        }
        return statuses;
    }

    private Map<String, Object> page(KontorUser me, Specification<Ticket> filter, HttpServletRequest request) {
        Viewer viewer = viewer(me);
        Paging.Result<Ticket> page = visible.tickets(viewer, filter, PageParams.from(request),
                Paging.ordering(request.getParameterMap(), NEWEST_FIRST, SORTS));
        return withPeople(Envelope.page("requests", jsonPage(page, viewer, me.actor()), request), viewer, page.items(), request);
    }

    @GetMapping("/{id}")
    Map<String, Object> show(@AuthenticationPrincipal KontorUser me, @PathVariable long id, HttpServletRequest request) {
        Viewer viewer = viewer(me);
        Ticket ticket = visible.ticket(viewer, id);
        return withPeople(Envelope.of("request", json(ticket, viewer, me.actor())), viewer, List.of(ticket), request);
    }

    /** {@code ?include=users}: the people the requests name (requester, assignee, CCs), by name ({@link UserJson#named}). */
    private Map<String, Object> withPeople(Map<String, Object> body, Viewer viewer, List<Ticket> shown, HttpServletRequest request) {
        return withNamed(body, () -> policy.peopleNamedOn(viewer, shown), request);
    }

    private Map<String, Object> withNamed(Map<String, Object> body, Supplier<Set<Long>> ids, HttpServletRequest request) {
        if (Include.from(request).contains("users")) {
            body.put("users", users.findAll(ids.get()).stream().sorted(Comparator.comparing(User::getId)).map(UserJson::named).toList());
        }
        return body;
    }

    @GetMapping("/{id}/comments")
    Map<String, Object> comments(@AuthenticationPrincipal KontorUser me, @PathVariable long id, HttpServletRequest request) {
        Viewer viewer = viewer(me);
        Paging.Result<Comment> page = visible.comments(viewer, id, PageParams.from(request),
                Paging.ordering(request.getParameterMap(), new Paging.Ordering(Paging.SortKey.CREATED_AT, true),
                        List.of(Paging.SortKey.CREATED_AT, Paging.SortKey.ID)), null);
        Ticket ticket = visible.ticket(viewer, id);
        Map<Long, List<Attachment>> files = attachments.ofComments(viewer, ticket, page.items());
        return withNamed(Envelope.page("comments", page.map(c -> comment(c, id, files.get(c.getId()))), request),
                () -> policy.authorsNamedOn(viewer, ticket, page.items()), request);
    }

    @GetMapping("/{id}/comments/{commentId}")
    Map<String, Object> showComment(@AuthenticationPrincipal KontorUser me, @PathVariable long id, @PathVariable long commentId) {
        Viewer viewer = viewer(me);
        Comment comment = visible.comment(viewer, id, commentId);
        Map<Long, List<Attachment>> files = attachments.ofComments(viewer, visible.ticket(viewer, id), List.of(comment));
        return Envelope.of("comment", comment(comment, id, files.get(commentId)));
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> create(@AuthenticationPrincipal KontorUser me, @RequestBody JsonNode body) {
        TicketService.Change change = tickets.createRequest(TicketInputReader.newRequest(Json.root(body, "request"), Channel.API), me.actor());
        Viewer viewer = viewer(me);
        return ResponseEntity.created(URI.create(Envelope.url("requests/" + change.ticket().getId() + ".json")))
                .body(Envelope.of("request", json(change.ticket(), viewer, me.actor())));
    }

    /** The requester replies, adds CCs, or marks the request solved ({@code solved: true}). */
    @PutMapping("/{id}")
    Map<String, Object> update(@AuthenticationPrincipal KontorUser me, @PathVariable long id, @RequestBody JsonNode body) {
        Viewer viewer = viewer(me);
        Ticket ticket = visible.ticket(viewer, id);
        JsonNode r = Json.root(body, "request");
        TicketService.Change change = tickets.updateAsRequester(ticket, TicketInputReader.requesterComment(r),
                Boolean.TRUE.equals(Json.bool(r, "solved")), TicketInputReader.additionalCollaborators(r), me.actor());
        return Envelope.of("request", json(change.ticket(), viewer, me.actor()));
    }

    private Paging.Result<Map<String, Object>> jsonPage(Paging.Result<Ticket> page, Viewer viewer, Actor actor) {
        Map<Long, Comment> descriptions = visible.firstReadableComments(viewer, page.items());
        return page.map(t -> json(t, descriptions.get(t.getId()), actor));
    }

    private Map<String, Object> json(Ticket t, Viewer viewer, Actor actor) {
        return json(t, visible.firstReadableComment(viewer, t).orElse(null), actor);
    }

    private Map<String, Object> json(Ticket t, Comment firstReadable, Actor actor) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.getId());
        m.put("url", Envelope.url("requests/" + t.getId() + ".json"));
        m.put("subject", t.getSubject());
        // V1: the description an end user sees is the first public comment, never an internal note.
        m.put("description", firstReadable == null ? null : firstReadable.getPlainBody());
        m.put("status", t.getStatus() == TicketStatus.HOLD ? "open" : t.getStatus().wire());
        m.put("custom_status_id", null);
        m.put("priority", t.getPriority() == null ? null : t.getPriority().wire());
        m.put("type", t.getType() == null ? null : t.getType().wire());
        m.put("requester_id", t.getRequesterId());
        m.put("organization_id", t.getOrganizationId());
        m.put("assignee_id", t.getAssigneeId());
        m.put("group_id", t.getGroupId());
        List<Long> ccs = new ArrayList<>(t.getCollaboratorIds());
        m.put("collaborator_ids", ccs);
        m.put("email_cc_ids", ccs);
        m.put("is_public", t.isPublic());
        m.put("can_be_solved_by_me", TicketService.canBeSolvedBy(t, actor));
        m.put("solved", t.getStatus() == TicketStatus.SOLVED || t.getStatus() == TicketStatus.CLOSED);
        m.put("due_at", Envelope.time(t.getDueAt()));
        m.put("custom_fields", List.of());
        m.put("ticket_form_id", null);
        m.put("recipient", null);
        m.put("followup_source_id", null);
        m.put("via", TicketJson.via(t.getVia()));
        m.put("created_at", Envelope.time(t.getCreatedAt()));
        m.put("updated_at", Envelope.time(t.getUpdatedAt()));
        return m;
    }

    /** Inline images are left out of the list, as in Zendesk; they are in the comment's HTML. */
    private static Map<String, Object> comment(Comment c, long requestId, List<Attachment> files) {
        Map<String, Object> m = TicketJson.comment(c, AttachmentJson.list(files == null ? List.of()
                : files.stream().filter(a -> !a.isInline()).toList()));
        m.put("request_id", requestId);
        return m;
    }
}
