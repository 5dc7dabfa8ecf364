package org.kontor.settings;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.kontor.common.Forbidden;
import org.kontor.user.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

@Service
public class AccountSettingsService {
    static final String FIRST_COMMENT_PRIVATE = "tickets.is_first_comment_private_enabled";
    /** Every ticket creation reads the settings; a change through another Kontor instance shows after this long. */
    private static final long CACHE_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final AccountSettingRepository settings;
    /** Advanced when a change commits: a value read before it is never used again. */
    private final AtomicLong generation = new AtomicLong();
    private volatile Cached cached;

    private record Cached(TicketSettings tickets, long generation, long readAt) {
    }

    AccountSettingsService(AccountSettingRepository settings) {
        this.settings = settings;
    }

    @Transactional(readOnly = true)
    public TicketSettings tickets() {
        long current = generation.get();
        Cached c = cached;
        long now = System.nanoTime();
        if (c != null && c.generation() == current && now - c.readAt() < CACHE_NANOS) {
            return c.tickets();
        }
        TicketSettings read = read();
        cached = new Cached(read, current, now);
        return read;
    }

    /** R8: only an admin changes the account's settings; null leaves a value as it is. */
    @Transactional
    public TicketSettings updateTickets(Boolean firstCommentPrivateEnabled, Actor actor) {
        if (!actor.isAdmin()) {
            throw new Forbidden("Only admins can change account settings");
        }
        if (firstCommentPrivateEnabled != null) {
            set(FIRST_COMMENT_PRIVATE, firstCommentPrivateEnabled);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    generation.incrementAndGet();
                }
            });
        }
        return read();
    }

    private TicketSettings read() {
        return new TicketSettings(flag(FIRST_COMMENT_PRIVATE, TicketSettings.DEFAULTS.firstCommentPrivateEnabled()));
    }

    private boolean flag(String name, boolean fallback) {
        return settings.findById(name).map(s -> Boolean.parseBoolean(s.getValueText())).orElse(fallback);
    }

    private void set(String name, boolean value) {
        settings.findById(name).ifPresentOrElse(s -> s.change(Boolean.toString(value)),
                () -> settings.save(new AccountSetting(name, Boolean.toString(value))));
    }
}
