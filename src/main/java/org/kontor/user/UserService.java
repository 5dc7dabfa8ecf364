package org.kontor.user;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.kontor.common.Forbidden;
import org.kontor.common.InvalidInput;
import org.kontor.common.NotFound;
import org.kontor.organization.Organization;
import org.kontor.organization.OrganizationService;
import org.kontor.api.PageParams;
import org.kontor.api.Paging;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class UserService {
    private static final int FIND_ONE_BY_ONE = 8;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    public static final int MIN_PASSWORD_LENGTH = 8;

    private final UserRepository users;
    private final OrganizationService organizations;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;

    UserService(UserRepository users, OrganizationService organizations, PasswordEncoder passwordEncoder,
                ApplicationEventPublisher events) {
        this.events = events;
        this.users = users;
        this.organizations = organizations;
        this.passwordEncoder = passwordEncoder;
    }

    /** Creates a user; only admins create agents and admins, agents create end users (R3). */
    @Transactional
    public User create(UserDraft draft, Actor actor) {
        Role role = draft.role() == null ? Role.END_USER : draft.role();
        if (role.isAgent() && !actor.isAdmin()) {
            throw new Forbidden("Only admins can create agents and admins");
        }
        Map<String, List<String>> errors = new LinkedHashMap<>();
        if (draft.name() == null || draft.name().isBlank()) {
            errors.put("name", List.of("Name: cannot be blank"));
        }
        String email = User.normalizeEmail(draft.email());
        if (email != null && !EMAIL.matcher(email).matches()) {
            errors.put("email", List.of("Email: " + draft.email() + " is not properly formatted"));
        } else if (email != null && users.findByEmail(email).isPresent()) {
            errors.put("email", List.of("Email: " + email + " is already being used by another user"));
        }
        if (email == null && (draft.phone() == null || draft.phone().isBlank()) && role == Role.END_USER
                && draft.externalId() == null) {
            errors.put("email", List.of("Email: an email address or a phone number is required"));
        }
        if (draft.phone() != null && !draft.phone().isBlank() && PhoneNumbers.digits(draft.phone()) == null) {
            errors.put("phone", List.of("Phone: " + draft.phone() + " is not a phone number"));
        }
        if (role.isAgent() && email == null) {
            errors.put("email", List.of("Email: agents need an email address to sign in"));
        }
        if (draft.externalId() != null && users.findByExternalId(draft.externalId()).isPresent()) {
            errors.put("external_id", List.of("External ID: has already been taken"));
        }
        Long organizationId = draft.organizationId() != null && draft.organizationId() == 0 ? null : draft.organizationId();
        if (organizationId != null && organizations.find(organizationId).isEmpty()) {
            errors.put("organization_id", List.of("Organization: " + organizationId + " does not exist"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        if (organizationId == null && role == Role.END_USER) {
            // Email-domain mapping: a customer of acme.com lands in Acme without anyone filing them there.
            organizationId = organizations.findByEmailDomain(email).map(Organization::getId).orElse(null);
        }
        User user = new User(draft.name().trim(), email, draft.phone(), role, organizationId, draft.locale());
        applyOptional(user, draft);
        return users.save(user);
    }

    /**
     * The requester of a new ticket given as {@code {name, email}}: an existing user with that email is
     * reused unchanged, otherwise an end user is created (Zendesk's behaviour).
     */
    @Transactional
    public User findOrCreateRequester(String name, String email, String phone, String locale, Actor actor) {
        String normalized = User.normalizeEmail(email);
        if (normalized != null) {
            Optional<User> existing = users.findByEmail(normalized);
            if (existing.isPresent()) {
                return existing.get();
            }
        }
        String displayName = name != null && !name.isBlank() ? name
                : normalized != null ? normalized.substring(0, normalized.indexOf('@') > 0 ? normalized.indexOf('@') : normalized.length())
                : phone;
        UserDraft draft = new UserDraft(displayName, normalized, phone, Role.END_USER, null, locale, null, null, null, null, null, null);
        try {
            return create(draft, actor);
        } catch (InvalidInput e) {
            // Another request may have created this requester since the lookup above.
            Optional<User> createdMeanwhile = normalized == null ? Optional.empty() : users.findByEmail(normalized);
            if (createdMeanwhile.isPresent()) {
                return createdMeanwhile.get();
            }
            Map<String, List<String>> prefixed = new LinkedHashMap<>();
            e.errors().values().forEach(messages -> prefixed.computeIfAbsent("requester", k -> new java.util.ArrayList<>())
                    .addAll(messages.stream().map(m -> "Requester: " + m).toList()));
            throw new InvalidInput(prefixed);
        }
    }

    @Transactional
    public User update(long id, UserDraft draft, Actor actor) {
        User user = get(id);
        boolean self = actor.id() == id;
        if (!actor.isAgent() && !self) {
            throw new NotFound();
        }
        if (actor.role() == Role.AGENT && user.isAgent() && !self) {
            throw new Forbidden("Only admins can update other agents");
        }
        if (!actor.isAdmin() && (draft.role() != null && draft.role() != user.getRole())) {
            throw new Forbidden("Only admins can change roles");
        }
        // Clients send back the whole profile they read: a value equal to the current one is no change.
        Long organizationId = draft.organizationId() == null || draft.organizationId() == 0 ? null : draft.organizationId();
        boolean movesOrganization = draft.organizationId() != null && !Objects.equals(organizationId, user.getOrganizationId());
        if (!actor.isAgent() && (movesOrganization || changes(draft.notes(), user.getNotes())
                || changes(draft.details(), user.getDetails()) || changes(draft.externalId(), user.getExternalId())
                || changes(draft.suspended(), user.isSuspended()) || changes(draft.verified(), user.isVerified()))) {
            throw new Forbidden("End users can change only their name, phone, locale and time zone");
        }
        if (self && actor.isAdmin() && draft.role() != null && draft.role() != Role.ADMIN && !otherAdminExists(id)) {
            throw new InvalidInput("role", "Role: the last admin cannot give up the admin role");
        }
        Map<String, List<String>> errors = new LinkedHashMap<>();
        if (draft.name() != null && draft.name().isBlank()) {
            errors.put("name", List.of("Name: cannot be blank"));
        }
        String email = User.normalizeEmail(draft.email());
        if (email != null && !email.equals(user.getEmail())) {
            errors.put("email", List.of("Email: change a user's email through identities, not by update"));
        }
        if (draft.organizationId() != null && draft.organizationId() != 0 && organizations.find(draft.organizationId()).isEmpty()) {
            errors.put("organization_id", List.of("Organization: " + draft.organizationId() + " does not exist"));
        }
        if (draft.externalId() != null && users.findByExternalId(draft.externalId()).filter(u -> !u.getId().equals(id)).isPresent()) {
            errors.put("external_id", List.of("External ID: has already been taken"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        if (draft.name() != null) {
            user.rename(draft.name().trim());
        }
        if (draft.role() != null && draft.role() != user.getRole()) {
            user.changeRole(draft.role());
        }
        if (draft.organizationId() != null) {
            user.moveToOrganization(draft.organizationId() == 0 ? null : draft.organizationId());
        }
        applyOptional(user, draft);
        return user;
    }

    private static boolean changes(Object requested, Object current) {
        return requested != null && !requested.equals(current);
    }

    private boolean otherAdminExists(long exceptId) {
        return users.count((root, q, cb) -> cb.and(cb.equal(root.get("role"), Role.ADMIN),
                cb.notEqual(root.get("id"), exceptId), cb.isTrue(root.get("active")))) > 0;
    }

    private void applyOptional(User user, UserDraft draft) {
        if (draft.phone() != null) {
            user.changePhone(draft.phone());
        }
        if (draft.locale() != null) {
            user.changeLocale(draft.locale());
        }
        if (draft.timeZone() != null) {
            user.changeTimeZone(draft.timeZone());
        }
        if (draft.externalId() != null) {
            user.changeExternalId(draft.externalId());
        }
        if (draft.details() != null) {
            user.changeDetails(draft.details());
        }
        if (draft.notes() != null) {
            user.changeNotes(draft.notes());
        }
        if (draft.verified() != null) {
            user.changeVerified(draft.verified());
        }
        if (draft.suspended() != null) {
            user.changeSuspended(draft.suspended());
        }
    }

    @Transactional
    public void setPassword(long userId, String password, Actor actor) {
        if (!actor.isAdmin() && actor.id() != userId) {
            throw new Forbidden("Only admins can set another user's password");
        }
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new InvalidInput("password", "Password: must be at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        get(userId).changePasswordHash(passwordEncoder.encode(password));
        events.publishEvent(new UserSignInsRevoked(userId));
    }

    /**
     * The owner of the address proved it by following an emailed set-password link (which the caller checked and
     * used up): their new password, and the address counts as verified.
     */
    @Transactional
    public void setPasswordFromEmailLink(long userId, String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new InvalidInput("password", "Password: must be at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        User user = get(userId);
        user.changePasswordHash(passwordEncoder.encode(password));
        user.changeVerified(true);
        events.publishEvent(new UserSignInsRevoked(userId));
    }

    /** Used once at first start, before any admin exists to act. */
    @Transactional
    public User createFirstAdmin(String name, String email, String password) {
        User admin = new User(name, email, null, Role.ADMIN, null, "en-US");
        admin.changeVerified(true);
        admin.changePasswordHash(passwordEncoder.encode(password));
        return users.save(admin);
    }

    @Transactional(readOnly = true)
    public boolean adminExists() {
        return users.existsByRole(Role.ADMIN);
    }

    @Transactional(readOnly = true)
    public User get(long id) {
        return users.findById(id).orElseThrow(NotFound::new);
    }

    @Transactional(readOnly = true)
    public Optional<User> find(Long id) {
        return id == null ? Optional.empty() : users.findById(id);
    }

    /** R2/C1: the active user with this phone number, matched by its digits whatever the formatting (oldest first). */
    @Transactional(readOnly = true)
    public Optional<User> findByPhone(String phone) {
        String digits = PhoneNumbers.digits(phone);
        if (digits == null) {
            return Optional.empty();
        }
        return users.findByPhoneDigitsOrderByIdAsc(digits).stream().filter(User::isActive).findFirst();
    }

    @Transactional(readOnly = true)
    public Optional<User> findByEmail(String email) {
        String normalized = User.normalizeEmail(email);
        return normalized == null ? Optional.empty() : users.findByEmail(normalized);
    }

    @Transactional(readOnly = true)
    public List<User> findAll(java.util.Collection<Long> ids) {
        List<Long> wanted = ids.stream().filter(Objects::nonNull).distinct().toList();
        // A few ids (a ticket's requester, CCs, assignee) are usually in the persistence context already; find()
        // looks there first, and a query with an IN list would be translated anew for each call.
        if (wanted.size() <= FIND_ONE_BY_ONE) {
            List<User> found = new java.util.ArrayList<>(wanted.size());
            wanted.forEach(id -> users.findById(id).ifPresent(found::add));
            return found;
        }
        List<User> found = new java.util.ArrayList<>(users.findByIdInWithoutFlush(wanted));
        if (found.size() < wanted.size()) {
            java.util.Set<Long> have = new java.util.HashSet<>();
            found.forEach(u -> have.add(u.getId()));
            wanted.stream().filter(id -> !have.contains(id)).forEach(id -> users.findById(id).ifPresent(found::add));
        }
        return found;
    }

    /** R2: the users matching a free-text query, best matches (name prefix) first. */
    public static Specification<User> searchSpec(String query) {
        return UserSearch.matching(query).and(UserSearch.active());
    }

    public static Specification<User> autocompleteSpec(String namePrefix) {
        return UserSearch.namePrefix(namePrefix).and(UserSearch.active());
    }

    public static Specification<User> roleSpec(List<Role> roles) {
        if (roles.isEmpty()) {
            return (root, q, cb) -> cb.conjunction();
        }
        return (root, q, cb) -> root.get("role").in(roles);
    }

    @Transactional(readOnly = true)
    public Paging.Result<User> page(Specification<User> spec, PageParams params, Paging.Ordering ordering) {
        return Paging.fetch(users, spec, params, ordering);
    }
}
