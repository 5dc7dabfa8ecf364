package org.kontor.user.api;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kontor.api.Envelope;
import org.kontor.api.Json;
import org.kontor.common.InvalidInput;
import org.kontor.common.NotFound;
import org.kontor.security.KontorUser;
import org.kontor.user.Actor;
import org.kontor.user.User;
import org.kontor.user.UserDraft;
import org.kontor.user.UserService;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Zendesk's user identities over Kontor's user, which has one email address and one phone number: each is an
 * identity (both primary), with an id derived from the user's ({@code 2 × user id} for the email, {@code + 1} for the
 * phone), so it stays the same for the life of the user. Changing the email is an admin's (as on the profile page);
 * the phone follows the user update's rules.
 */
@RestController
@RequestMapping("/api/v2/users/{userId:-?[0-9]+}/identities")
class IdentitiesController {
    private static final String EMAIL = "email";
    private static final String PHONE = "phone_number";

    private final UserService users;

    IdentitiesController(UserService users) {
        this.users = users;
    }

    @GetMapping
    Map<String, Object> list(@PathVariable long userId) {
        return Envelope.onePage("identities", identities(visibleUser(userId)));
    }

    @GetMapping("/{id:-?[0-9]+}")
    Map<String, Object> show(@PathVariable long userId, @PathVariable long id) {
        return Envelope.of("identity", identity(visibleUser(userId), id));
    }

    /** Adds the email or the phone a user has none of; a second one is refused (one of each per user). */
    @PostMapping
    ResponseEntity<Map<String, Object>> create(@AuthenticationPrincipal KontorUser me, @PathVariable long userId,
                                               @RequestBody JsonNode body) {
        JsonNode identity = Json.root(body, "identity");
        String type = Json.string(identity, "type");
        String value = Json.string(identity, "value");
        User user = visibleUser(userId);
        if (EMAIL.equals(type)) {
            if (user.getEmail() != null) {
                throw InvalidInput.of("type", "err.identity.oneEmail",
                        "Type: Kontor keeps one email address per user; change it with PUT …/identities/" + emailId(user),
                        String.valueOf(emailId(user)));
            }
            user = changeEmail(userId, value, me.actor());
        } else if (PHONE.equals(type)) {
            if (user.getPhone() != null) {
                throw InvalidInput.of("type", "err.identity.onePhone",
                        "Type: Kontor keeps one phone number per user; change it with PUT …/identities/" + phoneId(user),
                        String.valueOf(phoneId(user)));
            }
            user = changePhone(userId, value, me.actor());
        } else {
            throw InvalidInput.of("type", "err.identity.type", "Type: must be email or phone_number", String.valueOf(type));
        }
        long id = EMAIL.equals(type) ? emailId(user) : phoneId(user);
        return ResponseEntity.created(URI.create(Envelope.url("users/" + userId + "/identities/" + id + ".json")))
                .body(Envelope.of("identity", identity(user, id)));
    }

    /** A new {@code value}, or {@code verified: true} for the email. */
    @PutMapping("/{id:-?[0-9]+}")
    Map<String, Object> update(@AuthenticationPrincipal KontorUser me, @PathVariable long userId, @PathVariable long id,
                               @RequestBody JsonNode body) {
        JsonNode identity = Json.root(body, "identity");
        User user = visibleUser(userId);
        identity(user, id);
        String value = Json.string(identity, "value");
        Boolean verified = Json.bool(identity, "verified");
        if (id == emailId(user)) {
            if (value != null && !value.equalsIgnoreCase(user.getEmail())) {
                user = changeEmail(userId, value, me.actor());
            }
            if (Boolean.TRUE.equals(verified)) {
                user = verify(userId, me.actor());
            }
        } else if (value != null) {
            user = changePhone(userId, value, me.actor());
        }
        return Envelope.of("identity", identity(user, id));
    }

    @PutMapping("/{id:-?[0-9]+}/verify")
    Map<String, Object> verify(@AuthenticationPrincipal KontorUser me, @PathVariable long userId, @PathVariable long id) {
        User user = visibleUser(userId);
        identity(user, id);
        return Envelope.of("identity", identity(id == emailId(user) ? verify(userId, me.actor()) : user, id));
    }

    /** Each identity is already the primary one of its type: answers the user's identities, as Zendesk. */
    @PutMapping("/{id:-?[0-9]+}/make_primary")
    Map<String, Object> makePrimary(@AuthenticationPrincipal KontorUser me, @PathVariable long userId, @PathVariable long id) {
        User user = visibleUser(userId);
        identity(user, id);
        return Envelope.onePage("identities", identities(user));
    }

    /** The phone can go; the email stays (it is how the user is known and signs in: change it instead). */
    @DeleteMapping("/{id:-?[0-9]+}")
    ResponseEntity<Void> delete(@AuthenticationPrincipal KontorUser me, @PathVariable long userId, @PathVariable long id) {
        User user = visibleUser(userId);
        identity(user, id);
        if (id == emailId(user)) {
            throw InvalidInput.of("identity", "err.identity.emailStays",
                    "Identity: the email address of a user cannot be removed; change it with PUT instead");
        }
        if (user.getEmail() == null) {
            throw InvalidInput.of("phone", "err.email.orPhoneRequired", "Email: an email address or a phone number is required");
        }
        changePhone(userId, "", me.actor());
        return ResponseEntity.noContent().build();
    }

    private User visibleUser(long userId) {
        return users.find(userId).orElseThrow(NotFound::new);
    }

    private User changeEmail(long userId, String email, Actor actor) {
        if (email == null || email.isBlank()) {
            throw InvalidInput.of("value", "err.identity.value", "Value: is required");
        }
        return users.updateProfile(userId, new UserDraft(null, email, null, null, null, null, null, null, null, null, null, null), actor);
    }

    private User changePhone(long userId, String phone, Actor actor) {
        if (phone == null) {
            throw InvalidInput.of("value", "err.identity.value", "Value: is required");
        }
        return users.update(userId, new UserDraft(null, null, phone, null, null, null, null, null, null, null, null, null), actor);
    }

    private User verify(long userId, Actor actor) {
        return users.update(userId, new UserDraft(null, null, null, null, null, null, null, null, null, null, true, null), actor);
    }

    private static long emailId(User user) {
        return user.getId() * 2;
    }

    private static long phoneId(User user) {
        return user.getId() * 2 + 1;
    }

    private static List<Map<String, Object>> identities(User user) {
        List<Map<String, Object>> list = new ArrayList<>();
        if (user.getEmail() != null) {
            list.add(json(user, emailId(user), EMAIL, user.getEmail(), user.isVerified()));
        }
        if (user.getPhone() != null) {
            list.add(json(user, phoneId(user), PHONE, user.getPhone(), false));
        }
        return list;
    }

    private static Map<String, Object> identity(User user, long id) {
        return identities(user).stream().filter(i -> i.get("id").equals(id)).findFirst().orElseThrow(NotFound::new);
    }

    private static Map<String, Object> json(User user, long id, String type, String value, boolean verified) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("url", Envelope.url("users/" + user.getId() + "/identities/" + id + ".json"));
        m.put("user_id", user.getId());
        m.put("type", type);
        m.put("value", value);
        m.put("verified", verified);
        m.put("primary", true);
        m.put("deliverable_state", EMAIL.equals(type) ? "deliverable" : null);
        m.put("undeliverable_count", 0);
        m.put("created_at", Envelope.time(user.getCreatedAt()));
        m.put("updated_at", Envelope.time(user.getUpdatedAt()));
        return m;
    }
}
