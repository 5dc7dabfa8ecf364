package org.kontor.group;

import java.util.Set;
import org.kontor.common.Forbidden;
import org.kontor.common.InvalidInput;
import org.kontor.user.Actor;
import org.kontor.user.User;
import org.kontor.user.UserService;
import org.springframework.stereotype.Component;

/**
 * Who may use a shared tool such as a macro or a view (Zendesk's {@code restriction}): every agent (no restriction),
 * one group's members, or one agent (personal). Admins manage and see all; an agent manages only personal ones of
 * their own.
 */
@Component
public class Audience {
    public enum Kind { GROUP, USER }

    /** A restriction as given on create or update; {@code given} false: not sent, leave it as it is. */
    public record Choice(boolean given, Kind kind, Long id) {
        public static final Choice NOT_GIVEN = new Choice(false, null, null);
    }

    private final GroupService groups;
    private final UserService users;

    Audience(GroupService groups, UserService users) {
        this.groups = groups;
        this.users = users;
    }

    public Set<Long> groupsOf(Actor actor) {
        return Set.copyOf(groups.groupIdsOf(actor.id()));
    }

    /** Whether the actor may see and use it through the API: admins every one, agents theirs and their groups'. */
    public boolean includes(Kind kind, Long id, Actor actor, Set<Long> actorGroups) {
        if (actor.isAdmin() || kind == null) {
            return true;
        }
        return kind == Kind.GROUP ? actorGroups.contains(id) : Long.valueOf(actor.id()).equals(id);
    }

    /**
     * Whether it belongs in the actor's own workspace (the macro menu, the side bar): someone else's personal one
     * does not, not even for an admin, who manages it elsewhere.
     */
    public boolean forWorkspaceOf(Kind kind, Long id, Actor actor, Set<Long> actorGroups) {
        return kind == Kind.USER ? Long.valueOf(actor.id()).equals(id) : includes(kind, id, actor, actorGroups);
    }

    public boolean mayManage(Kind kind, Long id, Actor actor) {
        return actor.isAdmin() || (actor.isAgent() && kind == Kind.USER && Long.valueOf(actor.id()).equals(id));
    }

    /**
     * The restriction to store: agents' own are personal (made so on create; sharing is refused), an admin's group
     * must exist and a personal one must belong to an agent.
     */
    public Choice check(Choice choice, Actor actor, boolean creating) {
        if (!actor.isAdmin()) {
            if (choice.given() && (choice.kind() != Kind.USER || !Long.valueOf(actor.id()).equals(choice.id()))) {
                throw new Forbidden("Agents keep personal ones only: restriction {\"type\": \"User\", \"id\": your id}");
            }
            return creating || choice.given() ? new Choice(true, Kind.USER, actor.id()) : choice;
        }
        if (choice.kind() == Kind.GROUP && (choice.id() == null || groups.findActive(choice.id()).isEmpty())) {
            throw InvalidInput.of("restriction", "err.macro.group", "Restriction: group " + choice.id() + " does not exist",
                    String.valueOf(choice.id()));
        }
        if (choice.kind() == Kind.USER && (choice.id() == null || users.find(choice.id()).filter(User::isAgent).isEmpty())) {
            throw InvalidInput.of("restriction", "err.macro.user", "Restriction: user " + choice.id() + " is not an agent",
                    String.valueOf(choice.id()));
        }
        return choice;
    }
}
