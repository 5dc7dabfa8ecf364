package org.kontor.ticket;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface CommentRepository extends JpaRepository<Comment, Long>, JpaSpecificationExecutor<Comment> {
    Optional<Comment> findFirstByTicketIdAndAuditIdOrderByIdAsc(long ticketId, long auditId);

    Optional<Comment> findFirstByTicketIdOrderByIdDesc(long ticketId);
}
