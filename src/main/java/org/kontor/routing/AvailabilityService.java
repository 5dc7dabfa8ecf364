package org.kontor.routing;

import java.time.Instant;
import java.util.List;
import org.kontor.common.Forbidden;
import org.kontor.common.InvalidInput;
import org.kontor.common.NotFound;
import org.kontor.user.Actor;
import org.kontor.user.User;
import org.kontor.user.UserService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** R13: agents set their own status; admins set anyone's status and capacity. */
@Service
public class AvailabilityService {
    static final int MAX_CAPACITY = 1000;

    private final RoutingStore store;
    private final UserService users;
    private final ApplicationEventPublisher events;

    AvailabilityService(RoutingStore store, UserService users, ApplicationEventPublisher events) {
        this.store = store;
        this.users = users;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public Availability get(long agentId, Actor viewer) {
        if (!viewer.isAgent()) {
            throw new Forbidden("Only agents see availability");
        }
        requireAgent(agentId);
        return store.find(agentId).orElseGet(() -> new Availability(agentId, AgentStatus.OFFLINE, RoutingStore.DEFAULT_CAPACITY,
                store.openTickets(agentId), RoutingStore.NEVER));
    }

    /** Every active agent's availability, by name (the first {@code limit}); for the admins' routing page. */
    @Transactional(readOnly = true)
    public List<Availability> all(int limit, Actor viewer) {
        if (!viewer.isAdmin()) {
            throw new Forbidden("Only admins see every agent's availability");
        }
        return store.all(limit);
    }

    /** Null leaves a value unchanged. Going online (or more capacity) routes waiting tickets after commit. */
    @Transactional
    public Availability set(long agentId, AgentStatus status, Integer capacity, Actor actor) {
        if (!actor.isAgent() || (actor.id() != agentId && !actor.isAdmin())) {
            throw new Forbidden("Agents change their own availability; admins change anyone's");
        }
        if (capacity != null && !actor.isAdmin()) {
            throw new Forbidden("Only admins change an agent's capacity");
        }
        if (capacity != null && (capacity < 0 || capacity > MAX_CAPACITY)) {
            throw new InvalidInput("capacity", "Capacity: must be between 0 and " + MAX_CAPACITY);
        }
        requireAgent(agentId);
        Instant now = Instant.now();
        store.insertIfAbsent(agentId, AgentStatus.OFFLINE, RoutingStore.DEFAULT_CAPACITY, now);
        store.lockAgent(agentId);
        Availability before = store.find(agentId).orElseThrow();
        AgentStatus to = status == null ? before.status() : status;
        int cap = capacity == null ? before.capacity() : capacity;
        store.update(agentId, to, cap, now);
        if (to != before.status() || cap != before.capacity()) {
            events.publishEvent(new AvailabilityChanged(agentId, before.status(), to, cap > before.capacity(), actor.id()));
        }
        return store.find(agentId).orElseThrow();
    }

    private void requireAgent(long agentId) {
        User user = users.find(agentId).orElseThrow(NotFound::new);
        if (!user.isAgent()) {
            throw new NotFound();
        }
    }
}
