package org.kontor.trigger;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.kontor.api.PageParams;
import org.kontor.api.Paging;
import org.kontor.common.RuleViolation;
import org.kontor.group.GroupMembership;
import org.kontor.group.GroupService;
import org.kontor.notification.NotificationOutbox;
import org.kontor.ticket.Channel;
import org.kontor.ticket.Priority;
import org.kontor.ticket.Ticket;
import org.kontor.ticket.TicketChangeHook;
import org.kontor.ticket.TicketStatus;
import org.kontor.ticket.TicketType;
import org.kontor.ticket.TicketUpdate;
import org.kontor.trigger.TriggerRules.Action;
import org.kontor.trigger.TriggerRules.Condition;
import org.kontor.user.Actor;
import org.kontor.user.Role;
import org.kontor.user.User;
import org.kontor.user.UserService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Runs the active triggers after every ticket change, inside its transaction: in position order, again and again
 * while a pass fires something (a trigger's actions can make a later or earlier one match), each trigger at most
 * once per change, as Zendesk does. Emails are written to the outbox, never sent here.
 */
// First among the hooks: the others (reports) record what the rules changed too.
@Order(0)
@Component
class TriggerEngine implements TicketChangeHook {
    private static final Logger log = LoggerFactory.getLogger(TriggerEngine.class);
    private static final int MAX_PASSES = 10;

    private final TriggerService triggers;
    private final NotificationOutbox outbox;
    private final UserService users;
    private final GroupService groups;

    TriggerEngine(TriggerService triggers, NotificationOutbox outbox, UserService users, GroupService groups) {
        this.triggers = triggers;
        this.outbox = outbox;
        this.users = users;
        this.groups = groups;
    }

    /** Time spent evaluating triggers (and applying their actions), for the trigger benchmark. */
    private final java.util.concurrent.atomic.LongAdder evaluationNanos = new java.util.concurrent.atomic.LongAdder();

    @Override
    public void afterChange(TicketUpdate update) {
        long start = System.nanoTime();
        run(triggers.active(), update);
        evaluationNanos.add(System.nanoTime() - start);
    }

    long evaluationNanos() {
        return evaluationNanos.sum();
    }

    /** Returns the ids of the triggers that fired, in firing order. */
    List<Long> run(List<TriggerService.ActiveTrigger> active, TicketUpdate update) {
        List<Long> fired = new ArrayList<>();
        if (active.isEmpty()) {
            return fired;
        }
        Set<Long> done = new HashSet<>();
        boolean firedInPass = true;
        for (int pass = 0; firedInPass && pass < MAX_PASSES; pass++) {
            firedInPass = false;
            for (TriggerService.ActiveTrigger t : active) {
                if (!done.contains(t.id()) && matches(t.rules(), update)) {
                    done.add(t.id());
                    fired.add(t.id());
                    firedInPass = true;
                    apply(t, update);
                }
            }
        }
        return fired;
    }

    static boolean matches(TriggerRules rules, TicketUpdate u) {
        for (Condition c : rules.all()) {
            if (!holds(c, u)) {
                return false;
            }
        }
        if (rules.any().isEmpty()) {
            return true;
        }
        for (Condition c : rules.any()) {
            if (holds(c, u)) {
                return true;
            }
        }
        return false;
    }

    static boolean holds(Condition c, TicketUpdate u) {
        Ticket t = u.ticket();
        String op = c.operator();
        String v = c.value();
        return switch (c.field()) {
            case "update_type" -> equality(op, u.isCreate() ? "Create" : "Change", v);
            case "status" -> ordered(op, t.getStatus().ordinal(), TicketStatus.parse(v).map(Enum::ordinal).orElse(-1))
                    .orElseGet(() -> valueOrChange(op, u, "status", t.getStatus().wire(), v));
            case "priority" -> ordered(op, t.getPriority() == null ? -1 : t.getPriority().ordinal(),
                    Priority.parse(v).map(Enum::ordinal).orElse(-1))
                    .orElseGet(() -> valueOrChange(op, u, "priority", t.getPriority() == null ? "" : t.getPriority().wire(), v));
            case "type" -> valueOrChange(op, u, "type", t.getType() == null ? "" : t.getType().wire(), v);
            case "ticket_is_public" -> valueOrChange(op, u, "is_public", String.valueOf(t.isPublic()), String.valueOf("public".equals(v)));
            case "comment_is_public" -> equality(op, commentVisibility(u), v.equals("requester_can_see_comment") ? "true" : v);
            case "role" -> op.equals("is") == roleIs(u.actor(), v);
            case "requester_id" -> valueOrChange(op, u, "requester_id", id(t.getRequesterId()), resolveId(v, u));
            case "assignee_id" -> valueOrChange(op, u, "assignee_id", id(t.getAssigneeId()), resolveId(v, u));
            case "group_id" -> valueOrChange(op, u, "group_id", id(t.getGroupId()), resolveId(v, u));
            case "organization_id" -> valueOrChange(op, u, "organization_id", id(t.getOrganizationId()), resolveId(v, u));
            case "current_tags" -> {
                Set<String> tags = t.getTags();
                boolean anyPresent = tags(v).stream().anyMatch(tags::contains);
                yield op.equals("includes") == anyPresent;
            }
            case "via_id" -> op.equals("is") == (t.getVia() == Channels.parse(v));
            case "current_via_id" -> op.equals("is") == (u.via() == Channels.parse(v));
            default -> false;
        };
    }

    private static boolean equality(String op, String actual, String expected) {
        return op.equals("is") == Objects.equals(actual, expected);
    }

    private static Optional<Boolean> ordered(String op, int actual, int expected) {
        if (op.equals("less_than")) {
            return Optional.of(actual >= 0 && expected >= 0 && actual < expected);
        }
        if (op.equals("greater_than")) {
            return Optional.of(actual >= 0 && expected >= 0 && actual > expected);
        }
        return Optional.empty();
    }

    /** {@code is}/{@code is_not} on the current value, or Zendesk's change operators on this update's audit. */
    private static boolean valueOrChange(String op, TicketUpdate u, String auditField, String current, String target) {
        if (op.equals("is") || op.equals("is_not")) {
            return equality(op, current, target);
        }
        Optional<TicketUpdate.FieldChange> change = u.change(auditField);
        String before = change.map(ch -> text(ch.previous())).orElse(null);
        String after = change.map(ch -> text(ch.value())).orElse(null);
        boolean changed = change.isPresent() && !Objects.equals(before, after);
        return switch (op) {
            case "changed" -> changed;
            case "not_changed" -> !changed;
            case "value" -> changed && Objects.equals(after, target);
            case "value_previous" -> changed && Objects.equals(before, target);
            case "not_value" -> changed && !Objects.equals(after, target);
            case "not_value_previous" -> changed && !Objects.equals(before, target);
            default -> false;
        };
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static String id(Long id) {
        return id == null ? "" : id.toString();
    }

    private static String resolveId(String v, TicketUpdate u) {
        return switch (v) {
            case "current_user" -> String.valueOf(u.actor().id());
            case "requester_id" -> id(u.ticket().getRequesterId());
            default -> v;
        };
    }

    /** "not_relevant" when the change wrote no comment; "true" when it wrote a public one. */
    private static String commentVisibility(TicketUpdate u) {
        if (u.comments().isEmpty()) {
            return "not_relevant";
        }
        return u.comments().stream().anyMatch(cm -> cm.isPublic()) ? "true" : "false";
    }

    private static boolean roleIs(Actor actor, String v) {
        return switch (v) {
            case "end_user" -> actor.role() == Role.END_USER;
            case "agent" -> actor.isAgent();
            case "admin" -> actor.isAdmin();
            default -> false;
        };
    }

    static Set<String> tags(String value) {
        Set<String> result = new TreeSet<>();
        for (String t : value.trim().toLowerCase(Locale.ROOT).split("\\s+")) {
            if (!t.isEmpty()) {
                result.add(t);
            }
        }
        return result;
    }

    private void apply(TriggerService.ActiveTrigger trigger, TicketUpdate u) {
        List<Action> actions = trigger.rules().actions();
        for (int i = 0; i < actions.size(); i++) {
            Action a = actions.get(i);
            int index = i;
            try {
                u.asRule(trigger.id(), trigger.title(), () -> applyAction(trigger, index, a, u));
            } catch (RuleViolation e) {
                // A rule's action the life cycle forbids (e.g. closing an unsolved ticket) is skipped, not the change.
                log.info("Trigger {} action {} skipped on ticket {}: {}", trigger.id(), a.field(), u.ticket().getId(), e.getMessage());
            }
        }
    }

    private void applyAction(TriggerService.ActiveTrigger trigger, int index, Action a, TicketUpdate u) {
        Ticket t = u.ticket();
        String v = a.value();
        switch (a.field()) {
            case "status" -> TicketStatus.parse(v).ifPresent(u::changeStatus);
            case "priority" -> u.changePriority(Priority.parse(v).orElse(null));
            case "type" -> u.changeType(TicketType.parse(v).orElse(null));
            case "set_tags" -> u.replaceTags(tags(v));
            case "current_tags", "add_tags" -> {
                Set<String> next = new TreeSet<>(t.getTags());
                next.addAll(tags(v));
                u.replaceTags(next);
            }
            case "remove_tags" -> {
                Set<String> next = new TreeSet<>(t.getTags());
                next.removeAll(tags(v));
                u.replaceTags(next);
            }
            case "group_id" -> {
                Long group = v.isEmpty() ? null : Long.valueOf(v);
                if (group != null && groups.findActive(group).isEmpty()) {
                    log.info("Trigger {}: group {} does not exist; action skipped", trigger.id(), group);
                    return;
                }
                Long assignee = t.getAssigneeId();
                if (assignee != null && group != null && !groups.isMember(assignee, group)) {
                    assignee = null;
                }
                u.assign(assignee, group);
            }
            case "assignee_id" -> {
                Long assignee = v.isEmpty() ? null : v.equals("current_user") ? Long.valueOf(u.actor().id()) : Long.valueOf(v);
                if (assignee != null) {
                    Optional<User> user = users.find(assignee);
                    if (user.isEmpty() || !user.get().isAgent() || !user.get().canSignIn()) {
                        log.info("Trigger {}: user {} is not an active agent; action skipped", trigger.id(), assignee);
                        return;
                    }
                }
                Long group = t.getGroupId();
                if (assignee != null && (group == null || !groups.isMember(assignee, group))) {
                    group = groups.defaultGroupOf(assignee).orElse(null);
                }
                u.assign(assignee, group);
            }
            case "notification_user" -> outbox.enqueue(u, trigger.id(), trigger.title(), index, userRecipients(v, u),
                    a.values().get(1), a.values().get(2));
            case "notification_group" -> {
                Long group = v.equals("group_id") ? t.getGroupId() : Long.valueOf(v);
                if (group != null) {
                    outbox.enqueue(u, trigger.id(), trigger.title(), index, withoutActor(groupMembers(group), u),
                            a.values().get(1), a.values().get(2));
                }
            }
            default -> log.warn("Trigger {}: unknown action {}", trigger.id(), a.field());
        }
    }

    private Collection<Long> userRecipients(String recipient, TicketUpdate u) {
        Ticket t = u.ticket();
        return switch (recipient) {
            case "requester_id" -> List.of(t.getRequesterId());
            case "requester_and_ccs" -> {
                Set<Long> ids = new LinkedHashSet<>();
                ids.add(t.getRequesterId());
                ids.addAll(t.getCollaboratorIds());
                yield withoutActor(ids, u);
            }
            case "assignee_id" -> t.getAssigneeId() == null ? List.of() : List.of(t.getAssigneeId());
            case "current_user" -> List.of(u.actor().id());
            case "all_agents" -> withoutActor(allAgents(), u);
            default -> List.of(Long.valueOf(recipient));
        };
    }

    /** Whoever made the change is not emailed about it by the list recipients (requester and CCs, groups, all agents). */
    private static Collection<Long> withoutActor(Collection<Long> ids, TicketUpdate u) {
        Set<Long> result = new LinkedHashSet<>(ids);
        result.remove(u.actor().id());
        return result;
    }

    private List<Long> groupMembers(long groupId) {
        List<Long> ids = new ArrayList<>();
        for (int page = 1; page <= 20; page++) {
            Paging.Result<GroupMembership> result = groups.memberships(null, groupId, new PageParams(false, page, 100, null, null),
                    new Paging.Ordering(Paging.SortKey.ID, true));
            result.items().forEach(m -> ids.add(m.getUserId()));
            if (!result.hasMore()) {
                break;
            }
        }
        return ids;
    }

    private List<Long> allAgents() {
        List<Long> ids = new ArrayList<>();
        for (int page = 1; page <= 20; page++) {
            Paging.Result<User> result = users.page(UserService.roleSpec(List.of(Role.AGENT, Role.ADMIN)),
                    new PageParams(false, page, 100, null, null), new Paging.Ordering(Paging.SortKey.ID, true));
            result.items().stream().filter(User::canSignIn).forEach(x -> ids.add(x.getId()));
            if (!result.hasMore()) {
                break;
            }
        }
        return ids;
    }

    static Channel channel(String v) {
        return Channels.parse(v);
    }
}
