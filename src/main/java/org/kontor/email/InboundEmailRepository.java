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

    /** Received mail outlives its mailbox: the record keeps its source ("imap:{id}") but no longer points at it. */
    @org.springframework.data.jpa.repository.Modifying
    @Query("update InboundEmail e set e.mailboxId = null where e.mailboxId = :mailboxId")
    int detachFromMailbox(long mailboxId);
}
