package org.kontor.group;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface GroupMembershipRepository extends JpaRepository<GroupMembership, Long>, JpaSpecificationExecutor<GroupMembership> {
    Optional<GroupMembership> findByUserIdAndGroupId(long userId, long groupId);

    List<GroupMembership> findByUserId(long userId);

    List<GroupMembership> findByGroupId(long groupId);

    boolean existsByUserIdAndGroupId(long userId, long groupId);
}
