package org.kontor.security;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Failed web sign-ins, limited per client address and per account (token buckets): guessing passwords is slowed
 * down whether one address tries many accounts or many addresses try one. While a bucket is empty every sign-in
 * from that address or to that account is refused, the right password included.
 */
@Component
class LoginThrottle {
    private final RateLimit accounts;
    private final RateLimit addresses;

    LoginThrottle(@Value("${kontor.login.failures-per-account:5}") int perAccount,
                  @Value("${kontor.login.failures-per-address:30}") int perAddress,
                  @Value("${kontor.login.window-minutes:15}") long windowMinutes) {
        this.accounts = new RateLimit(perAccount, Duration.ofMinutes(windowMinutes));
        this.addresses = new RateLimit(perAddress, Duration.ofMinutes(windowMinutes));
    }

    boolean blocked(String address, String account) {
        return addresses.exhausted(address) || accounts.exhausted(account);
    }

    void failed(String address, String account) {
        addresses.record(address);
        accounts.record(account);
    }
}
