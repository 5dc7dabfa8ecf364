package org.kontor.email;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface InboundEmailRepository extends JpaRepository<InboundEmail, Long> {
    /** The record of this message from this source: by Message-ID, or by IMAP folder, UIDVALIDITY and UID. */
    @Query("select e from InboundEmail e where e.source = :source and (e.messageId = :messageId"
            + " or (e.imapFolder = :folder and e.uidValidity = :uidValidity and e.uid = :uid))")
    List<InboundEmail> findImported(String source, String messageId, String folder, Long uidValidity, Long uid, Pageable page);

    /** The ticket an earlier imported message (e.g. the customer's original mail) belongs to, for reply-all threading. */
    @Query("select e.ticketId from InboundEmail e where e.messageId in :ids and e.ticketId is not null order by e.id desc")
    List<Long> ticketsOfMessages(List<String> ids, Pageable page);

    List<InboundEmail> findByStatusInOrderByIdDesc(List<InboundEmail.Status> statuses, Pageable page);

    List<InboundEmail> findAllByOrderByIdDesc(Pageable page);

    long countByStatus(InboundEmail.Status status);

    /** Received mail outlives its mailbox: the record keeps its source ("imap:{id}") but no longer points at it. */
    @org.springframework.data.jpa.repository.Modifying
    @Query("update InboundEmail e set e.mailboxId = null where e.mailboxId = :mailboxId")
    int detachFromMailbox(long mailboxId);
}
