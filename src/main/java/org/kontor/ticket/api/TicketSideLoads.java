package org.kontor.ticket.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import org.kontor.api.Include;
import org.kontor.group.GroupService;
import org.kontor.group.api.GroupJson;
import org.kontor.organization.OrganizationService;
import org.kontor.organization.api.OrganizationJson;
import org.kontor.ticket.Comment;
import org.kontor.ticket.Ticket;
import org.kontor.user.User;
import org.kontor.user.UserService;
import org.kontor.user.api.UserJson;
import org.kontor.visibility.AccessPolicy;
import org.kontor.visibility.Viewer;
import org.kontor.visibility.VisibleTickets;
import org.springframework.stereotype.Component;

/**
 * Zendesk's side-loading on the Tickets API. {@code ?include=users,groups,organizations} adds top-level
 * {@code users}, {@code groups} and {@code organizations} arrays with the records the tickets name (requester,
 * submitter, assignee and CCs; group; organization) so that a client needs no request per id;
 * {@code include=comment_count} adds each ticket's {@code comment_count}. On comments, {@code include=users} adds
 * their authors. Only records the access policy lets the caller see are added.
 */
@Component
class TicketSideLoads {
    private final UserService users;
    private final GroupService groups;
    private final OrganizationService organizations;
    private final VisibleTickets visible;
    private final AccessPolicy policy;

    TicketSideLoads(UserService users, GroupService groups, OrganizationService organizations, VisibleTickets visible,
                    AccessPolicy policy) {
        this.users = users;
        this.groups = groups;
        this.organizations = organizations;
        this.visible = visible;
        this.policy = policy;
    }

    /** Adds what the request includes to a response whose {@code root} holds these tickets (a list or one ticket). */
    Map<String, Object> tickets(Map<String, Object> body, String root, List<Ticket> tickets, Viewer viewer,
                                HttpServletRequest request) {
        Set<String> include = Include.from(request);
        if (include.isEmpty()) {
            return body;
        }
        if (include.contains("comment_count")) {
            Map<Long, Long> counts = visible.commentCounts(viewer, tickets);
            for (Map<String, Object> json : ticketJson(body.get(root))) {
                json.put("comment_count", counts.getOrDefault((Long) json.get("id"), 0L));
            }
        }
        if (include.contains("users")) {
            body.put("users", users(viewer, tickets.stream().flatMap(t -> Stream.concat(
                    Stream.of(t.getRequesterId(), t.getSubmitterId(), t.getAssigneeId()), t.getCollaboratorIds().stream()))));
        }
        if (include.contains("groups")) {
            body.put("groups", sorted(groups.findAll(ids(tickets.stream().map(Ticket::getGroupId))), g -> g.getId(), GroupJson::of));
        }
        if (include.contains("organizations")) {
            body.put("organizations", sorted(organizations.findAll(ids(tickets.stream().map(Ticket::getOrganizationId))),
                    o -> o.getId(), OrganizationJson::of));
        }
        return body;
    }

    /** {@code include=users} on a ticket's comments: their authors. */
    Map<String, Object> comments(Map<String, Object> body, List<Comment> comments, Viewer viewer, HttpServletRequest request) {
        if (Include.from(request).contains("users")) {
            body.put("users", users(viewer, comments.stream().map(Comment::getAuthorId)));
        }
        return body;
    }

    private List<Map<String, Object>> users(Viewer viewer, Stream<Long> ids) {
        List<User> found = users.findAll(ids(ids)).stream().filter(u -> policy.canSee(viewer, u)).toList();
        return sorted(found, User::getId, u -> UserJson.of(u, viewer.agentView()));
    }

    private static Collection<Long> ids(Stream<Long> ids) {
        return ids.filter(Objects::nonNull).collect(java.util.stream.Collectors.toCollection(TreeSet::new));
    }

    private static <T> List<Map<String, Object>> sorted(List<T> records, Function<T, Long> id, Function<T, Map<String, Object>> json) {
        return records.stream().sorted(Comparator.comparing(id)).map(json).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> ticketJson(Object root) {
        if (root instanceof Map<?, ?> one) {
            return List.of((Map<String, Object>) one);
        }
        return (List<Map<String, Object>>) root;
    }
}
