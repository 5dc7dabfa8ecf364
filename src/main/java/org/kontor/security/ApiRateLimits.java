package org.kontor.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.kontor.api.ApiErrors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Zendesk's API rate limit, per signed-in API caller: {@code kontor.api.rate-limit.per-minute} requests a minute
 * (0, the default, is no limit — a self-hosted desk decides what its integrations may do). Every API answer then
 * carries Zendesk's headers ({@code X-Rate-Limit}, {@code X-Rate-Limit-Remaining}, {@code ratelimit-limit},
 * {@code ratelimit-remaining}, {@code ratelimit-reset}); a request over the limit answers 429
 * {@code APIRateLimitExceeded} with {@code Retry-After} in seconds, which Zendesk clients wait for. The minute
 * refills gradually and is counted in this node's memory (README "Using the API").
 */
@Component
public class ApiRateLimits {
    private final RateLimit perUser;

    ApiRateLimits(@Value("${kontor.api.rate-limit.per-minute:0}") int perMinute) {
        if (perMinute < 0) {
            throw new IllegalArgumentException("kontor.api.rate-limit.per-minute must be 0 (no limit) or more, not " + perMinute);
        }
        this.perUser = perMinute == 0 ? null : new RateLimit(perMinute, Duration.ofMinutes(1));
    }

    /** Counts one request of the caller; false when it is over the limit and the 429 has been written. */
    boolean admit(long userId, HttpServletResponse response) throws IOException {
        if (perUser == null) {
            return true;
        }
        RateLimit.Take take = perUser.take(Long.toString(userId));
        String limit = Integer.toString(perUser.capacity());
        String remaining = Long.toString(take.remaining());
        response.setHeader("X-Rate-Limit", limit);
        response.setHeader("X-Rate-Limit-Remaining", remaining);
        response.setHeader("ratelimit-limit", limit);
        response.setHeader("ratelimit-remaining", remaining);
        response.setHeader("ratelimit-reset", Long.toString(seconds(take.nanosUntilFull())));
        if (take.admitted()) {
            return true;
        }
        response.setHeader("Retry-After", Long.toString(Math.max(1, seconds(take.nanosUntilNext()))));
        ApiErrors.write(response, 429, "APIRateLimitExceeded",
                "Number of allowed API requests per minute exceeded (" + limit + "); retry after the Retry-After seconds");
        return false;
    }

    private static long seconds(long nanos) {
        return (nanos + 999_999_999L) / 1_000_000_000L;
    }
}
