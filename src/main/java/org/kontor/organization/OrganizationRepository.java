package org.kontor.organization;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface OrganizationRepository extends JpaRepository<Organization, Long>, JpaSpecificationExecutor<Organization> {
    Optional<Organization> findByNameKey(String nameKey);

    @Query("select o from Organization o join o.domainNames d where d = :domain")
    Optional<Organization> findByDomain(String domain);

    Page<Organization> findByNameKeyStartingWith(String prefix, Pageable pageable);

    @Query("select o.id from Organization o where o.nameKey like concat('%', :fragment, '%')")
    List<Long> findIdsByNameContaining(String fragment);

    // Native: the organization module must not depend on tickets and users, which depend on it.
    @Query(value = "SELECT COUNT(*) FROM tickets WHERE organization_id = :id", nativeQuery = true)
    long countTickets(long id);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query(value = "UPDATE users SET organization_id = NULL, updated_at = CURRENT_TIMESTAMP WHERE organization_id = :id", nativeQuery = true)
    int removeMembers(long id);
}
