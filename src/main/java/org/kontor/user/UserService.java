package org.kontor.user;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.kontor.common.Forbidden;
import org.kontor.common.InvalidInput;
import org.kontor.common.InvalidInput.FieldError;
import org.kontor.common.NotFound;
import org.kontor.organization.Organization;
import org.kontor.organization.OrganizationService;
import org.kontor.api.PageParams;
import org.kontor.api.Paging;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
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
    private final RequesterLookup requesterLookup;

    UserService(UserRepository users, OrganizationService organizations, PasswordEncoder passwordEncoder,
                ApplicationEventPublisher events, RequesterLookup requesterLookup) {
        this.events = events;
        this.requesterLookup = requesterLookup;
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
        List<FieldError> errors = new ArrayList<>();
        if (draft.name() == null || draft.name().isBlank()) {
            errors.add(new FieldError("name", "Name: cannot be blank", "err.name.blank"));
        }
        String email = User.normalizeEmail(draft.email());
        if (email != null) {
            emailProblem(draft.email(), email).ifPresent(errors::add);
        }
        if (email == null && (draft.phone() == null || draft.phone().isBlank()) && role == Role.END_USER
                && draft.externalId() == null) {
            errors.add(new FieldError("email", "Email: an email address or a phone number is required", "err.email.orPhoneRequired"));
        }
        if (draft.phone() != null && !draft.phone().isBlank() && PhoneNumbers.digits(draft.phone()) == null) {
            errors.add(new FieldError("phone", "Phone: " + draft.phone() + " is not a phone number", "err.phone.invalid", draft.phone()));
        }
        if (role.isAgent() && email == null) {
            errors.add(new FieldError("email", "Email: agents need an email address to sign in", "err.email.agentRequired"));
        }
        if (draft.externalId() != null && users.findByExternalId(draft.externalId()).isPresent()) {
            errors.add(new FieldError("external_id", "External ID: has already been taken", "err.externalId.taken"));
        }
        Long organizationId = draft.organizationId() != null && draft.organizationId() == 0 ? null : draft.organizationId();
        if (organizationId != null && organizations.find(organizationId).isEmpty()) {
            errors.add(new FieldError("organization_id", "Organization: " + organizationId + " does not exist",
                    "err.organization.missing", organizationId));
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
            throw new InvalidInput(e.fieldErrors().stream()
                    .map(inner -> new FieldError("requester", "Requester: " + inner.text(), "err.requester", inner)).toList());
        }
    }

    /** Zendesk's update: the email is written on create only (later through identities). */
    @Transactional
    public User update(long id, UserDraft draft, Actor actor) {
        return update(id, draft, actor, false);
    }

    /** An admin's edit of a profile, which may also change the sign-in email (unique, well-formed). */
    @Transactional
    public User updateProfile(long id, UserDraft draft, Actor actor) {
        if (!actor.isAdmin()) {
            throw new Forbidden("Only admins can change a user's email");
        }
        return update(id, draft, actor, true);
    }

    /**
     * An agent who leaves: cannot sign in nor be assigned (Zendesk's {@code suspended}); their tickets and history
     * stay. The last active admin cannot be deactivated, nor can admins deactivate themselves.
     */
    @Transactional
    public User deactivate(long id, Actor actor) {
        return update(id, suspendedDraft(true), actor);
    }

    @Transactional
    public User reactivate(long id, Actor actor) {
        return update(id, suspendedDraft(false), actor);
    }

    private static UserDraft suspendedDraft(boolean suspended) {
        return new UserDraft(null, null, null, null, null, null, null, null, null, null, null, suspended);
    }

    private User update(long id, UserDraft draft, Actor actor, boolean allowEmailChange) {
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
        if (draft.suspended() != null && draft.suspended() && !user.isSuspended() && self) {
            throw InvalidInput.of("suspended", "err.user.deactivateSelf", "Suspended: you cannot deactivate yourself");
        }
        boolean losesAdmin = draft.role() != null && draft.role() != Role.ADMIN
                || draft.suspended() != null && draft.suspended();
        if (user.getRole() == Role.ADMIN && user.canSignIn() && losesAdmin && !otherAdminExists(id)) {
            throw InvalidInput.of(draft.role() != null && draft.role() != Role.ADMIN ? "role" : "suspended", "err.user.lastAdmin",
                    "Role: the last active admin cannot be demoted or deactivated");
        }
        List<FieldError> errors = new ArrayList<>();
        if (draft.name() != null && draft.name().isBlank()) {
            errors.add(new FieldError("name", "Name: cannot be blank", "err.name.blank"));
        }
        String email = User.normalizeEmail(draft.email());
        if (email != null && !email.equals(user.getEmail())) {
            if (allowEmailChange) {
                emailProblem(draft.email(), email).ifPresent(errors::add);
            } else {
                errors.add(new FieldError("email", "Email: change a user's email through identities, not by update", "err.email.identities"));
            }
        }
        if (draft.organizationId() != null && draft.organizationId() != 0 && organizations.find(draft.organizationId()).isEmpty()) {
            errors.add(new FieldError("organization_id", "Organization: " + draft.organizationId() + " does not exist",
                    "err.organization.missing", draft.organizationId()));
        }
        if (draft.externalId() != null && users.findByExternalId(draft.externalId()).filter(u -> !u.getId().equals(id)).isPresent()) {
            errors.add(new FieldError("external_id", "External ID: has already been taken", "err.externalId.taken"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        // A session or cached API sign-in holds the role it was opened with: a lost role or suspension ends them.
        if (changes(draft.role(), user.getRole()) || draft.suspended() != null && draft.suspended() && !user.isSuspended()) {
            events.publishEvent(new UserSignInsRevoked(id));
        }
        if (allowEmailChange && email != null && !email.equals(user.getEmail())) {
            user.changeEmail(email);
        }
        if (draft.name() != null) {
            user.rename(draft.name().trim());
        }
        if (draft.role() != null && draft.role() != user.getRole()) {
            if (user.isAgent() && draft.role() == Role.END_USER) {
                events.publishEvent(new AgentDemoted(id, actor));
            }
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
                cb.notEqual(root.get("id"), exceptId), cb.isTrue(root.get("active")), cb.isFalse(root.get("suspended")))) > 0;
    }

    private Optional<FieldError> emailProblem(String given, String normalized) {
        if (!EMAIL.matcher(normalized).matches()) {
            return Optional.of(new FieldError("email", "Email: " + given + " is not properly formatted", "err.email.format", given));
        }
        if (users.findByEmail(normalized).isPresent()) {
            return Optional.of(new FieldError("email", "Email: " + normalized + " is already being used by another user",
                    "err.email.taken", normalized));
        }
        return Optional.empty();
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

    /**
     * Deletes a user (soft, see {@link User#delete}): agents delete end users, admins anyone but themselves. The
     * features holding the user's work settle it first ({@link UserDeletion}); the user's sign-ins end. Deleting a
     * deleted user changes nothing.
     */
    @Transactional
    public User delete(long id, Actor actor) {
        User user = get(id);
        if (!actor.isAgent()) {
            throw new NotFound();
        }
        if (!user.isActive()) {
            return user;
        }
        if (actor.id() == id) {
            throw InvalidInput.of("id", "err.user.deleteSelf", "You cannot delete yourself");
        }
        if (!mayDelete(user, actor)) {
            throw new Forbidden("Only admins can delete agents");
        }
        if (user.getRole() == Role.ADMIN && user.canSignIn() && !otherAdminExists(id)) {
            throw InvalidInput.of("id", "err.user.lastAdminDeleted", "The last active admin cannot be deleted");
        }
        events.publishEvent(new UserDeletion(id, user.isAgent(), actor));
        user.delete();
        events.publishEvent(new UserSignInsRevoked(id));
        return user;
    }

    /** Agents delete end users, admins anyone (themselves excepted, see {@link #delete}). */
    public static boolean mayDelete(User user, Actor actor) {
        return actor.isAdmin() || actor.isAgent() && !user.isAgent();
    }

    /**
     * Permanent deletion of a deleted user (Zendesk's {@code DELETE /deleted_users/{id}}), for admins: see
     * {@link User#purge}. A user who is not deleted yet must be deleted first; a purged one is gone (404).
     */
    @Transactional
    public User purge(long id, Actor actor) {
        if (!actor.isAdmin()) {
            throw new Forbidden("Only admins can permanently delete users");
        }
        User user = get(id);
        if (user.isPurged()) {
            throw new NotFound();
        }
        // Not "inactive": Kontor's system user (-1) is inactive without being deleted.
        if (user.getDeletedAt() == null) {
            throw InvalidInput.of("id", "err.user.notDeleted",
                    "Only a deleted user can be permanently deleted; delete the user first");
        }
        purge(user);
        return user;
    }

    /** The retention rule: users deleted before {@code deletedBefore} are purged, at most {@code limit}; returns how many. */
    @Transactional
    public int purgeDeletedBefore(Instant deletedBefore, int limit) {
        List<User> due = users.findAll((root, q, cb) -> cb.and(cb.lessThan(root.get("deletedAt"), deletedBefore),
                cb.isNull(root.get("purgedAt"))), PageRequest.of(0, limit)).getContent();
        due.forEach(this::purge);
        return due.size();
    }

    private void purge(User user) {
        events.publishEvent(new UserPurge(user.getId()));
        user.purge();
    }

    @Transactional
    public void setPassword(long userId, String password, Actor actor) {
        if (!actor.isAdmin() && actor.id() != userId) {
            throw new Forbidden("Only admins can set another user's password");
        }
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw InvalidInput.of("password", "err.password.short", "Password: must be at least " + MIN_PASSWORD_LENGTH + " characters",
                    MIN_PASSWORD_LENGTH);
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

    /**
     * R2: the requester type-ahead's few best matches for what the agent typed so far (see {@link RequesterLookup});
     * fast on a directory of any size, unlike {@link #searchSpec}, whose substring match scans every user.
     */
    @Transactional(readOnly = true)
    public List<User> typeahead(String query, int limit) {
        return requesterLookup.find(query, limit);
    }

    /** R2: the users matching a free-text query, best matches (name prefix) first. */
    public static Specification<User> searchSpec(String query) {
        return UserSearch.matching(query).and(UserSearch.active());
    }

    public static Specification<User> autocompleteSpec(String namePrefix) {
        return UserSearch.namePrefix(namePrefix).and(UserSearch.active());
    }

    /** Users that exist for lists and pickers: not deleted ({@link #deletedSpec()} for the others). */
    public static Specification<User> activeSpec() {
        return UserSearch.active();
    }

    /** Deleted but not yet permanently: Zendesk's {@code deleted_users}. */
    public static Specification<User> deletedSpec() {
        return (root, q, cb) -> cb.and(cb.isNotNull(root.get("deletedAt")), cb.isNull(root.get("purgedAt")));
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
