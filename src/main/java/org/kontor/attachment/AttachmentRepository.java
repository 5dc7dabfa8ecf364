package org.kontor.attachment;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AttachmentRepository extends JpaRepository<Attachment, Long> {
    List<Attachment> findByCommentIdInOrderByIdAsc(Collection<Long> commentIds);

    List<Attachment> findByCommentIdOrderByIdAsc(long commentId);

    List<Attachment> findByUploadTokenOrderByIdAsc(String token);

    /** Takes over an upload for a comment, only while it is still an unclaimed, unexpired upload of this user. */
    @Modifying(flushAutomatically = true)
    @Query("update Attachment a set a.ticketId = :ticketId, a.commentId = :commentId, a.uploadToken = null, a.expiresAt = null"
            + " where a.uploadToken = :token and a.uploaderId = :uploaderId and a.commentId is null and a.expiresAt > :now")
    int claim(@Param("token") String token, @Param("uploaderId") long uploaderId, @Param("ticketId") long ticketId,
              @Param("commentId") long commentId, @Param("now") Instant now);

    /** Files imported with an email: already the sender's, taken over by the comment the email became. */
    @Modifying(flushAutomatically = true)
    @Query("update Attachment a set a.ticketId = :ticketId, a.commentId = :commentId, a.uploadToken = null, a.expiresAt = null"
            + " where a.id in :ids and a.commentId is null")
    int claimIds(@Param("ids") Collection<Long> ids, @Param("ticketId") long ticketId, @Param("commentId") long commentId);

    @Query("select a.id from Attachment a where a.commentId is null and a.expiresAt < :before")
    List<Long> expiredUploads(@Param("before") Instant before);
}
