package org.kontor.workspace;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.kontor.api.PageParams;
import org.kontor.api.Paging;
import org.kontor.group.Group;
import org.kontor.group.GroupService;
import org.kontor.organization.Organization;
import org.kontor.organization.OrganizationService;
import org.kontor.user.Role;
import org.kontor.user.User;
import org.kontor.user.UserService;
import org.springframework.stereotype.Component;

/** People, organizations and groups as the workspace pages show them (names for ids, pick lists). */
@Component
public class Directory {
    private static final Paging.SortKey NAME = new Paging.SortKey("name", "name", false);
    /** Pick lists (agents, groups, organizations) hold this many, by name: a shorter list hides everyone after it. */
    static final int ROSTER_SIZE = 1000;

    private final UserService users;
    private final OrganizationService organizations;
    private final GroupService groups;

    Directory(UserService users, OrganizationService organizations, GroupService groups) {
        this.users = users;
        this.organizations = organizations;
        this.groups = groups;
    }

    /** A user as a type-ahead result or a chosen requester shows them. */
    public record Person(long id, String name, String email, String phone, String organization, String role) {
        public String label() {
            return email != null ? name + " <" + email + ">" : phone != null ? name + " (" + phone + ")" : name;
        }
    }

    Person person(User u) {
        String org = u.getOrganizationId() == null ? null
                : organizations.find(u.getOrganizationId()).map(Organization::getName).orElse(null);
        return new Person(u.getId(), u.getName(), u.getEmail(), u.getPhone(), org, u.getRole().wire());
    }

    List<Person> people(List<User> found) {
        Map<Long, String> orgNames = new HashMap<>();
        return found.stream().map(u -> {
            String org = u.getOrganizationId() == null ? null : orgNames.computeIfAbsent(u.getOrganizationId(),
                    id -> organizations.find(id).map(Organization::getName).orElse(null));
            return new Person(u.getId(), u.getName(), u.getEmail(), u.getPhone(), org, u.getRole().wire());
        }).toList();
    }

    /** Names by user id, for lists and conversations. */
    public Map<Long, String> names(Collection<Long> ids) {
        Map<Long, String> names = new HashMap<>();
        users.findAll(ids.stream().filter(Objects::nonNull).distinct().toList()).forEach(u -> names.put(u.getId(), u.getName()));
        return names;
    }

    /**
     * Agents who can be assigned and put in groups, the team's whole roster (up to {@link #ROSTER_SIZE}) by name:
     * deactivated (suspended) ones are left out. A shorter pick list would hide everyone after its last name.
     */
    public List<User> agents() {
        return users.page(UserService.roleSpec(List.of(Role.AGENT, Role.ADMIN)).and((root, q, cb) -> cb.isTrue(root.get("active")))
                        .and((root, q, cb) -> cb.isFalse(root.get("suspended"))),
                new PageParams(false, 1, ROSTER_SIZE, null, null), new Paging.Ordering(NAME, true)).items();
    }

    /** Every agent and admin, deactivated ones included, for the admin's list. */
    List<User> allAgents() {
        return users.page(UserService.roleSpec(List.of(Role.AGENT, Role.ADMIN)).and((root, q, cb) -> cb.isTrue(root.get("active"))),
                new PageParams(false, 1, ROSTER_SIZE, null, null), new Paging.Ordering(NAME, true)).items();
    }

    public List<Group> groups() {
        return groups.page(new PageParams(false, 1, ROSTER_SIZE, null, null), new Paging.Ordering(NAME, true)).items()
                .stream().filter(g -> !g.isDeleted()).toList();
    }

    List<Organization> organizations() {
        return organizations.page(new PageParams(false, 1, ROSTER_SIZE, null, null), new Paging.Ordering(NAME, true)).items();
    }

    /** R2: the users matching what the agent typed, best few first. */
    List<Person> lookup(String query, int limit) {
        return people(users.typeahead(query, limit));
    }
}
