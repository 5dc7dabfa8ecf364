package org.kontor.security;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface ApiTokenRepository extends JpaRepository<ApiToken, Long>, JpaSpecificationExecutor<ApiToken> {
    Optional<ApiToken> findByTokenHash(String tokenHash);
}
