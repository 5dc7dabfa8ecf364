package org.kontor.user.api;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.kontor.api.Envelope;
import org.kontor.api.Json;
import org.kontor.api.PageParams;
import org.kontor.api.Paging;
import org.kontor.common.BadRequest;
import org.kontor.common.Forbidden;
import org.kontor.common.NotFound;
import org.kontor.common.InvalidInput;
import org.kontor.security.KontorUser;
import org.kontor.user.Actor;
import org.kontor.user.Role;
import org.kontor.user.User;
import org.kontor.user.UserDraft;
import org.kontor.user.UserService;
import org.kontor.visibility.AccessPolicy;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v2/users")
class UsersController {
    private static final List<Paging.SortKey> SORTS = List.of(Paging.SortKey.ID, Paging.SortKey.CREATED_AT, Paging.SortKey.UPDATED_AT);
    private static final Paging.Ordering DEFAULT_ORDER = new Paging.Ordering(Paging.SortKey.ID, true);

    private final UserService users;
    private final AccessPolicy policy;
    private final PasswordEncoder passwordEncoder;

    UsersController(UserService users, AccessPolicy policy, PasswordEncoder passwordEncoder) {
        this.users = users;
        this.policy = policy;
        this.passwordEncoder = passwordEncoder;
    }

    @GetMapping("/me")
    Map<String, Object> me(@AuthenticationPrincipal KontorUser me) {
        return Envelope.of("user", UserJson.of(users.get(me.actor().id()), me.actor().isAgent()));
    }

    @GetMapping
    Map<String, Object> list(@AuthenticationPrincipal KontorUser me, HttpServletRequest request) {
        List<Role> roles = new ArrayList<>();
        for (String name : List.of("role", "role[]")) {
            String[] values = request.getParameterValues(name);
            if (values != null) {
                for (String v : values) {
                    roles.add(Role.fromWire(v).orElseThrow(() -> new BadRequest("Unknown role " + v)));
                }
            }
        }
        Paging.Result<User> page = users.page(UserService.roleSpec(roles).and(UserService.activeSpec()), PageParams.from(request),
                Paging.ordering(request.getParameterMap(), DEFAULT_ORDER, SORTS));
        return Envelope.page("users", page.map(u -> UserJson.of(u, true)), request);
    }

    @GetMapping("/{id}")
    Map<String, Object> show(@AuthenticationPrincipal KontorUser me, @PathVariable long id) {
        User user = users.get(id);
        // PRODUCT.md: a record the caller may not see answers 404, as if it did not exist.
        if (!policy.canSee(policy.viewerFor(me.actor()), user)) {
            throw new NotFound();
        }
        return Envelope.of("user", UserJson.of(user, me.actor().isAgent()));
    }

    @GetMapping("/show_many")
    Map<String, Object> showMany(@RequestParam(required = false) String ids) {
        List<Long> wanted = Json.idParam(ids, "ids", 100);
        return Envelope.list("users", users.findAll(wanted).stream()
                .sorted(java.util.Comparator.comparing(User::getId)).map(u -> UserJson.of(u, true)).toList());
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> create(@AuthenticationPrincipal KontorUser me, @RequestBody JsonNode body) {
        User user = users.create(draft(Json.root(body, "user")), me.actor());
        return ResponseEntity.created(URI.create(Envelope.url("users/" + user.getId() + ".json")))
                .body(Envelope.of("user", UserJson.of(user, true)));
    }

    /** Zendesk's create_or_update: matched by email or external_id; 201 created, 200 updated. */
    @PostMapping("/create_or_update")
    ResponseEntity<Map<String, Object>> createOrUpdate(@AuthenticationPrincipal KontorUser me, @RequestBody JsonNode body) {
        Upsert result = createOrUpdate(users, draft(Json.root(body, "user")), me.actor());
        if (!result.created()) {
            return ResponseEntity.ok(Envelope.of("user", UserJson.of(result.user(), true)));
        }
        return ResponseEntity.created(URI.create(Envelope.url("users/" + result.user().getId() + ".json")))
                .body(Envelope.of("user", UserJson.of(result.user(), true)));
    }

    record Upsert(User user, boolean created) {
    }

    /** The user with the draft's email (or else external id) updated, or a new one; the email itself never changes. */
    static Upsert createOrUpdate(UserService users, UserDraft draft, Actor actor) {
        User existing = users.findByEmail(draft.email()).orElse(null);
        if (existing == null && draft.externalId() != null) {
            existing = users.page((Specification<User>) (root, q, cb) -> cb.equal(root.get("externalId"), draft.externalId()),
                    new PageParams(false, 1, 1, null, null), DEFAULT_ORDER).items().stream().findFirst().orElse(null);
        }
        if (existing != null) {
            UserDraft update = new UserDraft(draft.name(), null, draft.phone(), draft.role(), draft.organizationId(),
                    draft.locale(), draft.timeZone(), draft.externalId(), draft.details(), draft.notes(), draft.verified(),
                    draft.suspended());
            return new Upsert(users.update(existing.getId(), update, actor), false);
        }
        return new Upsert(users.create(draft, actor), true);
    }

    @PutMapping("/{id}")
    Map<String, Object> update(@AuthenticationPrincipal KontorUser me, @PathVariable long id, @RequestBody JsonNode body) {
        User user = users.update(id, draft(Json.root(body, "user")), me.actor());
        return Envelope.of("user", UserJson.of(user, me.actor().isAgent()));
    }

    /** Zendesk's soft delete: 200 with the user, now {@code active: false} (see {@link UserService#delete}). */
    @DeleteMapping("/{id}")
    Map<String, Object> delete(@AuthenticationPrincipal KontorUser me, @PathVariable long id) {
        return Envelope.of("user", UserJson.of(users.delete(id, me.actor()), true));
    }

    /** R2: name, email (a bare domain too), phone digits whatever the formatting, organization name. */
    @GetMapping("/search")
    Map<String, Object> search(@RequestParam(required = false) String query,
                               @RequestParam(name = "external_id", required = false) String externalId,
                               HttpServletRequest request) {
        Specification<User> spec;
        if (externalId != null && !externalId.isBlank()) {
            spec = (root, q, cb) -> cb.equal(root.get("externalId"), externalId);
        } else if (query != null && !query.isBlank()) {
            spec = UserService.searchSpec(query);
        } else {
            throw new BadRequest("Parameter query (or external_id) is required");
        }
        PageParams params = PageParams.offsetFrom(request);
        Paging.Result<User> page = users.page(spec, params, new Paging.Ordering(new Paging.SortKey("name", "name", false), true));
        return Envelope.page("users", page.map(u -> UserJson.of(u, true)), request);
    }

    /** Users whose name (or a word of it) starts with {@code name}, or whose phone contains {@code phone}'s digits. */
    @GetMapping("/autocomplete")
    Map<String, Object> autocomplete(@RequestParam(required = false) String name,
                                     @RequestParam(required = false) String phone, HttpServletRequest request) {
        Specification<User> spec;
        if (name != null && !name.isBlank()) {
            spec = UserService.autocompleteSpec(name);
        } else if (phone != null && !phone.isBlank()) {
            spec = UserService.searchSpec("phone:" + phone.replace(" ", ""));
        } else {
            throw new BadRequest("Parameter name (or phone) is required");
        }
        PageParams params = PageParams.offsetFrom(request);
        Paging.Result<User> page = users.page(spec, params, new Paging.Ordering(new Paging.SortKey("name", "name", false), true));
        return Envelope.page("users", page.map(u -> UserJson.of(u, true)), request);
    }

    /** An admin sets a user's password. */
    @PostMapping("/{id}/password")
    ResponseEntity<Void> setPassword(@AuthenticationPrincipal KontorUser me, @PathVariable long id, @RequestBody JsonNode body) {
        users.setPassword(id, Json.string(body, "password"), me.actor());
        return ResponseEntity.ok().build();
    }

    /** A user changes their own password, proving they know the current one. */
    @PutMapping("/{id}/password")
    ResponseEntity<Void> changePassword(@AuthenticationPrincipal KontorUser me, @PathVariable long id, @RequestBody JsonNode body) {
        if (me.actor().id() != id) {
            throw new Forbidden("You can only change your own password");
        }
        User user = users.get(id);
        String previous = Json.string(body, "previous_password");
        if (previous == null || user.getPasswordHash() == null || !passwordEncoder.matches(previous, user.getPasswordHash())) {
            throw new InvalidInput("previous_password", "Previous password: is not correct");
        }
        users.setPassword(id, Json.string(body, "password"), me.actor());
        return ResponseEntity.ok().build();
    }

    static UserDraft draft(JsonNode u) {
        Role role = Json.oneOf(u, "role", Role::fromWire, "end-user, agent, admin");
        Long organizationId = Json.id(u, "organization_id");
        if (Json.has(u, "organization_id") && organizationId == null) {
            organizationId = 0L;
        }
        return new UserDraft(Json.string(u, "name"), Json.string(u, "email"), Json.string(u, "phone"), role,
                organizationId, Json.string(u, "locale"), Json.string(u, "time_zone"), Json.string(u, "external_id"),
                Json.string(u, "details"), Json.string(u, "notes"), Json.bool(u, "verified"), Json.bool(u, "suspended"));
    }
}
