package org.kontor.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.kontor.support.IntegrationTest;
import org.kontor.support.TestDatabase;
import org.kontor.user.User;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.zendesk.client.v2.Zendesk;
import org.zendesk.client.v2.ZendeskResponseRateLimitException;

/**
 * The API rate limit per caller ({@code kontor.api.rate-limit.per-minute}, off by default): Zendesk's headers on every
 * answer, 429 {@code APIRateLimitExceeded} with {@code Retry-After} over the limit. Its own application context (the
 * limit is a start-up setting) with its own search index, closed after the class so that no second instance keeps
 * running beside the others.
 */
@TestPropertySource(properties = "kontor.api.rate-limit.per-minute=5")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ApiRateLimitTest extends IntegrationTest {

    /** The shared context holds the Lucene lock of the common index; this one indexes apart (filled from the database). */
    @DynamicPropertySource
    static void ownSearchIndex(DynamicPropertyRegistry registry) {
        String dir = TestDatabase.newSearchIndexDir();
        // The index root itself: kontor.search.index-dir is already registered by IntegrationTest, which wins.
        registry.add("spring.jpa.properties.hibernate.search.backend.directory.root", () -> dir);
    }

    private Response me(User user) {
        return fixtures.as(user).get("/api/v2/users/me.json");
    }

    @Test
    void everyAnswerTellsTheLimitAndARequestOverItWaitsForRetryAfter() {
        User agent = fixtures.agent("Rate Limited");
        for (int i = 1; i <= 5; i++) {
            Response ok = me(agent);
            ok.then().statusCode(200).header("X-Rate-Limit", "5").header("ratelimit-limit", "5");
            assertThat(Integer.parseInt(ok.header("X-Rate-Limit-Remaining"))).isEqualTo(5 - i);
            assertThat(ok.header("ratelimit-remaining")).isEqualTo(ok.header("X-Rate-Limit-Remaining"));
            assertThat(Long.parseLong(ok.header("ratelimit-reset"))).isBetween(1L, 60L);
        }
        Response refused = me(agent);
        refused.then().statusCode(429).header("X-Rate-Limit-Remaining", "0")
                .body("error", org.hamcrest.Matchers.equalTo("APIRateLimitExceeded"));
        // The minute refills gradually: the next request is admitted after 60 s / 5 = 12 s at most.
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 12L);
    }

    @Test
    void eachCallerHasTheirOwnMinuteAndAnonymousRequestsAreNotCounted() {
        User busy = fixtures.agent("Busy Integration");
        User other = fixtures.agent("Quiet Agent");
        for (int i = 0; i < 5; i++) {
            me(busy).then().statusCode(200);
        }
        me(busy).then().statusCode(429);
        me(other).then().statusCode(200).header("X-Rate-Limit-Remaining", "4");
        anonymous().get("/api/v2/users/me.json").then().statusCode(401)
                .header("X-Rate-Limit", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void theZendeskJavaClientSeesARateLimitWithItsRetryAfter() {
        User agent = fixtures.agent("Client Integration");
        for (int i = 0; i < 5; i++) {
            me(agent).then().statusCode(200);
        }
        try (Zendesk zd = new Zendesk.Builder("http://127.0.0.1:" + port).setUsername(agent.getEmail())
                .setToken(fixtures.apiToken()).build()) {
            assertThatThrownBy(zd::getCurrentUser).isInstanceOfSatisfying(ZendeskResponseRateLimitException.class,
                    e -> assertThat(e.getRetryAfter()).isBetween(1L, 12L));
        }
    }
}
