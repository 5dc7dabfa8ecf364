package org.kontor.notification;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface DevMailRepository extends JpaRepository<DevMail, Long> {
    boolean existsByMessageId(String messageId);

    Page<DevMail> findAllByOrderByIdDesc(Pageable pageable);
}
