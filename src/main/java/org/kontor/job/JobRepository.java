package org.kontor.job;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface JobRepository extends JpaRepository<Job, String> {
    List<Job> findByIdIn(Collection<String> ids);

    /** Takes a queued job for running; 0 when another run took it first. */
    @Modifying
    @Query("update Job j set j.status = 'working', j.updatedAt = :now where j.id = :id and j.status = 'queued'")
    int start(String id, Instant now);

    /** Takes over a job a crashed run left working (not heard of since {@code staleBefore}); 0 when another did. */
    @Modifying
    @Query("update Job j set j.updatedAt = :now where j.id = :id and j.status = 'working' and j.updatedAt < :staleBefore")
    int resume(String id, Instant staleBefore, Instant now);

    @Modifying
    @Query("delete from Job j where j.status in ('completed', 'failed') and j.updatedAt < :before")
    int deleteFinishedBefore(Instant before);
}
