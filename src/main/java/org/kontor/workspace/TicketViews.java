package org.kontor.workspace;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.kontor.api.PageParams;
import org.kontor.api.Paging;
import org.kontor.group.Group;
import org.kontor.group.GroupMembership;
import org.kontor.group.GroupService;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Root;
import org.kontor.ticket.Priority;
import org.kontor.ticket.Ticket;
import org.kontor.ticket.TicketStatus;
import org.kontor.user.Actor;
import org.kontor.user.User;
import org.kontor.view.CustomViews;
import org.kontor.visibility.AccessPolicy;
import org.kontor.visibility.VisibleTickets;
import org.springframework.data.domain.Page;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;

/**
 * The views (queues) of the side bar: the built-in ones, then the custom views the agent may use; filters over the
 * tickets the agent may see, read through {@link VisibleTickets} like every other ticket read.
 */
@Component
public class TicketViews {
    static final int PAGE_SIZE = 25;
    private static final List<TicketStatus> UNSOLVED =
            List.of(TicketStatus.NEW, TicketStatus.OPEN, TicketStatus.PENDING, TicketStatus.HOLD);
    private static final Duration RECENT = Duration.ofDays(7);
    /** Columns sorted by their stored value: the key in the URL and the ticket attribute. */
    static final List<Paging.SortKey> SORT_KEYS = List.of(Paging.SortKey.ID,
            new Paging.SortKey("subject", "subject", false), Paging.SortKey.CREATED_AT, Paging.SortKey.UPDATED_AT);
    /** Columns sorted by meaning: status in life-cycle order (R5), priority low to urgent, the requester's name. */
    static final List<String> SORTED_BY_MEANING = List.of("status", "priority", "requester");
    private static final List<TicketStatus> STATUS_ORDER = List.of(TicketStatus.values());
    private static final List<Priority> PRIORITY_ORDER = List.of(Priority.LOW, Priority.NORMAL, Priority.HIGH, Priority.URGENT);

    private final VisibleTickets tickets;
    private final AccessPolicy policy;
    private final GroupService groups;
    private final CustomViews customViews;

    TicketViews(VisibleTickets tickets, AccessPolicy policy, GroupService groups, CustomViews customViews) {
        this.tickets = tickets;
        this.policy = policy;
        this.groups = groups;
        this.customViews = customViews;
    }

    /** A view: {@code label} is a message key, or the group's name for a group queue ({@code labelIsName}). */
    public record View(String key, String label, boolean labelIsName, Specification<Ticket> filter) {
    }

    public record CountedView(View view, long count) {
    }

    List<View> views(Actor agent) {
        List<View> views = new ArrayList<>();
        long me = agent.id();
        views.add(new View("your-unsolved", "ws.view.yourUnsolved", false,
                unsolved().and((root, q, cb) -> cb.equal(root.get("assigneeId"), me))));
        views.add(new View("unassigned", "ws.view.unassigned", false,
                unsolved().and((root, q, cb) -> cb.isNull(root.get("assigneeId")))));
        for (GroupMembership m : groups.memberships(me, null, new PageParams(false, 1, 100, null, null),
                new Paging.Ordering(Paging.SortKey.ID, true)).items()) {
            Optional<Group> group = groups.findActive(m.getGroupId());
            group.ifPresent(g -> views.add(new View("group-" + g.getId(), g.getName(), true,
                    unsolved().and((root, q, cb) -> cb.equal(root.get("groupId"), g.getId())))));
        }
        views.add(new View("all-unsolved", "ws.view.allUnsolved", false, unsolved()));
        views.add(new View("private", "ws.view.private", false,
                (root, q, cb) -> cb.isFalse(root.get("privacy").get("isPublic"))));
        views.add(new View("recent", "ws.view.recent", false,
                (root, q, cb) -> cb.greaterThan(root.get("updatedAt"), Instant.now().minus(RECENT))));
        for (CustomViews.SideBarView v : customViews.sideBar(agent)) {
            views.add(new View("custom-" + v.view().getId(), v.view().getTitle(), true, v.filter()));
        }
        return views;
    }

    List<CountedView> counted(Actor agent) {
        return views(agent).stream().map(v -> new CountedView(v, tickets.count(policy.viewerFor(agent), v.filter()))).toList();
    }

    Optional<View> view(Actor agent, String key) {
        return views(agent).stream().filter(v -> v.key().equals(key)).findFirst();
    }

    /** One page of a view; ties are broken by ticket id, so paging is stable whatever the column. */
    record ViewPage(List<Ticket> items, int page, long total, boolean hasPrevious, boolean hasMore) {
    }

    ViewPage page(Actor agent, View view, int page, String sort, boolean ascending) {
        if (SORTED_BY_MEANING.contains(sort)) {
            Page<Ticket> result = tickets.ticketsInFilterOrder(policy.viewerFor(agent), view.filter().and(orderedBy(sort, ascending)),
                    page, PAGE_SIZE);
            return new ViewPage(result.getContent(), page, result.getTotalElements(), page > 1, result.hasNext());
        }
        Paging.SortKey key = SORT_KEYS.stream().filter(k -> k.wireName().equals(sort)).findFirst().orElse(Paging.SortKey.UPDATED_AT);
        Paging.Result<Ticket> result = tickets.tickets(policy.viewerFor(agent), view.filter(),
                new PageParams(false, page, PAGE_SIZE, null, null), new Paging.Ordering(key, ascending));
        return new ViewPage(result.items(), result.params().page(), result.totalCount(), result.hasPrevious(), result.hasMore());
    }

    /** Orders the list query (a count query ignores it); the requester's name comes from a join on the user. */
    private static Specification<Ticket> orderedBy(String sort, boolean ascending) {
        return (root, q, cb) -> {
            if (Long.class.equals(q.getResultType()) || long.class.equals(q.getResultType())) {
                return null;
            }
            Expression<?> value;
            if ("requester".equals(sort)) {
                Root<User> requester = q.from(User.class);
                value = cb.lower(requester.get("name"));
                q.orderBy(ascending ? cb.asc(value) : cb.desc(value), ascending ? cb.asc(root.get("id")) : cb.desc(root.get("id")));
                return cb.equal(requester.get("id"), root.get("requesterId"));
            }
            CriteriaBuilder.Case<Integer> rank = cb.selectCase();
            List<? extends Enum<?>> order = "status".equals(sort) ? STATUS_ORDER : PRIORITY_ORDER;
            for (int i = 0; i < order.size(); i++) {
                rank = rank.when(cb.equal(root.get(sort), order.get(i)), i + 1);
            }
            value = rank.otherwise(0);
            q.orderBy(ascending ? cb.asc(value) : cb.desc(value), ascending ? cb.asc(root.get("id")) : cb.desc(root.get("id")));
            return null;
        };
    }

    private static Specification<Ticket> unsolved() {
        return (root, q, cb) -> root.get("status").in(UNSOLVED);
    }
}
