package org.kontor.macro;

import static org.kontor.common.RuleProblems.problem;
import static org.kontor.common.RuleProblems.unknownField;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.kontor.common.InvalidInput;
import org.kontor.common.InvalidInput.FieldError;
import org.kontor.common.RuleProblems;
import org.kontor.notification.LiquidTemplates;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * A macro's actions as Zendesk writes them ({@code [{"field": "status", "value": "solved"}, …]}), validated on the way in.
 * An empty value clears a field (priority, type, assignee, group).
 */
public record MacroActions(List<Action> actions) {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final Set<String> FIELDS = Set.of("comment_value", "comment_value_html", "comment_mode_is_public", "status",
            "priority", "type", "assignee_id", "group_id", "set_tags", "current_tags", "remove_tags", "subject");
    private static final List<String> STATUSES = List.of("open", "pending", "hold", "solved");
    private static final List<String> PRIORITIES = List.of("", "low", "normal", "high", "urgent");
    private static final List<String> TYPES = List.of("", "question", "incident", "problem", "task");
    private static final int MAX_TEXT = 65_536;

    public record Action(String field, String value) {
    }

    public MacroActions {
        actions = List.copyOf(actions);
    }

    /** The value the last action of that field sets, if any. */
    public Optional<String> value(String field) {
        String found = null;
        for (Action a : actions) {
            if (a.field().equals(field)) {
                found = a.value();
            }
        }
        return Optional.ofNullable(found);
    }

    public ArrayNode toJson() {
        ArrayNode array = JSON.createArrayNode();
        for (Action a : actions) {
            array.addObject().put("field", a.field()).put("value", a.value());
        }
        return array;
    }

    static MacroActions fromStored(String json) {
        List<Action> list = new ArrayList<>();
        for (JsonNode a : JSON.readTree(json)) {
            list.add(new Action(a.get("field").asString(), a.get("value").asString()));
        }
        return new MacroActions(list);
    }

    /** From the API's {@code actions} array (or a form's), with every problem in one 422. */
    public static MacroActions parse(JsonNode node) {
        List<FieldError> errors = new ArrayList<>();
        List<Action> list = new ArrayList<>();
        if (node == null || node.isNull() || !node.isArray()) {
            throw new InvalidInput(List.of(new FieldError("actions", "Actions: must be an array of {\"field\", \"value\"}",
                    "err.macro.actionsArray")));
        }
        for (JsonNode a : node) {
            String field = a.isObject() && a.get("field") != null && a.get("field").isString() ? a.get("field").stringValue() : null;
            String value = scalar(a.isObject() ? a.get("value") : null);
            FieldError problem = check(field, value);
            if (problem != null) {
                errors.add(new FieldError("actions", "Actions: " + problem.text(), "err.macro.actionInvalid", problem));
            } else {
                String v = value == null ? "" : value;
                list.add(new Action(field, field.startsWith("comment_value") || field.equals("subject") ? v : v.strip()));
            }
        }
        if (list.isEmpty() && errors.isEmpty()) {
            errors.add(new FieldError("actions", "Actions: a macro needs at least one action", "err.macro.actionRequired"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return new MacroActions(list);
    }

    private static FieldError check(String field, String value) {
        if (field == null || !FIELDS.contains(field)) {
            return unknownField(field, FIELDS);
        }
        String v = value == null ? "" : value.strip();
        return switch (field) {
            case "status" -> RuleProblems.oneOf(field, v, STATUSES);
            case "priority" -> RuleProblems.oneOf(field, v, PRIORITIES);
            case "type" -> RuleProblems.oneOf(field, v, TYPES);
            case "comment_mode_is_public" -> RuleProblems.oneOf(field, v, List.of("true", "false"));
            case "assignee_id" -> v.isEmpty() || v.equals("current_user") || v.matches("[0-9]{1,18}") ? null
                    : problem("assignee_id: must be a user id, \"current_user\" or \"\"", "err.trigger.assigneeId");
            case "group_id" -> v.isEmpty() || v.matches("[0-9]{1,18}") ? null
                    : problem("group_id: must be a group id or \"\"", "err.trigger.groupId");
            case "comment_value", "comment_value_html", "subject" -> text(field, value);
            default -> null; // tags: any words
        };
    }

    private static FieldError text(String field, String value) {
        if (value == null || value.isBlank()) {
            return problem(field + ": cannot be blank", "err.macro.blank", field);
        }
        if (value.length() > MAX_TEXT) {
            return problem(field + ": is longer than " + MAX_TEXT + " characters", "err.macro.tooLong", field, MAX_TEXT);
        }
        Optional<String> liquid = LiquidTemplates.problem(value);
        return liquid.map(p -> problem("the template does not parse as Liquid: " + p, "err.trigger.liquid", p)).orElse(null);
    }

    /** A string, number or boolean as text; Zendesk's {@code ["channel:all", "text"]} comment value gives its text. */
    private static String scalar(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isArray()) {
            return n.isEmpty() ? "" : scalar(n.get(n.size() - 1));
        }
        if (n.isObject()) {
            return null;
        }
        return n.isString() ? n.stringValue() : n.asString();
    }
}
