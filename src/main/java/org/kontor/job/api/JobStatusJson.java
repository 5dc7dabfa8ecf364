package org.kontor.job.api;

import java.util.LinkedHashMap;
import java.util.Map;
import org.kontor.api.Envelope;
import org.kontor.job.Job;
import org.kontor.job.Jobs;

/** A job in Zendesk's job status shape. */
public final class JobStatusJson {
    private JobStatusJson() {
    }

    public static Map<String, Object> of(Job job) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", job.getId());
        m.put("url", Envelope.url("job_statuses/" + job.getId() + ".json"));
        m.put("job_type", job.getKind());
        m.put("total", job.getTotal());
        m.put("progress", job.getProgress());
        m.put("status", job.getStatus());
        m.put("message", job.getMessage());
        // Zendesk answers results once there are some; a queued job has none yet.
        m.put("results", job.getProgress() == 0 ? null : Jobs.results(job));
        return m;
    }

    /** The answer to a call that queued a job. */
    public static Map<String, Object> envelope(Job job) {
        return Envelope.of("job_status", of(job));
    }
}
