package org.kontor.voice.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.kontor.support.IntegrationTest;
import org.kontor.user.User;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * C1/R2 under concurrency (on H2 and PostgreSQL): calls from one unknown number that arrive at the same moment,
 * written in different formats, make one end user, and every call ticket is theirs.
 */
class VoiceCallerConcurrencyTest extends IntegrationTest {
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void c1_r2_simultaneousCallsFromANewNumberCreateOneCaller() throws Exception {
        User agent = fixtures.agent("Conny Concurrent");
        String digits = "4940" + (100_000_000 + ThreadLocalRandom.current().nextInt(899_999_999));
        String cc = digits.substring(0, 2);
        String area = digits.substring(2, 4);
        List<String> formats = List.of("+" + digits, "+" + cc + " " + area + " " + digits.substring(4),
                "+" + cc + "-" + area + "-" + digits.substring(4),
                "+" + cc + " (" + area + ") " + digits.substring(4, 8) + "-" + digits.substring(8));
        ExecutorService pool = Executors.newFixedThreadPool(formats.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Long>> requesters = new ArrayList<>();
            for (String from : formats) {
                requesters.add(pool.submit(() -> {
                    Map<String, Object> vc = new HashMap<>(Map.of("from", from, "to", "+49 30 5550000", "call_duration", 30,
                            "answered_by_id", agent.getId()));
                    start.await();
                    return fixtures.as(agent).body(Map.of("ticket", Map.of("via_id", 45, "voice_comment", vc)))
                            .post("/api/v2/channels/voice/tickets.json").then().statusCode(201).extract().jsonPath().getLong("ticket.requester_id");
                }));
            }
            start.countDown();
            List<Long> ids = new ArrayList<>();
            for (Future<Long> f : requesters) {
                ids.add(f.get(60, TimeUnit.SECONDS));
            }
            assertThat(ids).hasSize(formats.size()).containsOnly(ids.get(0));
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM users WHERE phone_digits = ?", Integer.class, digits)).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
