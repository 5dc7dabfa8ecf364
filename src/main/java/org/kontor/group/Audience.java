package org.kontor.group;

import java.util.List;
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
    private boolean includes(Kind kind, Long id, Actor actor, Set<Long> actorGroups) {
        if (actor.isAdmin() || kind == null) {
            return true;
        }
        return kind == Kind.GROUP ? actorGroups.contains(id) : Long.valueOf(actor.id()).equals(id);
    }

    /**
     * Whether it belongs in the actor's own workspace (the macro menu, the side bar): someone else's personal one
     * does not, not even for an admin, who manages it elsewhere.
     */
    private boolean forWorkspaceOf(Kind kind, Long id, Actor actor, Set<Long> actorGroups) {
        return kind == Kind.USER ? Long.valueOf(actor.id()).equals(id) : includes(kind, id, actor, actorGroups);
    }

    private boolean mayManage(Kind kind, Long id, Actor actor) {
        return actor.isAdmin() || (actor.isAgent() && kind == Kind.USER && Long.valueOf(actor.id()).equals(id));
    }

    public boolean isVisibleTo(SharedTool tool, Actor actor) {
        return includes(tool.getRestriction(), tool.getRestrictionId(), actor, groupsOf(actor));
    }

    /** Those of the tools the actor may see and use through the API ({@link #includes}). */
    public <T extends SharedTool> List<T> visibleTo(List<T> tools, Actor actor) {
        Set<Long> mine = groupsOf(actor);
        return tools.stream().filter(t -> includes(t.getRestriction(), t.getRestrictionId(), actor, mine)).toList();
    }

    /** The active tools of the actor's own workspace ({@link #forWorkspaceOf}). */
    public <T extends SharedTool> List<T> inWorkspaceOf(List<T> tools, Actor actor) {
        Set<Long> mine = groupsOf(actor);
        return tools.stream().filter(SharedTool::isActive)
                .filter(t -> forWorkspaceOf(t.getRestriction(), t.getRestrictionId(), actor, mine)).toList();
    }

    public boolean mayManage(SharedTool tool, Actor actor) {
        return mayManage(tool.getRestriction(), tool.getRestrictionId(), actor);
    }

    /** A title of at most 255 characters and a description of at most 10,000, when given. */
    public static void checkTexts(String title, String description) {
        if (title != null && title.strip().length() > 255) {
            throw InvalidInput.of("title", "err.macro.tooLong", "title: is longer than 255 characters", "title", 255);
        }
        if (description != null && description.length() > 10_000) {
            throw InvalidInput.of("description", "err.macro.tooLong", "description: is longer than 10000 characters",
                    "description", 10_000);
        }
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
