package org.kontor.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kontor.support.Fixtures;
import org.kontor.support.IntegrationTest;
import org.kontor.user.User;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** How a job runs: exactly once while alive, resumed after a crash from its last reported item, only as an agent. */
class JobsTest extends IntegrationTest {
    @Autowired
    Jobs jobs;
    @Autowired
    JobRepository repository;
    @Autowired
    JdbcTemplate jdbc;

    private String createPayload(User requester, String... externalIds) {
        StringBuilder sb = new StringBuilder("{\"tickets\":[");
        for (int i = 0; i < externalIds.length; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"subject\":\"Job\",\"external_id\":\"").append(externalIds[i])
                    .append("\",\"requester_id\":").append(requester.getId()).append(",\"comment\":{\"body\":\"Hi\"}}");
        }
        return sb.append("]}").toString();
    }

    private String insert(User submitter, String payload, int total) {
        String id = Fixtures.unique("job").replaceAll("[^A-Za-z0-9]", "");
        repository.save(new Job(id, submitter.getId(), "create_many_tickets", total, payload, Instant.now()));
        return id;
    }

    private long tickets(String externalId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM tickets WHERE external_id = ?", Long.class, externalId);
    }

    @Test
    void aJobLeftWorkingByACrashedNodeResumesAfterItsLastReportedItem() {
        User agent = fixtures.agent("Crashed Node");
        User customer = fixtures.endUser("Job Customer");
        String done = Fixtures.unique("done-");
        String rest = Fixtures.unique("rest-");
        String id = insert(agent, createPayload(customer, done, rest), 2);
        // As a crash would leave it: the first item reported, then nothing for ten minutes.
        jdbc.update("UPDATE job_statuses SET status = 'working', progress = 1, "
                        + "results = '[{\"id\":1,\"index\":0,\"action\":\"create\",\"success\":true,\"status\":\"Created\"}]', "
                        + "updated_at = ? WHERE id = ?", Timestamp.from(Instant.now().minus(Duration.ofMinutes(10))), id);

        jobs.run(id);

        Job job = repository.findById(id).orElseThrow();
        assertThat(job.getStatus()).isEqualTo(Job.COMPLETED);
        assertThat(job.getProgress()).isEqualTo(2);
        List<Map<String, Object>> results = Jobs.results(job);
        assertThat(results).extracting(r -> r.get("index")).containsExactly(0, 1);
        assertThat(tickets(done)).as("the reported item is not run again").isZero();
        assertThat(tickets(rest)).isEqualTo(1);
    }

    @Test
    void aJobAnotherRunIsWorkingOnIsNotRunTwiceAndAFinishedOneNotAgain() {
        User agent = fixtures.agent("Busy Node");
        User customer = fixtures.endUser("Job Customer");
        String externalId = Fixtures.unique("busy-");
        String id = insert(agent, createPayload(customer, externalId), 1);
        jdbc.update("UPDATE job_statuses SET status = 'working', updated_at = ? WHERE id = ?", Timestamp.from(Instant.now()), id);
        jobs.run(id);
        assertThat(tickets(externalId)).isZero();
        assertThat(repository.findById(id).orElseThrow().getStatus()).isEqualTo(Job.WORKING);

        String finished = insert(agent, createPayload(customer, externalId), 1);
        jdbc.update("UPDATE job_statuses SET status = 'completed' WHERE id = ?", finished);
        jobs.run(finished);
        assertThat(tickets(externalId)).isZero();
    }

    @Test
    void aJobWhoseSubmitterIsNoLongerAnAgentFailsWithoutRunning() {
        User former = fixtures.endUser("Former Agent");
        String externalId = Fixtures.unique("former-");
        String id = insert(former, createPayload(former, externalId), 1);
        jobs.run(id);
        Job job = repository.findById(id).orElseThrow();
        assertThat(job.getStatus()).isEqualTo(Job.FAILED);
        assertThat(job.getMessage()).contains("no longer an active agent");
        assertThat(tickets(externalId)).isZero();
    }

    @Test
    void finishedJobsAreDeletedAfterADay() {
        User agent = fixtures.agent("Old Jobs");
        String old = insert(agent, "{\"tickets\":[]}", 0);
        String recent = insert(agent, "{\"tickets\":[]}", 0);
        jdbc.update("UPDATE job_statuses SET status = 'completed', updated_at = ? WHERE id = ?",
                Timestamp.from(Instant.now().minus(Duration.ofDays(2))), old);
        jdbc.update("UPDATE job_statuses SET status = 'completed' WHERE id = ?", recent);
        jobs.deleteFinished(Instant.now().minus(Jobs.KEEP));
        assertThat(repository.findById(old)).isEmpty();
        assertThat(repository.findById(recent)).isPresent();
    }
}
