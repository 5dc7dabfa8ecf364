package org.kontor.group;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface GroupRepository extends JpaRepository<Group, Long>, JpaSpecificationExecutor<Group> {
    // Native: the group module must not depend on the ticket module, which depends on it.
    @Query(value = "SELECT COUNT(*) FROM tickets WHERE group_id = :groupId AND deleted_at IS NULL AND status IN ('new', 'open', 'pending', 'hold')",
            nativeQuery = true)
    long countUnsolvedTickets(long groupId);
}
