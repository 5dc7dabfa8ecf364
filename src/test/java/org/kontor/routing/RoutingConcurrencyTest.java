package org.kontor.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.kontor.group.Group;
import org.kontor.group.GroupService;
import org.kontor.support.IntegrationTest;
import org.kontor.support.TestDatabase;
import org.kontor.user.User;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * R13 "exactly once" with real concurrency on the database of this run (PostgreSQL in the postgresql execution):
 * routing passes for every ticket race each other and agents pulling "next ticket" over HTTP at the same time.
 */
class RoutingConcurrencyTest extends IntegrationTest {
    @Autowired
    GroupService groups;
    @Autowired
    Router router;
    @Autowired
    JdbcTemplate jdbc;

    private List<User> agents(Group group, int n) {
        List<User> agents = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            User a = fixtures.agent("Racer " + i);
            groups.addMember(a.getId(), group.getId(), false);
            agents.add(a);
        }
        return agents;
    }

    private List<Long> queued(Group group, int n) {
        User submitter = fixtures.agent("Submitter");
        User customer = fixtures.endUser("Race Customer");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(fixtures.as(submitter).body(Map.of("ticket", Map.of("subject", "Race " + i, "requester_id", customer.getId(),
                            "group_id", group.getId(), "comment", Map.of("body", "Queued " + i))))
                    .post("/api/v2/tickets.json").then().statusCode(201).extract().jsonPath().getLong("ticket.id"));
        }
        return ids;
    }

    /** Online with a capacity, written directly so that no drain runs before the race starts. */
    private void online(User agent, int capacity) {
        jdbc.update("INSERT INTO agent_availability (user_id, status, capacity, last_assigned_at, updated_at)"
                + " VALUES (?, 'online', ?, TIMESTAMP '1970-01-01 00:00:00', CURRENT_TIMESTAMP)", agent.getId(), capacity);
    }

    private int assigneeChanges(long ticketId) {
        JsonPath audits = fixtures.asAdmin().get("/api/v2/tickets/" + ticketId + "/audits.json").then().statusCode(200).extract().jsonPath();
        return audits.getList("audits.events.flatten().findAll { it.field_name == 'assignee_id' }").size();
    }

    private Long assignee(long ticketId) {
        return jdbc.queryForObject("SELECT assignee_id FROM tickets WHERE id = ?", Long.class, ticketId);
    }

    private static void race(List<Callable<Object>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Object>> futures = new ArrayList<>();
        for (Callable<Object> t : tasks) {
            futures.add(pool.submit(() -> {
                start.await();
                return t.call();
            }));
        }
        start.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(120, TimeUnit.SECONDS)).isTrue();
        for (Future<Object> f : futures) {
            f.get(); // any exception fails the test
        }
    }

    @Test
    void r13_racingRoutingPassesAndPullsAssignEachTicketOnceAndRespectCapacity() throws Exception {
        Group group = fixtures.group("Race queue");
        List<User> agents = agents(group, 3);
        List<Long> tickets = queued(group, 12); // nobody online yet: all stay queued
        assertThat(tickets).allSatisfy(id -> assertThat(assignee(id)).isNull());
        agents.forEach(a -> online(a, 3));

        List<Callable<Object>> tasks = new ArrayList<>();
        for (long id : tickets) {
            tasks.add(() -> router.route(id, null));
            tasks.add(() -> router.route(id, null));
        }
        for (User a : agents) {
            for (int i = 0; i < 2; i++) {
                tasks.add(() -> {
                    int status = fixtures.as(a).post("/api/v2/kontor/routing/next.json").then().extract().statusCode();
                    assertThat(status).as("pull answers 200, or 422 at capacity").isIn(200, 422);
                    return status;
                });
            }
        }
        Collections.shuffle(tasks, new java.util.Random(7));
        race(tasks);

        List<Long> assignees = tickets.stream().map(this::assignee).toList();
        for (User a : agents) {
            assertThat(assignees.stream().filter(x -> a.getId().equals(x)).count()).as("capacity of " + a.getName()).isEqualTo(3);
        }
        assertThat(assignees.stream().filter(java.util.Objects::isNull).count()).isEqualTo(3);
        for (long id : tickets) {
            assertThat(assigneeChanges(id)).as("assignments of ticket " + id).isEqualTo(assignee(id) == null ? 0 : 1);
        }
        System.out.println("Routing on " + TestDatabase.kind() + ": " + router.timings());
    }

    @Test
    void r13_manyPassesOverOneTicketAssignItExactlyOnce() throws Exception {
        Group group = fixtures.group("Single race");
        List<User> agents = agents(group, 4);
        long ticket = queued(group, 1).get(0);
        agents.forEach(a -> online(a, 5));
        List<Callable<Object>> tasks = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            tasks.add(() -> router.route(ticket, null));
        }
        race(tasks);
        assertThat(assignee(ticket)).isEqualTo(agents.get(0).getId()); // longest waiting, lowest id
        assertThat(assigneeChanges(ticket)).isEqualTo(1);
    }
}
