package org.kontor.ticket.api;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.kontor.api.Json;
import org.kontor.common.BadRequest;
import org.kontor.job.Job;
import org.kontor.job.JobHandler;
import org.kontor.job.JobItems;
import org.kontor.job.Jobs;
import org.kontor.job.api.JobStatusJson;
import org.kontor.security.KontorUser;
import org.kontor.ticket.Channel;
import org.kontor.ticket.TicketMerge;
import org.kontor.user.Actor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Zendesk's {@code POST /api/v2/tickets/{id}/merge}: checked at once (a refusal answers 4xx), then run as a job whose
 * results name each merged ticket. See {@link TicketMerge} for what the merge does and shows.
 */
@RestController
class TicketMergeController {
    private final TicketMerge merge;
    private final Jobs jobs;

    TicketMergeController(TicketMerge merge, Jobs jobs) {
        this.merge = merge;
        this.jobs = jobs;
    }

    @PostMapping("/api/v2/tickets/{id}/merge")
    Map<String, Object> merge(@AuthenticationPrincipal KontorUser me, @PathVariable long id, @RequestBody JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new BadRequest("The request body must be a JSON object with \"ids\"");
        }
        List<Long> ids = Json.ids(body, "ids");
        merge.check(id, ids, new TicketMerge.Comments(Json.string(body, "source_comment"), null,
                Json.string(body, "target_comment"), null), me.actor());
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        payload.put("target", id);
        payload.putArray("ids").addAll(ids.stream().map(JsonNodeFactory.instance::numberNode).toList());
        payload.put("source_comment", Json.string(body, "source_comment"));
        payload.put("source_comment_is_public", Json.bool(body, "source_comment_is_public"));
        payload.put("target_comment", Json.string(body, "target_comment"));
        payload.put("target_comment_is_public", Json.bool(body, "target_comment_is_public"));
        return JobStatusJson.envelope(jobs.submit(me.actor(), MergeJobs.MERGE, ids.size(), payload.toString()));
    }

    /** The merge in one transaction; each source ticket's result says whether it was merged. */
    @Component
    static class MergeJobs implements JobHandler {
        static final String MERGE = "merge_tickets";
        private static final JsonMapper JSON = JsonMapper.builder().build();

        private final TicketMerge merge;

        MergeJobs(TicketMerge merge) {
            this.merge = merge;
        }

        @Override
        public Set<String> kinds() {
            return Set.of(MERGE);
        }

        @Override
        public void run(Job job, Actor actor, int from, Consumer<Map<String, Object>> result) {
            JsonNode p = JSON.readTree(job.getPayload());
            long target = p.get("target").asLong();
            List<Long> ids = Json.ids(p, "ids");
            TicketMerge.Comments comments = new TicketMerge.Comments(Json.string(p, "source_comment"),
                    Json.bool(p, "source_comment_is_public"), Json.string(p, "target_comment"), Json.bool(p, "target_comment_is_public"));
            Map<String, Object> outcome = JobItems.run(0, target, "merge", "Merged", () -> {
                merge.merge(target, ids, comments, Channel.API, actor);
                return target;
            });
            for (int i = from; i < ids.size(); i++) {
                Map<String, Object> item = new java.util.LinkedHashMap<>(outcome);
                item.put("id", ids.get(i));
                item.put("index", i);
                result.accept(item);
            }
        }
    }
}
