package org.kontor.visibility;

import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.kontor.api.PageParams;
import org.kontor.api.Paging;
import org.kontor.common.NotFound;
import org.kontor.ticket.Audit;
import org.kontor.ticket.AuditRepository;
import org.kontor.ticket.Comment;
import org.kontor.ticket.CommentRepository;
import org.kontor.ticket.Ticket;
import org.kontor.ticket.TicketRepository;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every read of tickets, comments and audits for a user. Each method starts from the access policy's filter,
 * so a record the viewer may not see is absent from lists and answers 404 when asked for by id.
 */
@Service
@Transactional(readOnly = true)
public class VisibleTickets {
    private final AccessPolicy policy;
    private final TicketRepository tickets;
    private final CommentRepository comments;
    private final AuditRepository audits;
    private final EntityManager em;

    VisibleTickets(AccessPolicy policy, TicketRepository tickets, CommentRepository comments, AuditRepository audits,
                   EntityManager em) {
        this.em = em;
        this.policy = policy;
        this.tickets = tickets;
        this.comments = comments;
        this.audits = audits;
    }

    public Ticket ticket(Viewer viewer, long id) {
        return tickets.findById(id).filter(t -> policy.canSee(viewer, t)).orElseThrow(NotFound::new);
    }

    public Optional<Ticket> findTicket(Viewer viewer, long id) {
        return tickets.findById(id).filter(t -> policy.canSee(viewer, t));
    }

    /**
     * Reads these tickets into the current persistence context in one query, for a caller about to read them one
     * by one through {@link #findTicket}, which still decides per viewer. Returns nothing, so nothing escapes it.
     */
    public void preload(Collection<Long> ids) {
        if (!ids.isEmpty()) {
            tickets.findAllById(ids);
        }
    }

    /** show_many: the visible ones among the ids, in id order; others are left out silently. */
    public List<Ticket> tickets(Viewer viewer, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Specification<Ticket> byIds = (root, q, cb) -> root.get("id").in(ids);
        return tickets.findAll(policy.tickets(viewer).and(byIds), Sort.by("id"));
    }

    public Paging.Result<Ticket> tickets(Viewer viewer, Specification<Ticket> filter, PageParams params, Paging.Ordering ordering) {
        return Paging.fetch(tickets, policy.tickets(viewer).and(filter), params, ordering);
    }

    /**
     * One page of the tickets the viewer may see, in the order the filter itself sets (for orders a sort by
     * attribute cannot express, such as status in life-cycle order or the requester's name).
     */
    public Page<Ticket> ticketsInFilterOrder(Viewer viewer, Specification<Ticket> filterAndOrder, int page, int size) {
        return tickets.findAll(policy.tickets(viewer).and(filterAndOrder), PageRequest.of(page - 1, size));
    }

    public long count(Viewer viewer, Specification<Ticket> filter) {
        return tickets.count(policy.tickets(viewer).and(filter));
    }

    public Paging.Result<Comment> comments(Viewer viewer, long ticketId, PageParams params, Paging.Ordering ordering,
                                           Boolean publicFilter) {
        Ticket ticket = ticket(viewer, ticketId);
        Specification<Comment> spec = policy.comments(viewer, ticket);
        if (publicFilter != null) {
            spec = spec.and((root, q, cb) -> cb.equal(root.get("isPublic"), publicFilter));
        }
        return Paging.fetch(comments, spec, params, ordering);
    }

    public long commentCount(Viewer viewer, long ticketId) {
        Ticket ticket = ticket(viewer, ticketId);
        return comments.count(policy.comments(viewer, ticket));
    }

    /** {@link #commentCount} for a page of tickets in one query: ticket id → comments the viewer may read. */
    public Map<Long, Long> commentCounts(Viewer viewer, Collection<Ticket> of) {
        Map<Long, Long> counts = new HashMap<>();
        if (of.isEmpty()) {
            return counts;
        }
        Specification<Comment> readable = policy.comments(viewer, of);
        var cb = em.getCriteriaBuilder();
        var q = cb.createQuery(Object[].class);
        var root = q.from(Comment.class);
        q.multiselect(root.get("ticketId"), cb.count(root)).where(readable.toPredicate(root, q, cb)).groupBy(root.get("ticketId"));
        for (Object[] row : em.createQuery(q).getResultList()) {
            counts.put((Long) row[0], (Long) row[1]);
        }
        return counts;
    }

    public Comment comment(Viewer viewer, long ticketId, long commentId) {
        Ticket ticket = ticket(viewer, ticketId);
        return comments.findById(commentId).filter(c -> policy.canSee(viewer, ticket, c)).orElseThrow(NotFound::new);
    }

    /**
     * Whether the viewer may read a file: by the access policy's attachment rule for a file on a comment, by its
     * upload rule for a file on none yet ({@code commentId} null).
     */
    public boolean canReadAttachment(Viewer viewer, Long ticketId, Long commentId, Long uploaderId) {
        if (commentId == null) {
            return policy.canSeeUpload(viewer, uploaderId);
        }
        Optional<Ticket> ticket = ticketId == null ? Optional.empty() : tickets.findById(ticketId);
        Optional<Comment> comment = comments.findById(commentId);
        return ticket.isPresent() && comment.isPresent() && policy.canSeeAttachment(viewer, ticket.get(), comment.get());
    }

    /** Of these comments of one ticket, the ids of those whose files the viewer may read. */
    public java.util.Set<Long> commentsWithReadableAttachments(Viewer viewer, Ticket ticket, Collection<Comment> of) {
        Set<Long> result = new java.util.HashSet<>();
        for (Comment c : of) {
            if (policy.canSeeAttachment(viewer, ticket, c)) {
                result.add(c.getId());
            }
        }
        return result;
    }

    /** The first comment the viewer may read: the request's description for end users (V1). */
    public Optional<Comment> firstReadableComment(Viewer viewer, Ticket ticket) {
        return comments.findBy(policy.comments(viewer, ticket), q -> q.sortBy(Sort.by("id")).first());
    }

    /** The first readable comment of each ticket, in one query: request descriptions for a whole page (V1). */
    public java.util.Map<Long, Comment> firstReadableComments(Viewer viewer, List<Ticket> page) {
        Specification<Comment> readable = policy.comments(viewer, page);
        Specification<Comment> first = (root, q, cb) -> {
            var sub = q.subquery(Long.class);
            var c = sub.from(Comment.class);
            sub.select(cb.min(c.get("id"))).where(readable.toPredicate(c, q, cb)).groupBy(c.get("ticketId"));
            return root.get("id").in(sub);
        };
        java.util.Map<Long, Comment> byTicket = new java.util.HashMap<>();
        comments.findAll(first).forEach(c -> byTicket.put(c.getTicketId(), c));
        return byTicket;
    }

    /** Audits are agent-only: they contain internal notes and every visibility change (V3). */
    public Paging.Result<Audit> audits(Viewer viewer, long ticketId, PageParams params, Paging.Ordering ordering) {
        requireAgentView(viewer);
        ticket(viewer, ticketId);
        return Paging.fetch(audits, (root, q, cb) -> cb.equal(root.get("ticketId"), ticketId), params, ordering);
    }

    public Audit audit(Viewer viewer, long ticketId, long auditId) {
        requireAgentView(viewer);
        ticket(viewer, ticketId);
        return audits.findById(auditId).filter(a -> a.getTicketId() == ticketId).orElseThrow(NotFound::new);
    }

    /** Comments by id for rendering audits to agents. */
    public List<Comment> commentsForAgent(Viewer viewer, Collection<Long> ids) {
        requireAgentView(viewer);
        return ids.isEmpty() ? List.of() : comments.findAllById(ids);
    }

    /**
     * The comments an agent's change just wrote, as {@link #commentsForAgent(Viewer, Collection)} would read them
     * back after the commit: the same rule, without a second transaction.
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public List<Comment> writtenCommentsForAgent(Viewer viewer, List<Comment> written) {
        requireAgentView(viewer);
        return written;
    }

    private static void requireAgentView(Viewer viewer) {
        if (!viewer.agentView()) {
            throw new NotFound();
        }
    }
}
