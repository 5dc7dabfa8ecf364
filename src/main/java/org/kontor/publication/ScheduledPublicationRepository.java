package org.kontor.publication;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ScheduledPublicationRepository extends JpaRepository<ScheduledPublication, Long> {
    Optional<ScheduledPublication> findByTicketId(long ticketId);
}
