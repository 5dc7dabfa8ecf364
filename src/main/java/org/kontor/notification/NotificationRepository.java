package org.kontor.notification;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface NotificationRepository extends JpaRepository<Notification, Long> {
    /**
     * Mail whose claim lapsed (its sender died), then mail whose attempt is due, oldest first. Two queries: one
     * with OR sorted every pending row (the whole backlog under load) to find the first few.
     */
    default List<Long> findDue(Instant now, int limit) {
        List<Long> due = new java.util.ArrayList<>(findLapsedClaims(now, Limit.of(limit)));
        if (due.size() < limit) {
            due.addAll(findPendingDue(now, Limit.of(limit - due.size())));
        }
        return due;
    }

    @Query("select n.id from Notification n where n.status = 'sending' and n.claimedUntil < :now order by n.nextAttemptAt, n.id")
    List<Long> findLapsedClaims(@Param("now") Instant now, Limit limit);

    @Query("select n.id from Notification n where n.status = 'pending' and n.nextAttemptAt <= :now order by n.nextAttemptAt, n.id")
    List<Long> findPendingDue(@Param("now") Instant now, Limit limit);

    /** Claims one row for sending; 0 when another worker (or instance) has it. Cluster-safe by the WHERE clause. */
    @Modifying
    @Query("update Notification n set n.status = 'sending', n.claimedUntil = :until where n.id = :id and"
            + " ((n.status = 'pending' and n.nextAttemptAt <= :now) or (n.status = 'sending' and n.claimedUntil < :now))")
    int claim(@Param("id") long id, @Param("now") Instant now, @Param("until") Instant until);

    /**
     * Records a sent mail and the address it went to, unless the row's address was forgotten meanwhile (its
     * recipient was permanently deleted while the mail was on its way): then it stays forgotten.
     */
    @Modifying
    @Query("update Notification n set n.status = 'delivered', n.deliveredAt = :at, n.attempts = n.attempts + 1,"
            + " n.messageId = :messageId, n.recipientEmail = case when n.recipientEmail is null then null else :email end,"
            + " n.lastError = null, n.claimedUntil = null where n.id = :id")
    int delivered(@Param("id") long id, @Param("at") Instant at, @Param("messageId") String messageId, @Param("email") String email);

    @Modifying
    @Query("update Notification n set n.status = :status, n.attempts = n.attempts + 1, n.nextAttemptAt = :next,"
            + " n.lastError = :error, n.claimedUntil = null where n.id = :id")
    int failed(@Param("id") long id, @Param("status") String status, @Param("next") Instant next, @Param("error") String error);

    /** Hands back an unsent claim that has not lapsed (a lapsed one may be another worker's by now). */
    @Modifying
    @Query("update Notification n set n.status = 'pending', n.claimedUntil = null"
            + " where n.id = :id and n.status = 'sending' and n.claimedUntil > :now")
    int release(@Param("id") long id, @Param("now") Instant now);

    @Modifying
    @Query("update Notification n set n.status = 'cancelled', n.lastError = :reason, n.claimedUntil = null where n.id = :id")
    int cancelled(@Param("id") long id, @Param("reason") String reason);

    /** Permanent deletion of a user: the log keeps that a mail went to them, not to which address. */
    @Modifying
    @Query("update Notification n set n.recipientEmail = null where n.recipientId = :userId")
    int forgetRecipientEmail(@Param("userId") long userId);

    @Modifying
    @Query(value = "DELETE FROM dev_mailbox WHERE notification_id IN (SELECT id FROM notifications WHERE ticket_id = :ticketId)",
            nativeQuery = true)
    int deleteDevMailboxCopies(@Param("ticketId") long ticketId);

    @Modifying
    @Query("delete from Notification n where n.ticketId = :ticketId")
    int deleteOfTicket(@Param("ticketId") long ticketId);

    List<Notification> findByTicketIdOrderByIdAsc(long ticketId);

    List<Notification> findByAuditIdInOrderByIdAsc(Collection<Long> auditIds);

    long countByStatusIn(Collection<String> statuses);
}
