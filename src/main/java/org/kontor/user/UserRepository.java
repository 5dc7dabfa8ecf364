package org.kontor.user;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface UserRepository extends JpaRepository<User, Long>, JpaSpecificationExecutor<User> {
    Optional<User> findByEmail(String email);

    Optional<User> findByExternalId(String externalId);

    boolean existsByRole(Role role);

    java.util.List<User> findByPhoneDigitsOrderByIdAsc(String phoneDigits);
}
