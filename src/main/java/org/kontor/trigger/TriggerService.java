package org.kontor.trigger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.kontor.common.Forbidden;
import org.kontor.common.InvalidInput;
import org.kontor.common.NotFound;
import org.kontor.user.Actor;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Managing triggers (admins only), and the active ones in order for the engine, cached between changes. */
@Service
public class TriggerService {
    /** A change made through another Kontor instance is seen after this long; one made here at once. */
    private static final long CACHE_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final TriggerRepository triggers;
    private final AtomicLong generation = new AtomicLong();
    private volatile Cached cached;

    /** An active trigger as the engine runs it: immutable, no entity. */
    public record ActiveTrigger(long id, String title, TriggerRules rules) {
    }

    private record Cached(List<ActiveTrigger> triggers, long generation, long readAt) {
    }

    /**
     * What an admin sends; null fields of an update stay as they are. Conditions and actions come as Zendesk's JSON
     * and are validated together (with the stored half when an update sends only one of them).
     */
    public record TriggerDraft(String title, String description, Boolean active, Integer position,
                               JsonNode conditions, JsonNode legacyAll, JsonNode legacyAny, JsonNode actions) {
        boolean changesRules() {
            return conditions != null || legacyAll != null || legacyAny != null || actions != null;
        }

        TriggerRules rules(Trigger existing) {
            if (existing == null) {
                return TriggerRules.parse(conditions, legacyAll, legacyAny, actions);
            }
            boolean newConditions = conditions != null || legacyAll != null || legacyAny != null;
            return TriggerRules.parse(newConditions ? conditions : existing.rules().conditionsJson(),
                    newConditions ? legacyAll : null, newConditions ? legacyAny : null,
                    actions != null ? actions : existing.rules().actionsJson());
        }

        public static TriggerDraft of(String title, String description, Boolean active, Integer position) {
            return new TriggerDraft(title, description, active, position, null, null, null, null);
        }
    }

    TriggerService(TriggerRepository triggers) {
        this.triggers = triggers;
    }

    @Transactional(readOnly = true)
    public List<ActiveTrigger> active() {
        long current = generation.get();
        Cached c = cached;
        long now = System.nanoTime();
        if (c != null && c.generation() == current && now - c.readAt() < CACHE_NANOS) {
            return c.triggers();
        }
        List<ActiveTrigger> read = triggers.findByActiveOrderByPositionAscIdAsc(true).stream()
                .map(t -> new ActiveTrigger(t.getId(), t.getTitle(), t.rules())).toList();
        cached = new Cached(read, current, now);
        return read;
    }

    @Transactional(readOnly = true)
    public List<Trigger> list(Boolean active, Actor actor) {
        requireAdmin(actor);
        return active == null ? triggers.findAllByOrderByPositionAscIdAsc() : triggers.findByActiveOrderByPositionAscIdAsc(active);
    }

    @Transactional(readOnly = true)
    public Trigger get(long id, Actor actor) {
        requireAdmin(actor);
        return triggers.findById(id).orElseThrow(NotFound::new);
    }

    @Transactional
    public Trigger create(TriggerDraft draft, Actor actor) {
        requireAdmin(actor);
        String title = requireTitle(draft.title());
        TriggerRules rules = draft.rules(null);
        int position = draft.position() != null ? draft.position() : triggers.maxPosition() + 1;
        Trigger trigger = triggers.save(new Trigger(title, draft.description(), draft.active() == null || draft.active(),
                position, rules, Instant.now()));
        changed();
        return trigger;
    }

    @Transactional
    public Trigger update(long id, TriggerDraft draft, Actor actor) {
        requireAdmin(actor);
        Trigger trigger = triggers.findById(id).orElseThrow(NotFound::new);
        Instant now = Instant.now();
        if (draft.title() != null || draft.description() != null) {
            trigger.rename(draft.title() != null ? requireTitle(draft.title()) : trigger.getTitle(),
                    draft.description() != null ? draft.description() : trigger.getDescription(), now);
        }
        if (draft.changesRules()) {
            trigger.change(draft.rules(trigger), now);
        }
        if (draft.active() != null) {
            trigger.activate(draft.active(), now);
        }
        if (draft.position() != null) {
            trigger.moveTo(draft.position(), now);
        }
        changed();
        return triggers.save(trigger);
    }

    @Transactional
    public void delete(long id, Actor actor) {
        requireAdmin(actor);
        triggers.delete(triggers.findById(id).orElseThrow(NotFound::new));
        changed();
    }

    /** Zendesk's update_many: positions and active flags of several triggers at once, all or nothing. */
    @Transactional
    public List<Trigger> updateMany(Map<Long, TriggerDraft> changes, Actor actor) {
        requireAdmin(actor);
        List<Trigger> result = new ArrayList<>();
        for (var e : changes.entrySet()) {
            if (triggers.findById(e.getKey()).isEmpty()) {
                throw new InvalidInput("triggers", "Triggers: " + e.getKey() + " does not exist");
            }
        }
        for (var e : changes.entrySet()) {
            result.add(update(e.getKey(), e.getValue(), actor));
        }
        return result;
    }

    /** Zendesk's reorder: the given ids take positions 1..n in that order; the others follow in their order. */
    @Transactional
    public List<Trigger> reorder(List<Long> ids, Actor actor) {
        requireAdmin(actor);
        List<Trigger> all = new ArrayList<>(triggers.findAllByOrderByPositionAscIdAsc());
        for (Long id : ids) {
            if (all.stream().noneMatch(t -> t.getId().equals(id))) {
                throw new InvalidInput("trigger_ids", "Triggers: " + id + " does not exist");
            }
        }
        all.sort(Comparator.comparingInt((Trigger t) -> {
            int i = ids.indexOf(t.getId());
            return i < 0 ? Integer.MAX_VALUE : i;
        }));
        Instant now = Instant.now();
        for (int i = 0; i < all.size(); i++) {
            all.get(i).moveTo(i + 1, now);
        }
        changed();
        return all;
    }

    /** Moves a trigger one place up (-1) or down (+1) in the order, for the admin page. */
    @Transactional
    public void move(long id, int direction, Actor actor) {
        requireAdmin(actor);
        List<Long> order = new ArrayList<>(triggers.findAllByOrderByPositionAscIdAsc().stream().map(Trigger::getId).toList());
        int i = order.indexOf(id);
        if (i < 0) {
            throw new NotFound();
        }
        int j = i + direction;
        if (j >= 0 && j < order.size()) {
            order.set(i, order.get(j));
            order.set(j, id);
        }
        reorder(order, actor);
    }

    private void changed() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    generation.incrementAndGet();
                }
            });
        } else {
            generation.incrementAndGet();
        }
    }

    private static String requireTitle(String title) {
        if (title == null || title.isBlank()) {
            throw InvalidInput.of("title", "err.title.blank", "Title: cannot be blank");
        }
        if (title.length() > 255) {
            throw InvalidInput.of("title", "err.title.tooLong", "Title: at most 255 characters", 255);
        }
        return title.trim();
    }

    private static void requireAdmin(Actor actor) {
        if (!actor.isAdmin()) {
            throw new Forbidden("Only admins can manage triggers");
        }
    }
}
