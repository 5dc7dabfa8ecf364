package org.kontor.routing;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.kontor.settings.AccountSettingsService;
import org.kontor.ticket.TicketEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * When routing happens. A ticket put into a group's queue without an assignee is routed right after its
 * transaction commits: the creating request never waits on routing's locks, and a failed routing pass never
 * rolls back the ticket. What such a pass misses (a crash between commit and routing, no agent online at the
 * time) the periodic sweep routes later, cluster-safe through db-scheduler; the row locks in {@link Router} make
 * the two passes safe against each other. Agents coming online, or getting more capacity, drain their groups'
 * queues; an agent going offline hands back their new and open tickets when the admin option says so.
 */
@Configuration(proxyBeanMethods = false)
class QueueWatcher {
    private static final Logger log = LoggerFactory.getLogger(QueueWatcher.class);

    private final Router router;
    private final RoutingStore store;
    private final AccountSettingsService settings;

    QueueWatcher(Router router, RoutingStore store, AccountSettingsService settings) {
        this.router = router;
        this.store = store;
        this.settings = settings;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void onAssigned(TicketEvents.TicketAssigned e) {
        if (e.assigneeId() == null && e.groupId() != null) {
            try {
                router.route(e.ticketId(), e.actorId());
            } catch (RuntimeException ex) {
                log.warn("Routing ticket {} failed; the sweep retries: {}", e.ticketId(), ex.toString());
            }
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void onAvailability(AvailabilityChanged e) {
        if (e.to() == AgentStatus.ONLINE && (e.from() != AgentStatus.ONLINE || e.capacityRaised())) {
            drain(e.agentId(), e.actorId());
        }
        if (e.to() == AgentStatus.OFFLINE && e.from() != AgentStatus.OFFLINE && settings.operations().reassignWhenAgentOffline()) {
            for (long ticketId : store.reassignable(e.agentId())) {
                try {
                    router.reassign(ticketId, e.agentId(), e.actorId());
                } catch (RuntimeException ex) {
                    log.warn("Reassigning ticket {} failed: {}", ticketId, ex.toString());
                }
            }
        }
    }

    /** Routes the agent's groups' queued tickets, oldest first (at most 200 per change; the sweep does the rest). */
    private void drain(long agentId, long actorId) {
        for (long ticketId : store.queued(store.groupsOf(agentId), 200)) {
            try {
                router.route(ticketId, actorId);
            } catch (RuntimeException ex) {
                log.warn("Routing ticket {} failed: {}", ticketId, ex.toString());
            }
        }
    }

    /** Every queued ticket, oldest first (at most 500 per run). */
    int sweep() {
        int assigned = 0;
        for (long ticketId : store.allQueued(500)) {
            try {
                if (router.route(ticketId, null).assignedNow()) {
                    assigned++;
                }
            } catch (RuntimeException ex) {
                log.warn("Routing ticket {} failed: {}", ticketId, ex.toString());
            }
        }
        return assigned;
    }

    @Bean
    RecurringTask<Void> routingSweep(@Value("${kontor.routing.sweep-interval:PT1M}") Duration interval) {
        return Tasks.recurring("routing-sweep", FixedDelay.of(interval)).execute((instance, context) -> sweep());
    }
}
