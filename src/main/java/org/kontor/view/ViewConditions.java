package org.kontor.view;

import static org.kontor.common.RuleProblems.problem;
import static org.kontor.common.RuleProblems.quote;
import static org.kontor.common.RuleProblems.unknownField;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.kontor.common.InvalidInput;
import org.kontor.common.InvalidInput.FieldError;
import org.kontor.common.RuleProblems;
import org.kontor.ticket.Priority;
import org.kontor.ticket.Ticket;
import org.kontor.ticket.TicketStatus;
import org.kontor.ticket.TicketType;
import org.springframework.data.jpa.domain.Specification;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A view's conditions as Zendesk writes them: every condition of {@code all} holds, and at least one of {@code any}
 * when there are any. Each condition becomes part of one database query over the tickets the agent may see.
 */
public record ViewConditions(List<Condition> all, List<Condition> any) {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> EQUALITY = List.of("is", "is_not");
    private static final List<String> ORDERED = List.of("is", "is_not", "less_than", "greater_than");
    static final Map<String, List<String>> FIELDS = Map.ofEntries(
            Map.entry("status", ORDERED), Map.entry("priority", ORDERED), Map.entry("type", EQUALITY),
            Map.entry("assignee_id", EQUALITY), Map.entry("group_id", EQUALITY), Map.entry("requester_id", EQUALITY),
            Map.entry("organization_id", EQUALITY), Map.entry("current_tags", List.of("includes", "not_includes")),
            Map.entry("ticket_is_public", List.of("is")),
            Map.entry("hours_since_created", List.of("is", "less_than", "greater_than")),
            Map.entry("hours_since_updated", List.of("is", "less_than", "greater_than")));
    private static final List<String> STATUSES = List.of("new", "open", "pending", "hold", "solved", "closed");
    private static final List<String> PRIORITIES = List.of("", "low", "normal", "high", "urgent");
    private static final List<String> TYPES = List.of("", "question", "incident", "problem", "task");

    public record Condition(String field, String operator, String value) {
    }

    public ViewConditions {
        all = List.copyOf(all);
        any = List.copyOf(any);
    }

    public ObjectNode toJson() {
        ObjectNode node = JSON.createObjectNode();
        node.set("all", array(all));
        node.set("any", array(any));
        return node;
    }

    private static ArrayNode array(List<Condition> conditions) {
        ArrayNode a = JSON.createArrayNode();
        conditions.forEach(c -> a.addObject().put("field", c.field()).put("operator", c.operator()).put("value", c.value()));
        return a;
    }

    static ViewConditions fromStored(String json) {
        JsonNode node = JSON.readTree(json);
        return new ViewConditions(stored(node.get("all")), stored(node.get("any")));
    }

    private static List<Condition> stored(JsonNode array) {
        List<Condition> list = new ArrayList<>();
        for (JsonNode c : array) {
            list.add(new Condition(c.get("field").asString(), c.get("operator").asString(), c.get("value").asString()));
        }
        return list;
    }

    /** From the API's {@code conditions} object (or a form's), with every problem in one 422. */
    public static ViewConditions parse(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new InvalidInput(List.of(new FieldError("conditions",
                    "Conditions: must be an object with \"all\" and \"any\" arrays", "err.trigger.conditionsObject")));
        }
        List<FieldError> errors = new ArrayList<>();
        List<Condition> all = conditions(node.get("all"), "conditions.all", errors);
        List<Condition> any = conditions(node.get("any"), "conditions.any", errors);
        if (all.isEmpty() && any.isEmpty() && errors.isEmpty()) {
            errors.add(new FieldError("conditions", "Conditions: a view needs at least one condition", "err.view.conditionRequired"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return new ViewConditions(all, any);
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
            String field = text(c, "field");
            String operator = text(c, "operator");
            String value = text(c, "value");
            FieldError problem = check(field, operator, value == null ? "" : value.strip());
            if (problem != null) {
                errors.add(new FieldError("conditions", where + ": " + problem.text(), "err.trigger.conditionInvalid", where, problem));
            } else {
                result.add(new Condition(field, operator, value == null ? "" : value.strip()));
            }
        }
        return result;
    }

    private static FieldError check(String field, String operator, String v) {
        if (field == null || !FIELDS.containsKey(field)) {
            return unknownField(field, FIELDS.keySet());
        }
        if (operator == null || !FIELDS.get(field).contains(operator)) {
            String known = FIELDS.get(field).toString();
            return problem("field " + field + " has no operator " + quote(operator) + "; known: " + known,
                    "err.trigger.unknownOperator", field, quote(operator), known);
        }
        return switch (field) {
            case "status" -> RuleProblems.oneOf(field, v, STATUSES);
            case "priority" -> RuleProblems.oneOf(field, v, PRIORITIES);
            case "type" -> RuleProblems.oneOf(field, v, TYPES);
            case "ticket_is_public" -> RuleProblems.oneOf(field, v, List.of("public", "private"));
            case "assignee_id", "requester_id" -> v.isEmpty() || v.equals("current_user") || v.matches("[0-9]{1,18}") ? null
                    : problem(field + ": must be an id, \"\", \"current_user\" or \"requester_id\"", "err.trigger.valueNotUserId", field);
            case "group_id" -> v.isEmpty() || v.equals("current_groups") || v.matches("[0-9]{1,18}") ? null
                    : problem(field + ": must be a group id, \"\" or \"current_groups\"", "err.view.groupId", field);
            case "organization_id" -> v.isEmpty() || v.matches("[0-9]{1,18}") ? null
                    : problem(field + ": must be an organization id or \"\"", "err.view.organizationId", field);
            case "hours_since_created", "hours_since_updated" -> v.matches("[0-9]{1,6}") ? null
                    : problem(field + ": must be a number of hours (0 to 999999)", "err.view.hours", field);
            case "current_tags" -> v.isEmpty() ? problem(field + ": give at least one tag", "err.view.tags", field) : null;
            default -> null;
        };
    }

    /**
     * The filter for an agent: {@code current_user} is them, {@code current_groups} their groups; {@code now}
     * anchors the hours since created or updated.
     */
    public Specification<Ticket> filter(long agentId, Collection<Long> agentGroups, Instant now) {
        return (root, q, cb) -> {
            List<Predicate> must = new ArrayList<>();
            for (Condition c : all) {
                must.add(predicate(c, root, cb, agentId, agentGroups, now));
            }
            if (!any.isEmpty()) {
                must.add(cb.or(any.stream().map(c -> predicate(c, root, cb, agentId, agentGroups, now)).toArray(Predicate[]::new)));
            }
            return cb.and(must.toArray(Predicate[]::new));
        };
    }

    private static Predicate predicate(Condition c, Root<Ticket> root, CriteriaBuilder cb, long agentId,
                                       Collection<Long> agentGroups, Instant now) {
        String v = c.value();
        boolean is = !c.operator().equals("is_not");
        return switch (c.field()) {
            case "status" -> ordered(cb, root, "status", c.operator(), STATUSES.indexOf(v),
                    java.util.Arrays.stream(TicketStatus.values()).map(s -> STATUSES.indexOf(s.wire())).toList(),
                    List.of(TicketStatus.values()));
            case "priority" -> v.isEmpty() && !c.operator().startsWith("less") && !c.operator().startsWith("greater")
                    ? nullOr(cb, root.get("priority"), null, is)
                    : ordered(cb, root, "priority", c.operator(), PRIORITIES.indexOf(v),
                    java.util.Arrays.stream(Priority.values()).map(p -> PRIORITIES.indexOf(p.wire())).toList(),
                    List.of(Priority.values()));
            case "type" -> nullOr(cb, root.get("type"), v.isEmpty() ? null : TicketType.parse(v).orElseThrow(), is);
            case "assignee_id", "requester_id" -> nullOr(cb, root.get(c.field().equals("assignee_id") ? "assigneeId" : "requesterId"),
                    v.isEmpty() ? null : v.equals("current_user") ? Long.valueOf(agentId) : Long.valueOf(v), is);
            case "group_id" -> v.equals("current_groups")
                    ? (is ? (agentGroups.isEmpty() ? cb.disjunction() : root.get("groupId").in(agentGroups))
                    : (agentGroups.isEmpty() ? cb.conjunction() : cb.or(cb.isNull(root.get("groupId")), cb.not(root.get("groupId").in(agentGroups)))))
                    : nullOr(cb, root.get("groupId"), v.isEmpty() ? null : Long.valueOf(v), is);
            case "organization_id" -> nullOr(cb, root.get("organizationId"), v.isEmpty() ? null : Long.valueOf(v), is);
            case "ticket_is_public" -> cb.equal(root.get("privacy").get("isPublic"), v.equals("public"));
            case "current_tags" -> tags(root, cb, v, c.operator().equals("includes"));
            case "hours_since_created", "hours_since_updated" -> hours(cb, root.get(c.field().equals("hours_since_created")
                    ? "createdAt" : "updatedAt"), c.operator(), Long.parseLong(v), now);
            default -> throw new IllegalStateException("validated on the way in: " + c.field());
        };
    }

    /** Status and priority compare in their order (new < open < … < closed; low < … < urgent). */
    private static <E> Predicate ordered(CriteriaBuilder cb, Root<Ticket> root, String attribute, String operator, int wanted,
                                         List<Integer> ranks, List<E> values) {
        List<E> matching = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            int rank = ranks.get(i);
            boolean keep = switch (operator) {
                case "is" -> rank == wanted;
                case "is_not" -> rank != wanted;
                case "less_than" -> rank < wanted;
                default -> rank > wanted;
            };
            if (keep) {
                matching.add(values.get(i));
            }
        }
        Predicate in = matching.isEmpty() ? cb.disjunction() : root.get(attribute).in(matching);
        // A ticket without a priority is "not" any given priority, and below low.
        boolean nullMatches = attribute.equals("priority") && (operator.equals("is_not") || operator.equals("less_than"));
        return nullMatches ? cb.or(in, cb.isNull(root.get(attribute))) : in;
    }

    private static Predicate nullOr(CriteriaBuilder cb, jakarta.persistence.criteria.Path<Object> path, Object value, boolean is) {
        if (value == null) {
            return is ? cb.isNull(path) : cb.isNotNull(path);
        }
        return is ? cb.equal(path, value) : cb.or(cb.isNull(path), cb.notEqual(path, value));
    }

    /** {@code includes}: at least one of the tags; {@code not_includes}: none of them. */
    private static Predicate tags(Root<Ticket> root, CriteriaBuilder cb, String value, boolean includes) {
        Set<String> wanted = new java.util.LinkedHashSet<>(List.of(value.toLowerCase(Locale.ROOT).split("\\s+")));
        Predicate any = cb.or(wanted.stream().map(t -> cb.isMember(t, root.<Collection<String>>get("tags"))).toArray(Predicate[]::new));
        return includes ? any : cb.not(any);
    }

    private static Predicate hours(CriteriaBuilder cb, jakarta.persistence.criteria.Path<Instant> at, String operator, long hours,
                                   Instant now) {
        Instant boundary = now.minus(Duration.ofHours(hours));
        return switch (operator) {
            // "less than N hours ago": after the boundary; "is N": within that hour.
            case "less_than" -> cb.greaterThan(at, boundary);
            case "greater_than" -> cb.lessThan(at, boundary);
            default -> cb.and(cb.lessThanOrEqualTo(at, boundary), cb.greaterThan(at, boundary.minus(Duration.ofHours(1))));
        };
    }

    private static String text(JsonNode c, String field) {
        JsonNode v = c == null || !c.isObject() ? null : c.get(field);
        if (v == null || v.isNull() || v.isObject()) {
            return null;
        }
        if (v.isArray()) {
            return v.isEmpty() ? "" : v.get(0).asString();
        }
        return v.isString() ? v.stringValue() : v.asString();
    }
}
