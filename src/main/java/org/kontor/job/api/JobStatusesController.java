package org.kontor.job.api;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.kontor.api.Envelope;
import org.kontor.common.BadRequest;
import org.kontor.job.Jobs;
import org.kontor.security.KontorUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Zendesk's Job Statuses API: what became of a bulk call (agents; a job is visible to its submitter and admins). */
@RestController
class JobStatusesController {
    private final Jobs jobs;

    JobStatusesController(Jobs jobs) {
        this.jobs = jobs;
    }

    @GetMapping("/api/v2/job_statuses/show_many")
    Map<String, Object> showMany(@AuthenticationPrincipal KontorUser me, @RequestParam(required = false) String ids) {
        if (ids == null || ids.isBlank()) {
            throw new BadRequest("Parameter ids is required");
        }
        List<String> wanted = Arrays.stream(ids.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (wanted.size() > 100) {
            throw new BadRequest("At most 100 ids");
        }
        return Envelope.list("job_statuses", jobs.getMany(me.actor(), wanted).stream().map(JobStatusJson::of).toList());
    }

    @GetMapping("/api/v2/job_statuses/{id}")
    Map<String, Object> show(@AuthenticationPrincipal KontorUser me, @PathVariable String id) {
        return JobStatusJson.envelope(jobs.get(me.actor(), id));
    }
}
