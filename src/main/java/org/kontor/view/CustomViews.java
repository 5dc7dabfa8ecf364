package org.kontor.view;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.kontor.api.PageParams;
import org.kontor.api.Paging;
import org.kontor.common.Forbidden;
import org.kontor.common.InvalidInput;
import org.kontor.common.NotFound;
import org.kontor.group.Audience;
import org.kontor.ticket.Ticket;
import org.kontor.user.Actor;
import org.kontor.visibility.AccessPolicy;
import org.kontor.visibility.VisibleTickets;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Custom views for agents: admins share them with all agents or a group, every agent keeps personal ones (the same
 * audience rules as macros). Their tickets are read through {@link VisibleTickets}, like every ticket list.
 */
@Service
public class CustomViews {
    private final CustomViewRepository views;
    private final Audience audience;
    private final VisibleTickets tickets;
    private final AccessPolicy policy;

    CustomViews(CustomViewRepository views, Audience audience, VisibleTickets tickets, AccessPolicy policy) {
        this.views = views;
        this.audience = audience;
        this.tickets = tickets;
        this.policy = policy;
    }

    /** The views the actor may use, by title; {@code active} null: both. */
    @Transactional(readOnly = true)
    public List<CustomView> available(Boolean active, Actor actor) {
        requireAgent(actor);
        return audience.visibleTo(views.findAllByOrderByTitleAscIdAsc(), actor).stream()
                .filter(v -> active == null || v.isActive() == active).toList();
    }

    /** The active views of the actor's side bar: not other agents' personal ones, even for admins. */
    @Transactional(readOnly = true)
    public List<SideBarView> sideBar(Actor actor) {
        requireAgent(actor);
        // The agent's groups are read once for all views, not once per view on every side-bar load.
        java.util.Collection<Long> myGroups = audience.groupsOf(actor);
        Instant now = Instant.now();
        return audience.inWorkspaceOf(views.findAllByOrderByTitleAscIdAsc(), actor).stream()
                .map(v -> new SideBarView(v, v.conditions().filter(actor.id(), myGroups, now))).toList();
    }

    /** A view of the side bar with its filter for the agent looking. */
    public record SideBarView(CustomView view, Specification<Ticket> filter) {
    }

    @Transactional(readOnly = true)
    public CustomView get(long id, Actor actor) {
        requireAgent(actor);
        return views.findById(id).filter(v -> audience.isVisibleTo(v, actor)).orElseThrow(NotFound::new);
    }

    @Transactional
    public CustomView create(CustomViewDraft draft, Actor actor) {
        requireAgent(actor);
        List<InvalidInput.FieldError> missing = new ArrayList<>();
        if (draft.title() == null || draft.title().isBlank()) {
            missing.add(new InvalidInput.FieldError("title", "Title: cannot be blank", "err.macro.title"));
        }
        if (draft.conditions() == null) {
            missing.add(new InvalidInput.FieldError("conditions", "Conditions: a view needs at least one condition",
                    "err.view.conditionRequired"));
        }
        if (!missing.isEmpty()) {
            throw new InvalidInput(missing);
        }
        Audience.checkTexts(draft.title(), draft.description());
        return views.save(new CustomView(withAudience(draft, actor, true), Instant.now()));
    }

    @Transactional
    public CustomView update(long id, CustomViewDraft draft, Actor actor) {
        CustomView view = manageable(id, actor);
        if (draft.title() != null && draft.title().isBlank()) {
            throw InvalidInput.of("title", "err.macro.title", "Title: cannot be blank");
        }
        Audience.checkTexts(draft.title(), draft.description());
        view.change(withAudience(draft, actor, false), Instant.now());
        return view;
    }

    @Transactional
    public void delete(long id, Actor actor) {
        views.delete(manageable(id, actor));
    }

    public boolean mayManage(CustomView view, Actor actor) {
        return audience.mayManage(view, actor);
    }

    /** The view's filter for this agent ({@code current_user}, {@code current_groups} are theirs). */
    private Specification<Ticket> filter(CustomView view, Actor actor) {
        return view.conditions().filter(actor.id(), audience.groupsOf(actor), Instant.now());
    }

    /** One page of the view's tickets the actor may see. */
    @Transactional(readOnly = true)
    public Paging.Result<Ticket> tickets(long id, PageParams params, Paging.Ordering ordering, Actor actor) {
        CustomView view = get(id, actor);
        return tickets.tickets(policy.viewerFor(actor), filter(view, actor), params, ordering);
    }

    @Transactional(readOnly = true)
    public long count(long id, Actor actor) {
        CustomView view = get(id, actor);
        return tickets.count(policy.viewerFor(actor), filter(view, actor));
    }

    private CustomViewDraft withAudience(CustomViewDraft draft, Actor actor, boolean creating) {
        return new CustomViewDraft(draft.title(), draft.description(), draft.active(), draft.conditions(),
                audience.check(draft.restriction(), actor, creating));
    }

    private CustomView manageable(long id, Actor actor) {
        CustomView view = get(id, actor);
        if (!mayManage(view, actor)) {
            throw new Forbidden("Only admins change shared views");
        }
        return view;
    }

    private static void requireAgent(Actor actor) {
        if (!actor.isAgent()) {
            throw new Forbidden("Only agents use views");
        }
    }
}
