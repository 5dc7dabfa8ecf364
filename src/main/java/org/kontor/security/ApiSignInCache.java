package org.kontor.security;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.kontor.user.UserSignInsRevoked;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * API token sign-ins of the last few seconds, so that an integration's stream of calls does not cost a token
 * lookup and a user lookup in the database for each call. Only successful sign-ins are kept, under the token's
 * hash. Revoking a token, or a user's sign-ins (password, role, suspension, deletion), empties the cache when the
 * change commits.
 */
@Component
class ApiSignInCache {
    private static final int MAX_ENTRIES = 10_000;

    private final long ttlNanos;
    private final ConcurrentHashMap<Key, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    ApiSignInCache(@Value("${kontor.api.sign-in-cache-seconds:5}") long seconds) {
        this.ttlNanos = TimeUnit.SECONDS.toNanos(seconds);
    }

    private record Key(String email, String tokenHash) {
    }

    private record Entry(KontorUser user, long expiresAt) {
    }

    /** Read before checking a sign-in against the database, and handed to {@link #put}. */
    long generation() {
        return generation.get();
    }

    Optional<KontorUser> get(String email, String tokenHash) {
        Key key = new Key(email, tokenHash);
        Entry entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (System.nanoTime() - entry.expiresAt() >= 0) {
            entries.remove(key, entry);
            return Optional.empty();
        }
        return Optional.of(entry.user());
    }

    /** Keeps a sign-in checked against the database since generation {@code seen}, unless a revocation came in between. */
    void put(String email, String tokenHash, KontorUser user, long seen) {
        if (ttlNanos <= 0) {
            return;
        }
        long now = System.nanoTime();
        if (entries.size() >= MAX_ENTRIES) {
            entries.values().removeIf(e -> now - e.expiresAt() >= 0);
            if (entries.size() >= MAX_ENTRIES) {
                return;
            }
        }
        Key key = new Key(email, tokenHash);
        entries.put(key, new Entry(user, now + ttlNanos));
        // A revocation that committed while this sign-in was being checked may have read an old token state.
        if (generation.get() != seen) {
            entries.remove(key);
        }
    }

    /** A user's sign-ins were revoked (password, role, suspension, deletion): nobody's cached sign-in is trusted. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(UserSignInsRevoked e) {
        invalidateAll();
    }

    void invalidateAll() {
        generation.incrementAndGet();
        entries.clear();
    }
}
