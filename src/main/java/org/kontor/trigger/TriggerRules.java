package org.kontor.trigger;

import static org.kontor.common.RuleProblems.problem;
import static org.kontor.common.RuleProblems.quote;
import static org.kontor.common.RuleProblems.unknownField;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kontor.common.InvalidInput;
import org.kontor.common.InvalidInput.FieldError;
import org.kontor.common.RuleProblems;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A trigger's conditions ({@code all} must hold, and at least one of {@code any} when there are any) and actions,
 * in Zendesk's field/operator/value shape. Parsing validates every field, operator and value, so a stored trigger
 * always evaluates.
 */
public record TriggerRules(List<Condition> all, List<Condition> any, List<Action> actions) {
    static final JsonMapper JSON = JsonMapper.builder().build();

    public record Condition(String field, String operator, String value) {
    }

    /** {@code values} holds the scalar value as one element, or the array's elements. */
    public record Action(String field, List<String> values) {
        public String value() {
            return values.isEmpty() ? "" : values.get(0);
        }
    }

    static final Set<String> CHANGE_OPERATORS = Set.of("changed", "not_changed", "value", "value_previous", "not_value", "not_value_previous");
    static final Set<String> EQUALITY = Set.of("is", "is_not");
    static final Set<String> ORDERED = Set.of("less_than", "greater_than");

    /** Condition fields and the operators each accepts. */
    static final Map<String, Set<String>> CONDITION_FIELDS = Map.ofEntries(
            Map.entry("update_type", EQUALITY),
            Map.entry("status", union(EQUALITY, ORDERED, CHANGE_OPERATORS)),
            Map.entry("priority", union(EQUALITY, ORDERED, CHANGE_OPERATORS)),
            Map.entry("type", union(EQUALITY, CHANGE_OPERATORS)),
            Map.entry("ticket_is_public", union(EQUALITY, CHANGE_OPERATORS)),
            Map.entry("comment_is_public", EQUALITY),
            Map.entry("role", EQUALITY),
            Map.entry("requester_id", union(EQUALITY, CHANGE_OPERATORS)),
            Map.entry("assignee_id", union(EQUALITY, CHANGE_OPERATORS)),
            Map.entry("group_id", union(EQUALITY, CHANGE_OPERATORS)),
            Map.entry("organization_id", union(EQUALITY, CHANGE_OPERATORS)),
            Map.entry("current_tags", Set.of("includes", "not_includes")),
            Map.entry("via_id", EQUALITY),
            Map.entry("current_via_id", EQUALITY));

    static final Set<String> ACTION_FIELDS = Set.of("notification_user", "notification_group", "status", "priority", "type",
            "group_id", "assignee_id", "set_tags", "current_tags", "add_tags", "remove_tags");

    static final Set<String> RECIPIENTS = Set.of("requester_id", "requester_and_ccs", "assignee_id", "current_user", "all_agents");

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> all = new java.util.HashSet<>();
        for (Set<String> s : sets) {
            all.addAll(s);
        }
        return Set.copyOf(all);
    }

    /** From the API's {@code conditions} object (or legacy top-level {@code all}/{@code any}) and {@code actions}. */
    public static TriggerRules parse(JsonNode conditions, JsonNode legacyAll, JsonNode legacyAny, JsonNode actions) {
        List<FieldError> errors = new ArrayList<>();
        JsonNode allNode = conditions != null && conditions.isObject() ? conditions.get("all") : legacyAll;
        JsonNode anyNode = conditions != null && conditions.isObject() ? conditions.get("any") : legacyAny;
        if (conditions != null && !conditions.isNull() && !conditions.isObject()) {
            errors.add(new FieldError("conditions", "Conditions: must be an object with \"all\" and \"any\" arrays", "err.trigger.conditionsObject"));
        }
        List<Condition> all = conditions(allNode, "conditions.all", errors);
        List<Condition> any = conditions(anyNode, "conditions.any", errors);
        List<Action> acts = actions(actions, errors);
        if (all.isEmpty() && any.isEmpty() && errors.stream().noneMatch(e -> e.field().equals("conditions"))) {
            errors.add(new FieldError("conditions", "Conditions: a trigger needs at least one condition", "err.trigger.conditionRequired"));
        }
        if (acts.isEmpty() && errors.stream().noneMatch(e -> e.field().equals("actions"))) {
            errors.add(new FieldError("actions", "Actions: a trigger needs at least one action", "err.trigger.actionRequired"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return new TriggerRules(all, any, acts);
    }

    private static List<Condition> conditions(JsonNode node, String where, List<FieldError> errors) {
        List<Condition> result = new ArrayList<>();
        if (node == null || node.isNull()) {
            return result;
        }
        if (!node.isArray()) {
            errors.add(new FieldError("conditions", where + ": must be an array", "err.trigger.notAnArray", where));
            return result;
        }
        for (JsonNode c : node) {
            String field = text(c.get("field"));
            String operator = text(c.get("operator"));
            String value = scalar(c.get("value"));
            FieldError problem = checkCondition(field, operator, value);
            if (problem != null) {
                errors.add(new FieldError("conditions", where + ": " + problem.text(), "err.trigger.conditionInvalid", where, problem));
            } else {
                result.add(new Condition(field, operator, value == null ? "" : value));
            }
        }
        return result;
    }

    /**
     * What is wrong with a condition, or null. The words are translated (the admin page shows them in the admin's
     * language); the JSON field names and values they quote read the same in every language.
     */
    private static FieldError checkCondition(String field, String operator, String value) {
        if (field == null || !CONDITION_FIELDS.containsKey(field)) {
            return unknownField(field, CONDITION_FIELDS.keySet());
        }
        if (operator == null || !CONDITION_FIELDS.get(field).contains(operator)) {
            String known = new java.util.TreeSet<>(CONDITION_FIELDS.get(field)).toString();
            return problem("field " + field + " has no operator " + quote(operator) + "; known: " + known,
                    "err.trigger.unknownOperator", field, quote(operator), known);
        }
        if (operator.equals("changed") || operator.equals("not_changed")) {
            return null;
        }
        String v = value == null ? "" : value;
        return switch (field) {
            case "update_type" -> oneOf(field, v, "Create", "Change");
            case "status" -> oneOf(field, v, "new", "open", "pending", "hold", "solved", "closed");
            case "priority" -> oneOf(field, v, "", "low", "normal", "high", "urgent");
            case "type" -> oneOf(field, v, "", "problem", "incident", "question", "task");
            case "ticket_is_public" -> oneOf(field, v, "public", "private");
            case "comment_is_public" -> oneOf(field, v, "true", "false", "not_relevant", "requester_can_see_comment");
            case "role" -> oneOf(field, v, "end_user", "agent", "admin");
            case "requester_id", "assignee_id", "group_id", "organization_id" ->
                    v.isEmpty() || v.equals("current_user") || v.equals("requester_id") || v.matches("[0-9]{1,18}") ? null
                            : problem(field + ": must be an id, \"\", \"current_user\" or \"requester_id\"",
                            "err.trigger.valueNotUserId", field);
            case "via_id", "current_via_id" -> Channels.parse(v) == null
                    ? problem(field + ": unknown channel " + quote(v), "err.trigger.unknownChannel", field, quote(v)) : null;
            default -> null;
        };
    }

    private static FieldError oneOf(String field, String v, String... allowed) {
        return RuleProblems.oneOf(field, v, List.of(allowed));
    }



    private static List<Action> actions(JsonNode node, List<FieldError> errors) {
        List<Action> result = new ArrayList<>();
        if (node == null || node.isNull()) {
            return result;
        }
        if (!node.isArray()) {
            errors.add(new FieldError("actions", "Actions: must be an array", "err.trigger.notAnArray", "actions"));
            return result;
        }
        for (JsonNode a : node) {
            String field = text(a.get("field"));
            JsonNode v = a.get("value");
            List<String> values = new ArrayList<>();
            if (v != null && v.isArray()) {
                for (JsonNode e : v) {
                    values.add(scalar(e) == null ? "" : scalar(e));
                }
            } else {
                String s = scalar(v);
                values.add(s == null ? "" : s);
            }
            FieldError problem = checkAction(field, values);
            if (problem != null) {
                errors.add(new FieldError("actions", "Actions: " + problem.text(), "err.trigger.actionInvalid", problem));
            } else {
                result.add(new Action(field, List.copyOf(values)));
            }
        }
        return result;
    }

    private static FieldError checkAction(String field, List<String> values) {
        if (field == null || !ACTION_FIELDS.contains(field)) {
            return unknownField(field, ACTION_FIELDS);
        }
        String v = values.get(0);
        return switch (field) {
            case "notification_user" -> values.size() != 3
                    ? problem("notification_user needs [recipient, subject, body]", "err.trigger.notificationUserArgs")
                    : RECIPIENTS.contains(v) || v.matches("[0-9]{1,18}") ? mailTemplates(values)
                    : problem("notification_user: recipient " + quote(v) + " is not a user id nor one of "
                    + new java.util.TreeSet<>(RECIPIENTS), "err.trigger.recipient", quote(v), new java.util.TreeSet<>(RECIPIENTS).toString());
            case "notification_group" -> values.size() != 3
                    ? problem("notification_group needs [group, subject, body]", "err.trigger.notificationGroupArgs")
                    : v.equals("group_id") || v.matches("[0-9]{1,18}") ? mailTemplates(values)
                    : problem("notification_group: group " + quote(v) + " is not a group id nor \"group_id\"",
                    "err.trigger.recipientGroup", quote(v));
            case "status" -> oneOf(field, v, "new", "open", "pending", "hold", "solved", "closed");
            case "priority" -> oneOf(field, v, "", "low", "normal", "high", "urgent");
            case "type" -> oneOf(field, v, "", "problem", "incident", "question", "task");
            case "group_id" -> v.isEmpty() || v.matches("[0-9]{1,18}") ? null
                    : problem("group_id: must be a group id or \"\"", "err.trigger.groupId");
            case "assignee_id" -> v.isEmpty() || v.equals("current_user") || v.matches("[0-9]{1,18}") ? null
                    : problem("assignee_id: must be a user id, \"current_user\" or \"\"", "err.trigger.assigneeId");
            default -> null; // tags: any words
        };
    }

    private static FieldError mailTemplates(List<String> values) {
        if (values.get(1).isBlank()) {
            return problem("the email subject cannot be blank", "err.trigger.blankSubject");
        }
        for (String template : values.subList(1, 3)) {
            var problem = org.kontor.notification.LiquidTemplates.problem(template);
            if (problem.isPresent()) {
                return problem("the template does not parse as Liquid: " + problem.get(), "err.trigger.liquid", problem.get());
            }
        }
        return null;
    }


    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.isString() ? n.stringValue() : n.asString();
    }

    private static String scalar(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isString()) {
            return n.stringValue();
        }
        if (n.isArray()) {
            // Zendesk's nested arrays (notification_target); keep the first element.
            return n.isEmpty() ? "" : scalar(n.get(0));
        }
        return n.asString();
    }

    // Stored form.

    static TriggerRules fromStored(String conditionsJson, String actionsJson) {
        JsonNode c = JSON.readTree(conditionsJson);
        return parse(c, null, null, JSON.readTree(actionsJson));
    }

    public ObjectNode conditionsJson() {
        ObjectNode node = JSON.createObjectNode();
        node.set("all", conditionArray(all));
        node.set("any", conditionArray(any));
        return node;
    }

    private static ArrayNode conditionArray(List<Condition> conditions) {
        ArrayNode array = JSON.createArrayNode();
        for (Condition c : conditions) {
            ObjectNode o = array.addObject();
            o.put("field", c.field());
            o.put("operator", c.operator());
            if (!c.operator().equals("changed") && !c.operator().equals("not_changed")) {
                o.put("value", c.value());
            }
        }
        return array;
    }

    public ArrayNode actionsJson() {
        ArrayNode array = JSON.createArrayNode();
        for (Action a : actions) {
            ObjectNode o = array.addObject();
            o.put("field", a.field());
            if (a.values().size() == 1 && !a.field().startsWith("notification_")) {
                o.put("value", a.values().get(0));
            } else {
                ArrayNode v = o.putArray("value");
                a.values().forEach(v::add);
            }
        }
        return array;
    }
}
