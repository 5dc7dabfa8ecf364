package org.kontor.job.api;

import java.util.Map;
import org.kontor.api.Json;
import org.kontor.job.Jobs;
import org.kontor.user.Actor;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Zendesk's three kinds of bulk call, queued as jobs and answered with the queued job status. The payloads written
 * here are what the features' {@link org.kontor.job.JobHandler}s read: {@code {"<many>": [records]}},
 * {@code {"items": [{"id", "<one>": change}]}} and {@code {"ids": [...]}}.
 */
@Component
public class BulkCalls {
    /** Zendesk's limit of records per bulk call. */
    public static final int MAX_ITEMS = 100;

    private final Jobs jobs;

    BulkCalls(Jobs jobs) {
        this.jobs = jobs;
    }

    /** {@code create_many}: the body's {@code {"<many>": [...]}}, 1 to 100 objects (else 422). */
    public Map<String, Object> queueRecords(Actor actor, String kind, JsonNode body, String many) {
        return queueRecords(actor, kind, many, Json.bulkItems(body, many, MAX_ITEMS));
    }

    /** Records already read, e.g. the one ticket of {@code POST /tickets?async=true}. */
    public Map<String, Object> queueRecords(Actor actor, String kind, String many, JsonNode records) {
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        payload.putArray(many).addAll(records.isArray() ? (tools.jackson.databind.node.ArrayNode) records
                : JsonNodeFactory.instance.arrayNode().add(records));
        return queue(actor, kind, payload.get(many).size(), payload);
    }

    /** {@code update_many} in both forms ({@link Json#bulkUpdates}). */
    public Map<String, Object> queueUpdates(Actor actor, String kind, JsonNode body, String ids, String one, String many) {
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        payload.putArray("items").addAll(Json.bulkUpdates(body, ids, one, many, MAX_ITEMS));
        return queue(actor, kind, payload.get("items").size(), payload);
    }

    /** {@code destroy_many?ids=1,2}. */
    public Map<String, Object> queueDeletes(Actor actor, String kind, String ids) {
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        payload.putArray("ids").addAll(Json.bulkIds(ids, MAX_ITEMS));
        return queue(actor, kind, payload.get("ids").size(), payload);
    }

    private Map<String, Object> queue(Actor actor, String kind, int total, ObjectNode payload) {
        return JobStatusJson.envelope(jobs.submit(actor, kind, total, payload.toString()));
    }
}
