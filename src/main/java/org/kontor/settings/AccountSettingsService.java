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
    static final String CALL_TICKETS_PRIVATE = "voice.call_tickets_private";
    static final String REASSIGN_WHEN_OFFLINE = "routing.reassign_when_agent_offline";
    static final String HELP_CENTER_SIGN_UP = "help_center.anyone_can_sign_up";
    static final String CLOSE_SOLVED_AFTER_DAYS = "tickets.close_solved_after_days";
    /** Zendesk's default automation closes a ticket 4 days after it was solved. */
    public static final int DEFAULT_CLOSE_SOLVED_AFTER_DAYS = 4;
    public static final int MAX_CLOSE_SOLVED_AFTER_DAYS = 28;
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

    /** Issue 7's settings (voice, routing); read on each call, they are not on a hot path. */
    @Transactional(readOnly = true)
    public OperationsSettings operations() {
        return new OperationsSettings(flag(CALL_TICKETS_PRIVATE, OperationsSettings.DEFAULTS.callTicketsPrivate()),
                flag(REASSIGN_WHEN_OFFLINE, OperationsSettings.DEFAULTS.reassignWhenAgentOffline()));
    }

    /**
     * Admins only. Call tickets can be set to start private only while private ticket creation is on (R8); if an
     * admin later turns that off, call tickets start public again (see {@link #callTicketsStartPrivate()}).
     */
    @Transactional
    public OperationsSettings updateOperations(Boolean callTicketsPrivate, Boolean reassignWhenAgentOffline, Actor actor) {
        if (!actor.isAdmin()) {
            throw new Forbidden("Only admins can change account settings");
        }
        if (Boolean.TRUE.equals(callTicketsPrivate) && !tickets().firstCommentPrivateEnabled()) {
            throw new org.kontor.common.RuleViolation("R8", "call_tickets_private",
                    "Call tickets can start private only while private ticket creation is on"
                            + " (tickets.is_first_comment_private_enabled)");
        }
        if (callTicketsPrivate != null) {
            set(CALL_TICKETS_PRIVATE, callTicketsPrivate);
        }
        if (reassignWhenAgentOffline != null) {
            set(REASSIGN_WHEN_OFFLINE, reassignWhenAgentOffline);
        }
        return operations();
    }

    /** R8/R13: whether a new call ticket starts private right now. */
    @Transactional(readOnly = true)
    public boolean callTicketsStartPrivate() {
        return operations().callTicketsPrivate() && tickets().firstCommentPrivateEnabled();
    }

    /** Whether anyone may sign up in the Help Center (off by default: agents and admins create end users). */
    @Transactional(readOnly = true)
    public boolean helpCenterSignUp() {
        return flag(HELP_CENTER_SIGN_UP, false);
    }

    @Transactional
    public void updateHelpCenterSignUp(boolean anyoneCanSignUp, Actor actor) {
        if (!actor.isAdmin()) {
            throw new Forbidden("Only admins can change account settings");
        }
        set(HELP_CENTER_SIGN_UP, anyoneCanSignUp);
    }

    /** Days after which a solved ticket is closed by Kontor (0: never). */
    @Transactional(readOnly = true)
    public int closeSolvedAfterDays() {
        return settings.findById(CLOSE_SOLVED_AFTER_DAYS).map(s -> Integer.parseInt(s.getValueText()))
                .orElse(DEFAULT_CLOSE_SOLVED_AFTER_DAYS);
    }

    /** Admins only; 0 (never) to {@value #MAX_CLOSE_SOLVED_AFTER_DAYS} days (Zendesk closes after 28 days at the latest). */
    @Transactional
    public int updateCloseSolvedAfterDays(int days, Actor actor) {
        if (!actor.isAdmin()) {
            throw new Forbidden("Only admins can change account settings");
        }
        if (days < 0 || days > MAX_CLOSE_SOLVED_AFTER_DAYS) {
            throw org.kontor.common.InvalidInput.of("close_solved_after_days", "err.settings.closeSolvedAfterDays",
                    "Close solved tickets after: from 0 (never) to " + MAX_CLOSE_SOLVED_AFTER_DAYS + " days",
                    MAX_CLOSE_SOLVED_AFTER_DAYS);
        }
        set(CLOSE_SOLVED_AFTER_DAYS, Integer.toString(days));
        return days;
    }

    private TicketSettings read() {
        return new TicketSettings(flag(FIRST_COMMENT_PRIVATE, TicketSettings.DEFAULTS.firstCommentPrivateEnabled()));
    }

    private boolean flag(String name, boolean fallback) {
        return settings.findById(name).map(s -> Boolean.parseBoolean(s.getValueText())).orElse(fallback);
    }

    private void set(String name, boolean value) {
        set(name, Boolean.toString(value));
    }

    private void set(String name, String value) {
        settings.findById(name).ifPresentOrElse(s -> s.change(value), () -> settings.save(new AccountSetting(name, value)));
    }
}
