package org.kontor.email;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface InboundEmailRepository extends JpaRepository<InboundEmail, Long> {
    Optional<InboundEmail> findBySourceAndMessageId(String source, String messageId);

    Optional<InboundEmail> findBySourceAndImapFolderAndUidValidityAndUid(String source, String imapFolder, Long uidValidity,
                                                                        Long uid);

    /** The ticket an earlier imported message (e.g. the customer's original mail) belongs to, for reply-all threading. */
    @Query("select e.ticketId from InboundEmail e where e.messageId in :ids and e.ticketId is not null order by e.id desc")
    List<Long> ticketsOfMessages(List<String> ids, Pageable page);

    List<InboundEmail> findByStatusInOrderByIdDesc(List<InboundEmail.Status> statuses, Pageable page);

    List<InboundEmail> findAllByOrderByIdDesc(Pageable page);

    long countByStatus(InboundEmail.Status status);

    /**
     * Permanent deletion of a user: the received messages that became their comments forget the sender's address
     * (an imported message itself is not kept; the comment stays, as the ticket's record).
     */
    @org.springframework.data.jpa.repository.Modifying
    @Query("update InboundEmail e set e.fromAddress = null"
            + " where e.commentId in (select c.id from Comment c where c.authorId = :userId)")
    int forgetSenderOf(long userId);

    /**
     * A ticket removed for good: the received messages that became it keep only what exactly-once import needs
     * (source and Message-ID), not its subject, sender or content.
     */
    @org.springframework.data.jpa.repository.Modifying
    @Query("update InboundEmail e set e.ticketId = null, e.commentId = null, e.subject = null, e.fromAddress = null, e.raw = null"
            + " where e.ticketId = :ticketId")
    int forgetTicket(long ticketId);

    /** Received mail outlives its mailbox: the record keeps its source ("imap:{id}") but no longer points at it. */
    @org.springframework.data.jpa.repository.Modifying
    @Query("update InboundEmail e set e.mailboxId = null where e.mailboxId = :mailboxId")
    int detachFromMailbox(long mailboxId);
}
