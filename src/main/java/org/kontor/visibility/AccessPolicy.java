package org.kontor.visibility;

import jakarta.persistence.EntityManager;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.kontor.organization.Organization;
import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.kontor.organization.OrganizationService;
import org.kontor.search.TicketDocument;
import org.kontor.ticket.Comment;
import org.kontor.ticket.Ticket;
import org.kontor.user.Actor;
import org.kontor.user.User;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;

/**
 * Default deny. The decision for one record ({@code canSee}) and the filter for lists and search
 * ({@code tickets}, {@code comments}) are written side by side so they cannot drift; the permission-matrix
 * test checks both.
 */
@Component
public class AccessPolicy {
    /** Beyond this many CCs a user's list falls back to a subquery per ticket (correct, but it scans). */
    private static final int MAX_CC_IDS = 1000;

    private final OrganizationService organizations;
    private final EntityManager em;

    AccessPolicy(OrganizationService organizations, EntityManager em) {
        this.organizations = organizations;
        this.em = em;
    }

    /** The viewer for a user's own role: agents get the agent view. */
    public Viewer viewerFor(Actor actor) {
        return actor.isAgent() ? new Viewer(actor.id(), true, actor.organizationId(), false) : endUserView(actor);
    }

    /** The end-user view, for anyone: the Requests API treats agents as end users (Zendesk does the same). */
    public Viewer endUserView(Actor actor) {
        boolean shares = organizations.find(actor.organizationId()).map(Organization::isSharedTickets).orElse(false);
        return new Viewer(actor.id(), false, actor.organizationId(), shares);
    }

    /** V2, R11, R19: end users see public tickets they request, are CC'd on, or share through their organization. */
    public boolean canSee(Viewer viewer, Ticket ticket) {
        if (ticket == null || ticket.isDeleted()) {
            return false;
        }
        if (viewer.agentView()) {
            return true;
        }
        if (!ticket.isPublic()) {
            return false;
        }
        return ticket.getRequesterId() == viewer.userId()
                || ticket.getCollaboratorIds().contains(viewer.userId())
                || (viewer.organizationSharesTickets() && viewer.organizationId() != null
                    && viewer.organizationId().equals(ticket.getOrganizationId()));
    }

    /** V1: end users never see an internal note. */
    public boolean canSee(Viewer viewer, Ticket ticket, Comment comment) {
        return canSee(viewer, ticket) && comment.getTicketId().equals(ticket.getId())
                && (viewer.agentView() || comment.isPublic());
    }

    /**
     * V1, R11, R17: a file on a comment is seen exactly as its comment is: agents see all; an end user only files of
     * public comments on tickets they may see, so a comment made private, or a ticket gone private, hides its files.
     */
    public boolean canSeeAttachment(Viewer viewer, Ticket ticket, Comment comment) {
        return canSee(viewer, ticket, comment);
    }

    /** A file not on a comment yet (an upload): its uploader, and agents. */
    public boolean canSeeUpload(Viewer viewer, Long uploaderId) {
        return viewer.agentView() || (uploaderId != null && uploaderId == viewer.userId());
    }

    /** The same decision as {@link #canSee(Viewer, Ticket)}, as a query filter. */
    public Specification<Ticket> tickets(Viewer viewer) {
        Specification<Ticket> notDeleted = (root, q, cb) -> cb.isNull(root.get("deletedAt"));
        if (viewer.agentView()) {
            return notDeleted;
        }
        long me = viewer.userId();
        Specification<Ticket> ccdOn = ccdOn(me);
        Specification<Ticket> reachable = (root, q, cb) -> {
            var requester = cb.equal(root.get("requesterId"), me);
            var ccd = ccdOn.toPredicate(root, q, cb);
            if (viewer.organizationSharesTickets() && viewer.organizationId() != null) {
                return cb.or(requester, ccd, cb.equal(root.get("organizationId"), viewer.organizationId()));
            }
            return cb.or(requester, ccd);
        };
        Specification<Ticket> isPublic = (root, q, cb) -> cb.isTrue(root.get("privacy").get("isPublic"));
        return notDeleted.and(isPublic).and(reachable);
    }

    /**
     * The tickets a user is CC'd on, as a filter that the database can answer from its indexes: the ids are read
     * first (usually a handful), because "user in the ticket's CCs" as a subquery is evaluated once per ticket,
     * which scans every ticket of a large account.
     */
    public Specification<Ticket> ccdOn(long userId) {
        List<Long> ids = em.createQuery("select t.id from Ticket t join t.collaboratorIds c where c = :me", Long.class)
                .setParameter("me", userId).setMaxResults(MAX_CC_IDS + 1).getResultList();
        if (ids.size() > MAX_CC_IDS) {
            return (root, q, cb) -> cb.isMember(userId, root.<java.util.Collection<Long>>get("collaboratorIds"));
        }
        if (ids.isEmpty()) {
            return (root, q, cb) -> cb.disjunction();
        }
        return (root, q, cb) -> root.get("id").in(ids);
    }

    /**
     * The same decision as {@link #canSee(Viewer, Ticket)}, as a search-engine predicate over the ticket index,
     * so search results, counts and pages contain only tickets the viewer may see (R11, R17, R19).
     */
    public PredicateFinalStep ticketSearchFilter(Viewer viewer, SearchPredicateFactory f) {
        PredicateFinalStep notDeleted = f.match().field(TicketDocument.DELETED).matching(false);
        if (viewer.agentView()) {
            return notDeleted;
        }
        long me = viewer.userId();
        var reachable = f.or().add(f.match().field(TicketDocument.REQUESTER).matching(me))
                .add(f.match().field(TicketDocument.CCS).matching(me));
        if (viewer.organizationSharesTickets() && viewer.organizationId() != null) {
            reachable.add(f.match().field(TicketDocument.ORGANIZATION).matching(viewer.organizationId()));
        }
        return f.and(notDeleted, f.match().field(TicketDocument.IS_PUBLIC).matching(true), reachable);
    }

    /**
     * V1: the ticket text a viewer's words may match: the subject and all comments for agents, the subject and
     * public comments only for the end-user view, so a word only in an internal note finds nothing.
     */
    public List<String> ticketSearchTextFields(Viewer viewer) {
        return viewer.agentView() ? List.of(TicketDocument.SUBJECT, TicketDocument.ALL_TEXT)
                : List.of(TicketDocument.SUBJECT, TicketDocument.PUBLIC_TEXT);
    }

    /** The comments of one ticket the viewer may read; the caller has checked the ticket with {@code canSee}. */
    public Specification<Comment> comments(Viewer viewer, Ticket ticket) {
        long ticketId = ticket.getId();
        Specification<Comment> onTicket = (root, q, cb) -> cb.equal(root.get("ticketId"), ticketId);
        if (!canSee(viewer, ticket)) {
            return (root, q, cb) -> cb.disjunction();
        }
        return viewer.agentView() ? onTicket : onTicket.and(publicOnly());
    }

    /** The comments of several tickets the viewer may read; tickets the viewer may not see contribute none. */
    public Specification<Comment> comments(Viewer viewer, java.util.Collection<Ticket> tickets) {
        List<Long> visibleIds = tickets.stream().filter(t -> canSee(viewer, t)).map(Ticket::getId).toList();
        if (visibleIds.isEmpty()) {
            return (root, q, cb) -> cb.disjunction();
        }
        Specification<Comment> onTickets = (root, q, cb) -> root.get("ticketId").in(visibleIds);
        return viewer.agentView() ? onTickets : onTickets.and(publicOnly());
    }

    private static Specification<Comment> publicOnly() {
        return (root, q, cb) -> cb.isTrue(root.get("isPublic"));
    }

    /**
     * Who a viewer may see named (a name, never contact details) on tickets: the requester, assignee and CCs of each
     * ticket they may see — the people its fields already name by id.
     */
    public Set<Long> peopleNamedOn(Viewer viewer, Collection<Ticket> tickets) {
        Set<Long> people = new TreeSet<>();
        for (Ticket t : tickets) {
            if (canSee(viewer, t)) {
                people.add(t.getRequesterId());
                if (t.getAssigneeId() != null) {
                    people.add(t.getAssigneeId());
                }
                people.addAll(t.getCollaboratorIds());
            }
        }
        return people;
    }

    /** The authors a viewer may see named on a ticket's comments: of the comments they may read only (V1). */
    public Set<Long> authorsNamedOn(Viewer viewer, Ticket ticket, Collection<Comment> comments) {
        Set<Long> authors = new TreeSet<>();
        for (Comment c : comments) {
            if (canSee(viewer, ticket, c) && c.getAuthorId() != null) {
                authors.add(c.getAuthorId());
            }
        }
        return authors;
    }

    /** Users: agents see everyone; an end user sees only themselves through the users API. */
    public boolean canSee(Viewer viewer, User user) {
        return viewer.agentView() || user.getId() == viewer.userId();
    }
}
