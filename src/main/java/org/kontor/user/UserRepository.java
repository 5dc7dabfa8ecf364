package org.kontor.user;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import jakarta.persistence.QueryHint;
import org.hibernate.jpa.HibernateHints;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;

public interface UserRepository extends JpaRepository<User, Long>, JpaSpecificationExecutor<User> {
    Optional<User> findByEmail(String email);

    Optional<User> findByExternalId(String externalId);

    boolean existsByRole(Role role);

    java.util.List<User> findByPhoneDigitsOrderByIdAsc(String phoneDigits);

    /**
     * Users by id without flushing the caller's pending changes first: an id never changes and the managed instances
     * are returned, so a flush could not change the answer, but it costs a dirty check of the whole persistence
     * context (a ticket change reads its notification recipients this way). Users persisted but not yet flushed
     * are missing; {@link UserService#findAll} adds them from the persistence context.
     */
    @QueryHints(@QueryHint(name = HibernateHints.HINT_FLUSH_MODE, value = "COMMIT"))
    @Query("select u from User u where u.id in :ids")
    List<User> findByIdInWithoutFlush(Collection<Long> ids);
}
