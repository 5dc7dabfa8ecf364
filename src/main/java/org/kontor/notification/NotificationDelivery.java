package org.kontor.notification;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the outbox after commit, on its own thread (never the request's): woken right after a change commits,
 * and polling every {@code kontor.mail.poll-interval} for retries and for mail left pending by a restart. Each row
 * is claimed with a conditional update, so several Kontor instances never send the same row at once; a failed send
 * is retried with exponential back-off and keeps its Message-ID, so a retry after a crash is recognisably the same
 * message. Stopping lets the mail being sent finish and hands the rest of its batch back, so a shutdown neither
 * counts failed attempts nor delays mail by a claim lease.
 */
@Component
public class NotificationDelivery implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(NotificationDelivery.class);
    private static final int BATCH = 20;

    private final NotificationRepository notifications;
    private final MailRenderer renderer;
    private final MailSettings settings;
    private final MailTransport transport;
    private final TransactionTemplate tx;
    private final TransactionTemplate readOnly;
    private final AtomicBoolean wanted = new AtomicBoolean();
    private volatile ScheduledExecutorService executor;
    private volatile boolean stopping;

    @Autowired
    NotificationDelivery(NotificationRepository notifications, MailRenderer renderer, MailSettings settings,
                         ObjectProvider<JavaMailSender> smtp, DeveloperMailbox mailbox, PlatformTransactionManager transactions) {
        this(notifications, renderer, settings, transport(smtp.getIfAvailable(), mailbox), transactions);
    }

    NotificationDelivery(NotificationRepository notifications, MailRenderer renderer, MailSettings settings,
                         MailTransport transport, PlatformTransactionManager transactions) {
        this.notifications = notifications;
        this.renderer = renderer;
        this.settings = settings;
        this.transport = transport;
        this.tx = new TransactionTemplate(transactions);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    private static MailTransport transport(JavaMailSender smtp, DeveloperMailbox mailbox) {
        return smtp != null ? new SmtpMailTransport(smtp) : mailbox;
    }

    /** The one transport of this instance, shared with {@link AccountMail}. */
    MailTransport transport() {
        return transport;
    }

    /** "smtp" or "developer-mailbox". */
    public String transportName() {
        return transport.name();
    }

    /** Asks for a delivery run soon; runs requested while one is going coalesce into one more. */
    void nudge() {
        ScheduledExecutorService e = executor;
        if (e != null && wanted.compareAndSet(false, true)) {
            try {
                e.execute(this::runSafely);
            } catch (RejectedExecutionException stopped) {
                wanted.set(false); // shutting down: the next start's poll sends it
            }
        }
    }

    private void runSafely() {
        wanted.set(false);
        try {
            deliverDue();
        } catch (RuntimeException e) {
            log.warn("Notification delivery run failed; the next run retries: {}", e.toString());
        }
    }

    /**
     * Sends every due notification; returns how many were handled. Due rows are claimed a batch at a time in one
     * transaction, and the batch's deliveries are recorded in one transaction after its sends: a crash in between
     * sends those mails again after the claim lease, with their Message-IDs, as a crash after any send would. No
     * send starts after half the lease, so another instance never takes over a claim that is still being sent.
     */
    int deliverDue() {
        int handled = 0;
        java.util.Map<String, OutgoingMail> agentRenders = new java.util.HashMap<>();
        while (!stopping) {
            List<Long> due = notifications.findDue(Instant.now(), BATCH);
            if (due.isEmpty()) {
                return handled;
            }
            Instant claimedAt = Instant.now();
            List<Long> claimed = tx.execute(s -> due.stream()
                    .filter(id -> notifications.claim(id, claimedAt, claimedAt.plus(settings.claimLease)) == 1).toList());
            if (claimed == null || claimed.isEmpty()) {
                return handled;
            }
            // Slow sends must not outlast the claims: past half the lease the rest is left to lapse and be claimed anew.
            Instant sendUntil = claimedAt.plus(settings.claimLease.dividedBy(2));
            java.util.Map<Long, Rendered> renders = renderBatch(claimed, agentRenders);
            List<Sent> sent = new java.util.ArrayList<>();
            int done = 0;
            try {
                for (Long id : claimed) {
                    if (stopping || Instant.now().isAfter(sendUntil)) {
                        break;
                    }
                    deliver(id, renders.get(id), agentRenders).ifPresent(sent::add);
                    done++;
                    handled++;
                }
            } finally {
                if (!sent.isEmpty()) {
                    Instant at = Instant.now();
                    tx.executeWithoutResult(s -> sent.forEach(m -> notifications.delivered(m.id(), at, m.messageId(), m.to())));
                }
                if (stopping) {
                    release(claimed.subList(done, claimed.size()));
                }
            }
        }
        return handled;
    }

    /** Hands claims back unsent (at shutdown), so that the next run, here or on another node, takes them at once. */
    private void release(List<Long> unsent) {
        if (unsent.isEmpty()) {
            return;
        }
        try {
            Instant now = Instant.now();
            tx.executeWithoutResult(s -> unsent.forEach(id -> notifications.release(id, now)));
        } catch (RuntimeException e) {
            log.info("{} claimed notifications were not handed back ({}); their claims lapse", unsent.size(), e.toString());
        }
    }

    private record Sent(long id, String messageId, String to) {
    }

    /** A notification's mail (empty when its recipient may no longer see the ticket), or why it could not be rendered. */
    private record Rendered(int attempts, Optional<OutgoingMail> mail, RuntimeException problem) {
    }

    /**
     * Renders a claimed batch in one read-only transaction that reads its notifications, tickets and people once
     * instead of per mail; each mail is still rendered through the access policy with its recipient's view. A
     * template that fails fails its own mail; if the database fails, the rest of the batch is left out here and
     * rendered one by one in {@link #deliver}.
     */
    private java.util.Map<Long, Rendered> renderBatch(List<Long> ids, java.util.Map<String, OutgoingMail> agentRenders) {
        java.util.Map<Long, Rendered> renders = new java.util.HashMap<>();
        try {
            readOnly.executeWithoutResult(s -> {
                List<Notification> batch = notifications.findAllById(ids);
                renderer.preload(batch);
                for (Notification n : batch) {
                    try {
                        renders.put(n.getId(), new Rendered(n.getAttempts(), renderer.render(n, agentRenders), null));
                    } catch (DataAccessException | jakarta.persistence.PersistenceException e) {
                        throw e;
                    } catch (RuntimeException e) {
                        renders.put(n.getId(), new Rendered(n.getAttempts(), Optional.empty(), e));
                    }
                }
            });
        } catch (RuntimeException e) {
            log.warn("Rendering a batch of notifications failed; rendering them one by one: {}", e.toString());
            renders.values().removeIf(r -> r.problem() == null);
        }
        return renders;
    }

    /**
     * Sends one claimed notification, rendered with its batch or else here; a sent one is recorded by the caller,
     * anything else here.
     */
    private Optional<Sent> deliver(long id, Rendered batchRender, java.util.Map<String, OutgoingMail> agentRenders) {
        Rendered rendered = batchRender;
        if (rendered == null) {
            try {
                rendered = readOnly.execute(s -> notifications.findById(id)
                        .map(n -> new Rendered(n.getAttempts(), renderer.render(n, agentRenders), null)).orElse(null));
            } catch (RuntimeException e) {
                rendered = new Rendered(attemptsSoFar(id), Optional.empty(), e);
            }
        }
        if (rendered == null) {
            return Optional.empty();
        }
        if (rendered.problem() != null) {
            log.warn("Notification {} could not be rendered: {}", id, rendered.problem().toString());
            fail(id, rendered.attempts() + 1, rendered.problem());
            return Optional.empty();
        }
        if (rendered.mail().isEmpty()) {
            tx.executeWithoutResult(s -> notifications.cancelled(id, "The recipient can no longer see the ticket (R11, V2) or no longer receives mail (suspended or deleted)"));
            return Optional.empty();
        }
        OutgoingMail mail = rendered.mail().get();
        try {
            transport.send(mail);
        } catch (Exception e) {
            fail(id, rendered.attempts() + 1, e);
            return Optional.empty();
        }
        return Optional.of(new Sent(id, mail.messageId(), mail.to()));
    }

    private int attemptsSoFar(long id) {
        return notifications.findById(id).map(Notification::getAttempts).orElse(0);
    }

    private void fail(long id, int attempts, Exception e) {
        boolean giveUp = attempts >= settings.maxAttempts;
        Instant next = Instant.now().plus(settings.backoff(attempts));
        String error = String.valueOf(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        log.info("Notification {} attempt {} failed ({}); {}", id, attempts, error, giveUp ? "giving up" : "retrying at " + next);
        tx.executeWithoutResult(s -> notifications.failed(id, giveUp ? Notification.FAILED : Notification.PENDING, next,
                error.length() > 2000 ? error.substring(0, 2000) : error));
    }

    @Override
    public void start() {
        stopping = false;
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kontor-mail");
            t.setDaemon(true);
            return t;
        });
        long ms = settings.pollInterval.toMillis();
        executor.scheduleWithFixedDelay(this::runSafely, ms, ms, TimeUnit.MILLISECONDS);
        log.info("Notification delivery started: {} (polling every {} ms)", transport.name(), ms);
    }

    /**
     * Lets the mail being sent finish (an interrupt would fail it mid-render or mid-SMTP and count an attempt), then
     * interrupts whatever is still running after a few seconds.
     */
    @Override
    public void stop() {
        stopping = true;
        ScheduledExecutorService e = executor;
        executor = null;
        if (e != null) {
            e.shutdown();
            try {
                if (!e.awaitTermination(5, TimeUnit.SECONDS)) {
                    e.shutdownNow();
                    e.awaitTermination(2, TimeUnit.SECONDS);
                }
            } catch (InterruptedException ie) {
                e.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
