package org.kontor.api;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.kontor.common.BadRequest;
import org.kontor.common.InvalidInput;
import tools.jackson.databind.JsonNode;

/**
 * Reads Zendesk-shaped request bodies leniently where Zendesk is lenient (unknown and read-only fields are
 * ignored, numbers may come as strings) and strictly where a wrong value would lose data (422 naming the field).
 */
public final class Json {
    private Json() {
    }

    /** The object under the envelope key, e.g. {@code {"ticket": {...}}}. */
    public static JsonNode root(JsonNode body, String key) {
        if (body == null || !body.isObject()) {
            throw new BadRequest("The request body must be a JSON object with a \"" + key + "\" property");
        }
        JsonNode node = body.get(key);
        if (node == null || !node.isObject()) {
            throw new InvalidInput(key, key + ": the body needs a \"" + key + "\" object");
        }
        return node;
    }

    /** The array of objects of a bulk call, e.g. {@code {"tickets": [...]}}: 1 to {@code max} of them, else 422. */
    public static JsonNode bulkItems(JsonNode body, String key, int max) {
        if (body == null || !body.isObject()) {
            throw new BadRequest("The request body must be a JSON object with a \"" + key + "\" array");
        }
        JsonNode items = body.get(key);
        if (items == null || !items.isArray() || items.isEmpty()) {
            throw new InvalidInput(key, key + ": the body needs a non-empty \"" + key + "\" array");
        }
        if (items.size() > max) {
            throw new InvalidInput(key, key + ": at most " + max + " per call");
        }
        for (int i = 0; i < items.size(); i++) {
            if (!items.get(i).isObject()) {
                throw new InvalidInput(key, key + ": item " + i + " is not an object");
            }
        }
        return items;
    }

    /** The ids of a bulk call's {@code ?ids=1,2}: 1 to {@code max} of them, else 400. */
    public static tools.jackson.databind.node.ArrayNode bulkIds(String ids, int max) {
        List<Long> wanted = idParam(ids, "ids", max);
        if (wanted.isEmpty()) {
            throw new BadRequest("Parameter ids is required");
        }
        var list = tools.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        wanted.forEach(list::add);
        return list;
    }

    /**
     * The changes of a bulk update in Zendesk's two forms: {@code ?ids=1,2} with one {@code {"<one>": {...}}} for all,
     * or {@code {"<many>": [{"id": 1, ...}, ...]}} with a change each. Returns {@code [{"id", "<one>": change}]}.
     */
    public static tools.jackson.databind.node.ArrayNode bulkUpdates(JsonNode body, String ids, String one, String many, int max) {
        var items = tools.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        if (ids != null) {
            List<Long> wanted = idParam(ids, "ids", max);
            if (wanted.isEmpty()) {
                throw new BadRequest("Parameter ids must name at least one record");
            }
            JsonNode change = root(body, one);
            for (long id : wanted) {
                items.addObject().put("id", id).set(one, change);
            }
            return items;
        }
        JsonNode records = bulkItems(body, many, max);
        for (int i = 0; i < records.size(); i++) {
            Long id = id(records.get(i), "id");
            if (id == null) {
                throw new InvalidInput(many, many + ": item " + i + " needs the id of the record to update");
            }
            var change = ((tools.jackson.databind.node.ObjectNode) records.get(i)).deepCopy();
            change.remove("id");
            items.addObject().put("id", id).set(one, change);
        }
        return items;
    }

    public static boolean has(JsonNode node, String field) {
        return node != null && node.has(field);
    }

    public static String string(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isString()) {
            return v.stringValue();
        }
        if (v.isNumber() || v.isBoolean()) {
            return v.asString();
        }
        throw invalid(field, "must be a string");
    }

    public static Long id(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return v.longValue();
        }
        if (v.isString()) {
            String s = v.stringValue().trim();
            if (s.isEmpty()) {
                return null;
            }
            try {
                return Long.parseLong(s);
            } catch (NumberFormatException e) {
                throw invalid(field, "must be a number");
            }
        }
        throw invalid(field, "must be a number");
    }

    public static Boolean bool(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isString() && (v.stringValue().equalsIgnoreCase("true") || v.stringValue().equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(v.stringValue());
        }
        throw invalid(field, "must be true or false");
    }

    public static Instant instant(JsonNode node, String field) {
        String s = string(node, field);
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(s);
            } catch (DateTimeParseException e2) {
                throw invalid(field, "must be an ISO-8601 date and time");
            }
        }
    }

    /** A value from a fixed set (status, priority...): an unknown value is refused, never guessed. */
    public static <T> T oneOf(JsonNode node, String field, Function<String, Optional<T>> parse, String allowed) {
        String s = string(node, field);
        if (s == null || s.isBlank()) {
            return null;
        }
        return parse.apply(s).orElseThrow(() -> invalid(field, s + " is not valid; use one of " + allowed));
    }

    public static List<String> strings(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isString()) {
            return List.of(v.stringValue());
        }
        if (!v.isArray()) {
            throw invalid(field, "must be a list of strings");
        }
        List<String> result = new ArrayList<>();
        for (JsonNode item : v.values()) {
            if (item.isString()) {
                result.add(item.stringValue());
            } else if (item.isNumber()) {
                result.add(item.asString());
            } else if (!item.isNull()) {
                throw invalid(field, "must be a list of strings");
            }
        }
        return result;
    }

    public static List<Long> ids(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isArray()) {
            throw invalid(field, "must be a list of ids");
        }
        List<Long> result = new ArrayList<>();
        for (JsonNode item : v.values()) {
            if (item.isIntegralNumber() && item.canConvertToLong()) {
                result.add(item.longValue());
            } else if (item.isString() && item.stringValue().trim().matches("\\d+")) {
                result.add(Long.parseLong(item.stringValue().trim()));
            } else {
                throw invalid(field, "must be a list of ids");
            }
        }
        return result;
    }

    public static JsonNode object(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isObject()) {
            throw invalid(field, "must be an object");
        }
        return v;
    }

    public static List<JsonNode> array(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isArray()) {
            throw invalid(field, "must be a list");
        }
        return new ArrayList<>(v.values());
    }

    /** Comma-separated ids in a query parameter ({@code show_many?ids=1,2,3}). */
    public static List<Long> idParam(String value, String name, int max) {
        List<Long> ids = new ArrayList<>();
        if (value == null || value.isBlank()) {
            return ids;
        }
        for (String part : value.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            try {
                ids.add(Long.parseLong(p));
            } catch (NumberFormatException e) {
                throw new BadRequest(name + " must be a comma-separated list of ids");
            }
        }
        if (ids.size() > max) {
            throw new BadRequest("At most " + max + " " + name + " at once");
        }
        return ids;
    }

    private static InvalidInput invalid(String field, String message) {
        return new InvalidInput(field, field + ": " + message);
    }
}
