package org.kontor.macro;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;
import org.kontor.common.Forbidden;
import org.kontor.common.InvalidInput;
import org.kontor.common.NotFound;
import org.kontor.group.Audience;
import org.kontor.group.Group;
import org.kontor.group.GroupService;
import org.kontor.notification.LiquidTemplates;
import org.kontor.ticket.Priority;
import org.kontor.ticket.Ticket;
import org.kontor.ticket.TicketStatus;
import org.kontor.ticket.TicketType;
import org.kontor.user.Actor;
import org.kontor.user.User;
import org.kontor.user.UserService;
import org.kontor.visibility.AccessPolicy;
import org.kontor.visibility.VisibleTickets;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Macros for agents: admins manage shared ones (for all agents or one group), every agent their personal ones.
 * An agent sees and applies the shared macros of all agents and of their groups and their own; admins see all.
 */
@Service
public class MacroService {
    private final MacroRepository macros;
    private final Audience audience;
    private final GroupService groups;
    private final UserService users;
    private final VisibleTickets visible;
    private final AccessPolicy policy;

    MacroService(MacroRepository macros, Audience audience, GroupService groups, UserService users, VisibleTickets visible,
                 AccessPolicy policy) {
        this.macros = macros;
        this.audience = audience;
        this.groups = groups;
        this.users = users;
        this.visible = visible;
        this.policy = policy;
    }

    /** The macros the actor may use, by title; {@code active} null: both. */
    @Transactional(readOnly = true)
    public List<Macro> available(Boolean active, Actor actor) {
        requireAgent(actor);
        return audience.visibleTo(macros.findAllByOrderByTitleAscIdAsc(), actor).stream()
                .filter(m -> active == null || m.isActive() == active).toList();
    }

    /** The active macros of the actor's ticket page menu: not other agents' personal ones, even for admins. */
    @Transactional(readOnly = true)
    public List<Macro> menu(Actor actor) {
        requireAgent(actor);
        return audience.inWorkspaceOf(macros.findAllByOrderByTitleAscIdAsc(), actor);
    }

    @Transactional(readOnly = true)
    public Macro get(long id, Actor actor) {
        requireAgent(actor);
        return macros.findById(id).filter(m -> audience.isVisibleTo(m, actor)).orElseThrow(NotFound::new);
    }

    @Transactional
    public Macro create(MacroDraft draft, Actor actor) {
        requireAgent(actor);
        List<InvalidInput.FieldError> missing = new ArrayList<>();
        if (draft.title() == null || draft.title().isBlank()) {
            missing.add(new InvalidInput.FieldError("title", "Title: cannot be blank", "err.macro.title"));
        }
        if (draft.actions() == null) {
            missing.add(new InvalidInput.FieldError("actions", "Actions: a macro needs at least one action", "err.macro.actionRequired"));
        }
        if (!missing.isEmpty()) {
            throw new InvalidInput(missing);
        }
        Audience.checkTexts(draft.title(), draft.description());
        MacroDraft checked = new MacroDraft(draft.title(), draft.description(), draft.active(), draft.actions(),
                audience.check(draft.restriction(), actor, true));
        return macros.save(new Macro(checked, Instant.now()));
    }

    @Transactional
    public Macro update(long id, MacroDraft draft, Actor actor) {
        Macro macro = manageable(id, actor);
        if (draft.title() != null && draft.title().isBlank()) {
            throw InvalidInput.of("title", "err.macro.title", "Title: cannot be blank");
        }
        Audience.checkTexts(draft.title(), draft.description());
        macro.change(new MacroDraft(draft.title(), draft.description(), draft.active(), draft.actions(),
                audience.check(draft.restriction(), actor, false)), Instant.now());
        return macro;
    }

    @Transactional
    public void delete(long id, Actor actor) {
        macros.delete(manageable(id, actor));
    }

    /** Whether the actor may change or delete the macro (admins: all; agents: their personal ones). */
    public boolean mayManage(Macro macro, Actor actor) {
        return audience.mayManage(macro, actor);
    }

    /**
     * The proposal of a macro for a ticket the actor may see: the reply with placeholders filled in and the fields as
     * they would be. Nothing is saved; submitting goes through the ordinary update and its rules.
     */
    @Transactional(readOnly = true)
    public Proposal apply(long ticketId, long macroId, Actor actor) {
        Ticket ticket = visible.ticket(policy.viewerFor(actor), ticketId);
        Macro macro = get(macroId, actor);
        MacroActions a = macro.actions();
        Set<String> changed = new LinkedHashSet<>();
        for (MacroActions.Action action : a.actions()) {
            changed.add(switch (action.field()) {
                case "comment_value", "comment_value_html", "comment_mode_is_public" -> "comment";
                case "set_tags", "current_tags", "remove_tags" -> "tags";
                default -> action.field();
            });
        }
        changed.remove("comment");
        Map<String, Object> variables = variables(ticket, actor);
        String html = a.value("comment_value_html").map(t -> render(t, variables)).orElse(null);
        String text = a.value("comment_value").map(t -> render(t, variables))
                .orElse(html == null ? null : Jsoup.parse(html).wholeText().strip());
        Boolean isPublic = a.value("comment_mode_is_public").map(Boolean::parseBoolean).orElse(null);
        return new Proposal(ticket.getId(), macro.getTitle(), text, html, isPublic, Set.copyOf(changed),
                valueOr(a, "subject", t -> render(t, variables), ticket.getSubject()),
                valueOr(a, "status", v -> TicketStatus.parse(v).orElseThrow(), ticket.getStatus()),
                valueOr(a, "priority", v -> Priority.parse(v).orElse(null), ticket.getPriority()),
                valueOr(a, "type", v -> TicketType.parse(v).orElse(null), ticket.getType()),
                valueOr(a, "assignee_id", v -> v.equals("current_user") ? Long.valueOf(actor.id()) : id(v), ticket.getAssigneeId()),
                valueOr(a, "group_id", MacroService::id, ticket.getGroupId()),
                tags(ticket.getTags(), a));
    }

    /** The macro's value for the field (null when it clears it), or the ticket's when the macro leaves it alone. */
    private static <T> T valueOr(MacroActions a, String field, java.util.function.Function<String, T> parse, T current) {
        Optional<String> value = a.value(field);
        return value.isPresent() ? parse.apply(value.get()) : current;
    }

    private static List<String> tags(java.util.Collection<String> current, MacroActions a) {
        LinkedHashSet<String> tags = new LinkedHashSet<>(current);
        for (MacroActions.Action action : a.actions()) {
            List<String> words = action.value().isBlank() ? List.of() : List.of(action.value().strip().toLowerCase(java.util.Locale.ROOT).split("\\s+"));
            switch (action.field()) {
                case "set_tags" -> {
                    tags.clear();
                    tags.addAll(words);
                }
                case "current_tags" -> tags.addAll(words);
                case "remove_tags" -> words.forEach(tags::remove);
                default -> {
                }
            }
        }
        return List.copyOf(tags);
    }

    private Map<String, Object> variables(Ticket ticket, Actor actor) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("id", ticket.getId());
        t.put("title", ticket.getSubject() == null ? "" : ticket.getSubject());
        t.put("status", ticket.getStatus().wire());
        t.put("priority", ticket.getPriority() == null ? "" : ticket.getPriority().wire());
        t.put("ticket_type", ticket.getType() == null ? "" : ticket.getType().wire());
        t.put("requester", person(users.find(ticket.getRequesterId())));
        t.put("assignee", person(ticket.getAssigneeId() == null ? Optional.empty() : users.find(ticket.getAssigneeId())));
        t.put("group", Map.of("name", ticket.getGroupId() == null ? ""
                : groups.findActive(ticket.getGroupId()).map(Group::getName).orElse("")));
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("ticket", t);
        variables.put("current_user", person(users.find(actor.id())));
        return variables;
    }

    private static Map<String, Object> person(Optional<User> user) {
        Map<String, Object> m = new LinkedHashMap<>();
        String name = user.map(User::getName).orElse("");
        m.put("name", name);
        m.put("first_name", name.isBlank() ? "" : name.strip().split("\\s+")[0]);
        m.put("email", user.map(User::getEmail).orElse(""));
        return m;
    }

    private static String render(String template, Map<String, Object> variables) {
        try {
            return LiquidTemplates.render(template, variables);
        } catch (RuntimeException e) {
            return template; // checked when saved; a render that runs over its limits leaves the text as written
        }
    }

    private static Long id(String value) {
        return value == null || value.isBlank() ? null : Long.valueOf(value);
    }

    private Macro manageable(long id, Actor actor) {
        Macro macro = get(id, actor);
        if (!mayManage(macro, actor)) {
            throw new Forbidden("Only admins change shared macros");
        }
        return macro;
    }

    private static void requireAgent(Actor actor) {
        if (!actor.isAgent()) {
            throw new Forbidden("Only agents use macros");
        }
    }
}
