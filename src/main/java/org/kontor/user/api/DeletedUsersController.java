package org.kontor.user.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.kontor.api.Envelope;
import org.kontor.api.PageParams;
import org.kontor.api.Paging;
import org.kontor.common.NotFound;
import org.kontor.security.KontorUser;
import org.kontor.user.User;
import org.kontor.user.UserService;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Zendesk's {@code deleted_users}: the soft-deleted users for agents (the security chain), and their permanent
 * deletion for admins.
 */
@RestController
@RequestMapping("/api/v2/deleted_users")
class DeletedUsersController {
    private static final List<Paging.SortKey> SORTS = List.of(Paging.SortKey.ID, Paging.SortKey.CREATED_AT, Paging.SortKey.UPDATED_AT);
    private static final Paging.Ordering DEFAULT_ORDER = new Paging.Ordering(Paging.SortKey.ID, true);

    private final UserService users;

    DeletedUsersController(UserService users) {
        this.users = users;
    }

    @GetMapping
    Map<String, Object> list(HttpServletRequest request) {
        Paging.Result<User> page = users.page(UserService.deletedSpec(), PageParams.from(request),
                Paging.ordering(request.getParameterMap(), DEFAULT_ORDER, SORTS));
        return Envelope.page("deleted_users", page.map(u -> UserJson.of(u, true)), request);
    }

    @GetMapping("/{id}")
    Map<String, Object> show(@PathVariable long id) {
        User user = users.get(id);
        if (user.getDeletedAt() == null || user.isPurged()) {
            throw new NotFound();
        }
        return Envelope.of("deleted_user", UserJson.of(user, true));
    }

    /** Permanent deletion, for admins: 200 with what is left of the user (see {@link UserService#purge}). */
    @DeleteMapping("/{id}")
    Map<String, Object> purge(@AuthenticationPrincipal KontorUser me, @PathVariable long id) {
        return Envelope.of("deleted_user", UserJson.of(users.purge(id, me.actor()), true));
    }
}
