package org.kontor.group.api;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kontor.api.Envelope;
import org.kontor.api.Json;
import org.kontor.api.PageParams;
import org.kontor.api.Paging;
import org.kontor.group.Group;
import org.kontor.group.GroupMembership;
import org.kontor.group.GroupService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Groups and group memberships (agents only; admins change them). */
@RestController
class GroupsController {
    private static final List<Paging.SortKey> SORTS = List.of(Paging.SortKey.ID, Paging.SortKey.CREATED_AT, Paging.SortKey.UPDATED_AT);
    private static final Paging.Ordering DEFAULT_ORDER = new Paging.Ordering(Paging.SortKey.ID, true);

    private final GroupService groups;

    GroupsController(GroupService groups) {
        this.groups = groups;
    }

    static Map<String, Object> json(Group g) {
        return GroupJson.of(g);
    }

    static Map<String, Object> json(GroupMembership gm) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", gm.getId());
        m.put("url", Envelope.url("group_memberships/" + gm.getId() + ".json"));
        m.put("user_id", gm.getUserId());
        m.put("group_id", gm.getGroupId());
        m.put("default", gm.isDefaultMembership());
        m.put("created_at", Envelope.time(gm.getCreatedAt()));
        m.put("updated_at", Envelope.time(gm.getUpdatedAt()));
        return m;
    }

    @GetMapping({"/api/v2/groups", "/api/v2/groups/assignable"})
    Map<String, Object> list(HttpServletRequest request) {
        return Envelope.page("groups", groups.page(PageParams.from(request),
                Paging.ordering(request.getParameterMap(), DEFAULT_ORDER, SORTS)).map(GroupsController::json), request);
    }

    @GetMapping("/api/v2/groups/{id}")
    Map<String, Object> show(@PathVariable long id) {
        return Envelope.of("group", json(groups.get(id)));
    }

    @PostMapping("/api/v2/groups")
    ResponseEntity<Map<String, Object>> create(@RequestBody JsonNode body) {
        JsonNode g = Json.root(body, "group");
        Group group = groups.create(Json.string(g, "name"), Json.string(g, "description"));
        return ResponseEntity.created(URI.create(Envelope.url("groups/" + group.getId() + ".json")))
                .body(Envelope.of("group", json(group)));
    }

    @PutMapping("/api/v2/groups/{id}")
    Map<String, Object> update(@PathVariable long id, @RequestBody JsonNode body) {
        JsonNode g = Json.root(body, "group");
        return Envelope.of("group", json(groups.update(id, Json.string(g, "name"), Json.string(g, "description"))));
    }

    @DeleteMapping("/api/v2/groups/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        groups.delete(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v2/group_memberships")
    Map<String, Object> memberships(HttpServletRequest request) {
        return membershipPage(null, null, request);
    }

    @GetMapping("/api/v2/groups/{groupId}/memberships")
    Map<String, Object> groupMemberships(@PathVariable long groupId, HttpServletRequest request) {
        groups.get(groupId);
        return membershipPage(null, groupId, request);
    }

    @GetMapping("/api/v2/users/{userId}/group_memberships")
    Map<String, Object> userMemberships(@PathVariable long userId, HttpServletRequest request) {
        return membershipPage(userId, null, request);
    }

    private Map<String, Object> membershipPage(Long userId, Long groupId, HttpServletRequest request) {
        return Envelope.page("group_memberships", groups.memberships(userId, groupId, PageParams.from(request),
                Paging.ordering(request.getParameterMap(), DEFAULT_ORDER, SORTS)).map(GroupsController::json), request);
    }

    @GetMapping("/api/v2/group_memberships/{id}")
    Map<String, Object> membership(@PathVariable long id) {
        return Envelope.of("group_membership", json(groups.getMembership(id)));
    }

    @PostMapping("/api/v2/group_memberships")
    ResponseEntity<Map<String, Object>> addMember(@RequestBody JsonNode body) {
        JsonNode gm = Json.root(body, "group_membership");
        Long userId = Json.id(gm, "user_id");
        Long groupId = Json.id(gm, "group_id");
        if (userId == null || groupId == null) {
            throw new org.kontor.common.InvalidInput("group_membership", "Group membership: user_id and group_id are required");
        }
        GroupMembership membership = groups.addMember(userId, groupId, Boolean.TRUE.equals(Json.bool(gm, "default")));
        return ResponseEntity.created(URI.create(Envelope.url("group_memberships/" + membership.getId() + ".json")))
                .body(Envelope.of("group_membership", json(membership)));
    }

    @DeleteMapping("/api/v2/group_memberships/{id}")
    ResponseEntity<Void> removeMember(@PathVariable long id) {
        groups.removeMembership(id);
        return ResponseEntity.noContent().build();
    }
}
