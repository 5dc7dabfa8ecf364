package org.kontor.job;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.kontor.common.AfterCommit;
import org.kontor.common.Forbidden;
import org.kontor.common.NotFound;
import org.kontor.user.Actor;
import org.kontor.user.Role;
import org.kontor.user.User;
import org.kontor.user.UserService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Queues jobs and runs them. A job is a row plus a db-scheduler task: the task runs it right after the submitting
 * transaction commits, on any node, and again after a crash, when the job resumes after its last reported item.
 * Jobs run as their submitter, who must still be an active agent; only they and admins can read a job's status.
 */
@Service
public class Jobs {
    static final String TASK = "kontor-job";
    private static final Logger log = LoggerFactory.getLogger(Jobs.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** A working job not heard of for this long was left by a crashed node and may be resumed. */
    private static final Duration STALE = Duration.ofMinutes(5);
    /** Finished jobs are kept this long for clients to read their results. */
    static final Duration KEEP = Duration.ofDays(1);

    private final JobRepository jobs;
    private final UserService users;
    private final List<JobHandler> handlers;
    private final TransactionTemplate tx;
    private final ObjectProvider<SchedulerClient> scheduler;

    Jobs(JobRepository jobs, UserService users, List<JobHandler> handlers, TransactionTemplate tx,
         ObjectProvider<SchedulerClient> scheduler) {
        this.jobs = jobs;
        this.users = users;
        this.handlers = handlers;
        this.tx = tx;
        this.scheduler = scheduler;
    }

    @Configuration
    static class TaskConfig {
        @Bean
        OneTimeTask<Void> kontorJobTask(ObjectProvider<Jobs> jobs) {
            return Tasks.oneTime(TASK).execute((instance, context) -> jobs.getObject().run(instance.getId()));
        }

        @Bean
        RecurringTask<Void> finishedJobsCleanupTask(ObjectProvider<Jobs> jobs) {
            return Tasks.recurring("job-status-cleanup", FixedDelay.of(Duration.ofMinutes(30)))
                    .execute((instance, context) -> jobs.getObject().deleteFinished(Instant.now().minus(KEEP)));
        }
    }

    /** Queues a job of {@code total} items; it starts once the calling transaction commits. */
    @Transactional
    public Job submit(Actor actor, String kind, int total, String payload) {
        if (!actor.isAgent()) {
            throw new Forbidden("Only agents queue jobs");
        }
        if (handlers.stream().noneMatch(h -> h.kinds().contains(kind))) {
            throw new IllegalArgumentException("No handler for jobs of kind " + kind);
        }
        Job job = jobs.save(new Job(UUID.randomUUID().toString().replace("-", ""), actor.id(), kind, total, payload, Instant.now()));
        scheduler.getObject().scheduleIfNotExists(new TaskInstance<Void>(TASK, job.getId()), Instant.now());
        // The scheduler polls every few seconds; after commit, ask it to look now (this node runs the job at once).
        AfterCommit.run(() -> {
            if (scheduler.getObject() instanceof Scheduler running) {
                running.triggerCheckForDueExecutions();
            }
        });
        return job;
    }

    /** The job, for its submitter or an admin; anyone else gets 404 as if it did not exist. */
    @Transactional(readOnly = true)
    public Job get(Actor viewer, String id) {
        return jobs.findById(id).filter(j -> mayRead(viewer, j)).orElseThrow(NotFound::new);
    }

    /** show_many: the readable ones among the ids, in the order asked; others are left out. */
    @Transactional(readOnly = true)
    public List<Job> getMany(Actor viewer, List<String> ids) {
        Map<String, Job> found = new HashMap<>();
        jobs.findByIdIn(ids).stream().filter(j -> mayRead(viewer, j)).forEach(j -> found.put(j.getId(), j));
        return ids.stream().distinct().map(found::get).filter(j -> j != null).toList();
    }

    private static boolean mayRead(Actor viewer, Job job) {
        return job.getUserId() == viewer.id() || viewer.role() == Role.ADMIN;
    }

    /** Zendesk's result objects of a job, as reported so far. */
    public static List<Map<String, Object>> results(Job job) {
        return JSON.readValue(job.getResults(), new TypeReference<List<Map<String, Object>>>() { });
    }

    void run(String id) {
        Optional<Job> taken = tx.execute(s -> take(id));
        if (taken == null || taken.isEmpty()) {
            return;
        }
        Job job = taken.get();
        Optional<User> submitter = users.find(job.getUserId()).filter(User::isAgent).filter(User::canSignIn);
        if (submitter.isEmpty()) {
            finish(id, Job.FAILED, "The user who queued this job is no longer an active agent");
            return;
        }
        JobHandler handler = handlers.stream().filter(h -> h.kinds().contains(job.getKind())).findFirst().orElse(null);
        if (handler == null) {
            finish(id, Job.FAILED, "This version of Kontor cannot run jobs of kind " + job.getKind());
            return;
        }
        List<Map<String, Object>> results = new ArrayList<>(results(job));
        try {
            handler.run(job, Actor.of(submitter.get()), job.getProgress(), result -> {
                results.add(result);
                String json = JSON.writeValueAsString(results);
                tx.executeWithoutResult(s -> jobs.findById(id).ifPresent(j -> j.progressed(results.size(), json, Instant.now())));
            });
            finish(id, Job.COMPLETED, "Completed at " + Instant.now());
        } catch (RuntimeException e) {
            log.warn("Job {} ({}) failed after {} of {} items", id, job.getKind(), results.size(), job.getTotal(), e);
            finish(id, Job.FAILED, "Failed after " + results.size() + " of " + job.getTotal() + " items: " + e.getMessage());
        }
    }

    /** The job to run now: a queued one, or one a crashed node left working. */
    private Optional<Job> take(String id) {
        Instant now = Instant.now();
        if (jobs.start(id, now) == 1) {
            return jobs.findById(id);
        }
        if (jobs.resume(id, now.minus(STALE), now) == 1) {
            Optional<Job> job = jobs.findById(id);
            job.ifPresent(j -> log.info("Job {} resumed after item {} of {}", id, j.getProgress(), j.getTotal()));
            return job;
        }
        return Optional.empty();
    }

    private void finish(String id, String status, String message) {
        tx.executeWithoutResult(s -> jobs.findById(id).ifPresent(j -> j.finish(status, message, Instant.now())));
    }

    @Transactional
    public int deleteFinished(Instant before) {
        return jobs.deleteFinishedBefore(before);
    }
}
