package org.kontor.security;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Failed web sign-ins, limited per client address and per account (token buckets): guessing passwords is slowed
 * down whether one address tries many accounts or many addresses try one. While a bucket is empty every sign-in
 * from that address or to that account is refused, the right password included. Buckets live in this node's
 * memory: a restart or another node starts afresh, which bounds guessing per node and per window.
 */
@Component
class LoginThrottle {
    private static final int MAX_KEYS = 100_000;

    private final int perAccount;
    private final int perAddress;
    private final Duration window;
    private final ConcurrentHashMap<String, Bucket> accounts = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Bucket> addresses = new ConcurrentHashMap<>();

    LoginThrottle(@Value("${kontor.login.failures-per-account:5}") int perAccount,
                  @Value("${kontor.login.failures-per-address:30}") int perAddress,
                  @Value("${kontor.login.window-minutes:15}") long windowMinutes) {
        this.perAccount = perAccount;
        this.perAddress = perAddress;
        this.window = Duration.ofMinutes(windowMinutes);
    }

    boolean blocked(String address, String account) {
        return empty(addresses.get(address)) || empty(accounts.get(key(account)));
    }

    void failed(String address, String account) {
        bucket(addresses, address, perAddress).tryConsume(1);
        bucket(accounts, key(account), perAccount).tryConsume(1);
    }

    private static boolean empty(Bucket bucket) {
        return bucket != null && bucket.getAvailableTokens() < 1;
    }

    private Bucket bucket(ConcurrentHashMap<String, Bucket> buckets, String key, int capacity) {
        if (buckets.size() >= MAX_KEYS) {
            // Full buckets carry no information; dropping them keeps memory bounded under a spray of names.
            buckets.values().removeIf(b -> b.getAvailableTokens() >= capacity);
        }
        return buckets.computeIfAbsent(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, window).build()).build());
    }

    private static String key(String account) {
        return account == null ? "" : account.trim().toLowerCase(Locale.ROOT);
    }
}
