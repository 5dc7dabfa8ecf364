package org.kontor.organization;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.kontor.api.PageParams;
import org.kontor.api.Paging;
import org.kontor.common.InvalidInput;
import org.kontor.common.NotFound;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class OrganizationService {
    private final OrganizationRepository organizations;

    OrganizationService(OrganizationRepository organizations) {
        this.organizations = organizations;
    }

    @Transactional
    public Organization create(OrganizationDraft draft) {
        if (draft.name() == null || draft.name().isBlank()) {
            throw InvalidInput.of("name", "err.name.blank", "Name: cannot be blank");
        }
        requireUniqueName(draft.name(), null);
        Organization org = new Organization(draft.name());
        apply(org, draft);
        return organizations.save(org);
    }

    @Transactional
    public Organization update(long id, OrganizationDraft draft) {
        Organization org = get(id);
        if (draft.name() != null) {
            if (draft.name().isBlank()) {
                throw InvalidInput.of("name", "err.name.blank", "Name: cannot be blank");
            }
            requireUniqueName(draft.name(), id);
            org.rename(draft.name());
        }
        apply(org, draft);
        return org;
    }

    /**
     * Deletes an organization: its members stay, without an organization. One that tickets still belong to is
     * kept (they count in its reports, R14): the admin moves those tickets first.
     */
    @Transactional
    public void delete(long id) {
        Organization org = get(id);
        long tickets = organizations.countTickets(id);
        if (tickets > 0) {
            throw InvalidInput.of("organization_id", "err.organization.hasTickets",
                    "Organization: " + org.getName() + " still has " + tickets + " tickets", org.getName(), tickets);
        }
        organizations.removeMembers(id);
        organizations.deleteById(id);
    }

    private void apply(Organization org, OrganizationDraft draft) {
        if (draft.domainNames() != null) {
            for (String domain : draft.domainNames()) {
                String d = Organization.normalizeDomain(domain);
                organizations.findByDomain(d).filter(other -> !other.getId().equals(org.getId())).ifPresent(other -> {
                    throw InvalidInput.of("domain_names", "err.domain.taken", "Domain names: " + d + " already belongs to " + other.getName(),
                            d, other.getName());
                });
            }
            org.replaceDomainNames(draft.domainNames());
        }
        if (draft.details() != null) {
            org.changeDetails(draft.details());
        }
        if (draft.notes() != null) {
            org.changeNotes(draft.notes());
        }
        if (draft.externalId() != null) {
            org.changeExternalId(draft.externalId());
        }
        if (draft.sharedTickets() != null || draft.sharedComments() != null) {
            org.changeSharing(
                    draft.sharedTickets() != null ? draft.sharedTickets() : org.isSharedTickets(),
                    draft.sharedComments() != null ? draft.sharedComments() : org.isSharedComments());
        }
    }

    private void requireUniqueName(String name, Long exceptId) {
        organizations.findByNameKey(Organization.key(name))
                .filter(existing -> !existing.getId().equals(exceptId))
                .ifPresent(existing -> {
                    throw InvalidInput.of("name", "err.name.taken", "Name: has already been taken");
                });
    }

    @Transactional(readOnly = true)
    public Organization get(long id) {
        return organizations.findById(id).orElseThrow(NotFound::new);
    }

    @Transactional(readOnly = true)
    public Optional<Organization> find(Long id) {
        return id == null ? Optional.empty() : organizations.findById(id);
    }

    @Transactional(readOnly = true)
    public Optional<Organization> findByEmailDomain(String email) {
        if (email == null || !email.contains("@")) {
            return Optional.empty();
        }
        return organizations.findByDomain(email.substring(email.indexOf('@') + 1).toLowerCase(Locale.ROOT));
    }

    /** Side-loading: these organizations. */
    @Transactional(readOnly = true)
    public List<Organization> findAll(Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : organizations.findAllById(ids);
    }

    @Transactional(readOnly = true)
    public Paging.Result<Organization> page(PageParams params, Paging.Ordering ordering) {
        return Paging.fetch(organizations, (root, q, cb) -> cb.conjunction(), params, ordering);
    }

    @Transactional(readOnly = true)
    public Page<Organization> autocomplete(String namePrefix, Pageable pageable) {
        return organizations.findByNameKeyStartingWith(Organization.key(namePrefix), pageable);
    }
}
