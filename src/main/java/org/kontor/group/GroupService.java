package org.kontor.group;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.kontor.api.PageParams;
import org.kontor.api.Paging;
import org.kontor.common.InvalidInput;
import org.kontor.common.NotFound;
import org.kontor.user.AgentDemoted;
import org.kontor.user.User;
import org.kontor.user.UserDeletion;
import org.kontor.user.UserService;
import org.springframework.context.event.EventListener;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class GroupService {
    private final GroupRepository groups;
    private final GroupMembershipRepository memberships;
    private final UserService users;

    GroupService(GroupRepository groups, GroupMembershipRepository memberships, UserService users) {
        this.groups = groups;
        this.memberships = memberships;
        this.users = users;
    }

    @Transactional
    public Group create(String name, String description) {
        if (name == null || name.isBlank()) {
            throw InvalidInput.of("name", "err.name.blank", "Name: cannot be blank");
        }
        return groups.save(new Group(name.trim(), description));
    }

    @Transactional
    public Group update(long id, String name, String description) {
        Group group = get(id);
        if (name != null) {
            if (name.isBlank()) {
                throw InvalidInput.of("name", "err.name.blank", "Name: cannot be blank");
            }
            group.rename(name.trim());
        }
        if (description != null) {
            group.describe(description);
        }
        return group;
    }

    /**
     * Soft delete, as Zendesk: solved and closed tickets keep pointing at the group, and it still shows in their
     * history. Its memberships end, so the deleted queue is nobody's default group and takes no newly assigned
     * tickets. A group whose queue still holds unsolved tickets is not deleted: they would wait in a queue nobody
     * works, so the admin moves them first.
     */
    @Transactional
    public void delete(long id) {
        Group group = get(id);
        long unsolved = groups.countUnsolvedTickets(id);
        if (unsolved > 0) {
            throw InvalidInput.of("group_id", "err.group.hasUnsolvedTickets",
                    "Group: " + group.getName() + " still has " + unsolved + " unsolved tickets; move them to another group first",
                    group.getName(), unsolved);
        }
        group.delete();
        memberships.findByGroupId(id).forEach(this::remove);
    }

    @Transactional(readOnly = true)
    public Group get(long id) {
        return groups.findById(id).filter(g -> !g.isDeleted()).orElseThrow(NotFound::new);
    }

    @Transactional(readOnly = true)
    public Optional<Group> findActive(Long id) {
        return id == null ? Optional.empty() : groups.findById(id).filter(g -> !g.isDeleted());
    }

    /** Side-loading: these groups, deleted ones included (a ticket may still name one). */
    @Transactional(readOnly = true)
    public List<Group> findAll(Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : groups.findAllById(ids);
    }

    @Transactional(readOnly = true)
    public Paging.Result<Group> page(PageParams params, Paging.Ordering ordering) {
        return Paging.fetch(groups, (root, q, cb) -> cb.isFalse(root.get("deleted")), params, ordering);
    }

    @Transactional
    public GroupMembership addMember(long userId, long groupId, boolean makeDefault) {
        User user = users.find(userId).orElseThrow(() -> new InvalidInput("user_id", "User: " + userId + " does not exist"));
        if (!user.isAgent()) {
            throw new InvalidInput("user_id", "User: only agents can be members of groups");
        }
        findActive(groupId).orElseThrow(() -> new InvalidInput("group_id", "Group: " + groupId + " does not exist"));
        if (memberships.existsByUserIdAndGroupId(userId, groupId)) {
            throw new InvalidInput("user_id", "User: is already a member of this group");
        }
        boolean first = memberships.findByUserId(userId).isEmpty();
        if (makeDefault) {
            memberships.findByUserId(userId).forEach(m -> m.makeDefault(false));
        }
        return memberships.save(new GroupMembership(userId, groupId, makeDefault || first));
    }

    @Transactional
    public void removeMembership(long membershipId) {
        remove(memberships.findById(membershipId).orElseThrow(NotFound::new));
    }

    /** A deleted agent leaves their groups (and so their queues and group notifications). */
    @EventListener
    void on(UserDeletion deletion) {
        if (deletion.agent()) {
            memberships.findByUserId(deletion.userId()).forEach(this::remove);
        }
    }

    /** Only agents are group members: one who becomes an end user leaves their groups. */
    @EventListener
    void on(AgentDemoted demotion) {
        memberships.findByUserId(demotion.userId()).forEach(this::remove);
    }

    /** An agent who still has groups keeps a default one: the oldest remaining membership takes over. */
    private void remove(GroupMembership membership) {
        memberships.delete(membership);
        if (membership.isDefaultMembership()) {
            memberships.findByUserId(membership.getUserId()).stream()
                    .filter(m -> !m.getId().equals(membership.getId()) && findActive(m.getGroupId()).isPresent())
                    .min(Comparator.comparing(GroupMembership::getId))
                    .ifPresent(m -> m.makeDefault(true));
        }
    }

    /** The group's members become exactly these agents (memberships of others end; new ones are not default). */
    @Transactional
    public void setMembers(long groupId, Collection<Long> agentIds) {
        get(groupId);
        Set<Long> wanted = new HashSet<>(agentIds);
        memberships.findByGroupId(groupId).stream().filter(m -> !wanted.remove(m.getUserId())).toList().forEach(this::remove);
        wanted.forEach(userId -> addMember(userId, groupId, false));
    }

    /** The agent's groups become exactly these (deleted groups cannot be joined). */
    @Transactional
    public void setGroupsOf(long userId, Collection<Long> groupIds) {
        Set<Long> wanted = new HashSet<>(groupIds);
        memberships.findByUserId(userId).stream().filter(m -> !wanted.remove(m.getGroupId())).toList().forEach(this::remove);
        wanted.forEach(groupId -> addMember(userId, groupId, false));
    }

    @Transactional(readOnly = true)
    public List<Long> groupIdsOf(long userId) {
        return memberships.findByUserId(userId).stream().map(GroupMembership::getGroupId).toList();
    }

    @Transactional(readOnly = true)
    public List<Long> memberIdsOf(long groupId) {
        return memberships.findByGroupId(groupId).stream().map(GroupMembership::getUserId).toList();
    }

    @Transactional(readOnly = true)
    public GroupMembership getMembership(long id) {
        return memberships.findById(id).orElseThrow(NotFound::new);
    }

    @Transactional(readOnly = true)
    public Paging.Result<GroupMembership> memberships(Long userId, Long groupId, PageParams params, Paging.Ordering ordering) {
        Specification<GroupMembership> spec = (root, q, cb) -> cb.conjunction();
        if (userId != null) {
            spec = spec.and((root, q, cb) -> cb.equal(root.get("userId"), userId));
        }
        if (groupId != null) {
            spec = spec.and((root, q, cb) -> cb.equal(root.get("groupId"), groupId));
        }
        return Paging.fetch(memberships, spec, params, ordering);
    }

    @Transactional(readOnly = true)
    public boolean isMember(long userId, long groupId) {
        return memberships.existsByUserIdAndGroupId(userId, groupId);
    }

    /** The group a ticket lands in when only an assignee is given, as Zendesk does. */
    @Transactional(readOnly = true)
    public Optional<Long> defaultGroupOf(long userId) {
        return memberships.findByUserId(userId).stream().filter(GroupMembership::isDefaultMembership)
                .map(GroupMembership::getGroupId).findFirst();
    }
}
