package org.kontor.email;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface MailboxRepository extends JpaRepository<Mailbox, Long> {
    Optional<Mailbox> findByAddress(String address);

    List<Mailbox> findAllByOrderByIdAsc();
}
