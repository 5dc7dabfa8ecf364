package org.kontor.email;

import java.util.List;
import org.kontor.common.BadRequest;
import org.kontor.common.Forbidden;
import org.kontor.common.InvalidInput;
import org.kontor.common.NotFound;
import org.kontor.ticket.TicketEvents;
import org.kontor.user.Actor;
import org.kontor.user.UserPurge;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The admin's use cases on received mail: push a message in, list what was received, retry a failed one. */
@Service
public class InboundEmails {
    private final InboundEmailRepository records;
    private final EmailImporter importer;

    InboundEmails(InboundEmailRepository records, EmailImporter importer) {
        this.records = records;
        this.importer = importer;
    }

    /** A user's personal data goes for good: the received messages that became their comments forget the sender. */
    @EventListener
    void on(UserPurge purge) {
        records.forgetSenderOf(purge.userId());
    }

    @EventListener
    void on(TicketEvents.TicketPurged purge) {
        records.forgetTicket(purge.ticketId());
    }

    /** The inbound MIME endpoint: an MTA or mail service pushes one raw message. */
    public EmailImporter.Result receive(byte[] raw, Actor actor) {
        requireAdmin(actor);
        if (raw == null || raw.length == 0) {
            throw new BadRequest("The request body must be a raw RFC 822 message");
        }
        return importer.importMessage(raw, EmailImporter.Source.ENDPOINT);
    }

    @Transactional(readOnly = true)
    public List<InboundEmail> list(List<InboundEmail.Status> statuses, int limit, Actor actor) {
        requireAdmin(actor);
        PageRequest page = PageRequest.of(0, Math.max(1, Math.min(limit, 1000)));
        return statuses.isEmpty() ? records.findAllByOrderByIdDesc(page) : records.findByStatusInOrderByIdDesc(statuses, page);
    }

    @Transactional(readOnly = true)
    public InboundEmail get(long id, Actor actor) {
        requireAdmin(actor);
        return records.findById(id).orElseThrow(NotFound::new);
    }

    @Transactional(readOnly = true)
    public long count(InboundEmail.Status status, Actor actor) {
        requireAdmin(actor);
        return records.countByStatus(status);
    }

    /** The raw message of a skipped or quarantined message, for an admin to inspect. */
    @Transactional(readOnly = true)
    public byte[] raw(long id, Actor actor) {
        InboundEmail e = get(id, actor);
        if (e.getRaw() == null) {
            throw new NotFound();
        }
        return e.getRaw();
    }

    /**
     * An admin deletes a skipped or quarantined message (spam, or personal data to erase): its content goes for good.
     * Imported mail is refused: it lives on in its ticket.
     */
    @Transactional
    public void delete(long id, Actor actor) {
        requireAdmin(actor);
        InboundEmail e = records.findById(id).orElseThrow(NotFound::new);
        if (e.getStatus() == InboundEmail.Status.DELETED) {
            return;
        }
        if (!e.deletable()) {
            throw InvalidInput.of("status", "err.inboundEmail.imported",
                    "Status: imported mail became a ticket change and cannot be deleted here; delete the ticket or redact the comment");
        }
        e.deleted(java.time.Instant.now());
    }

    public EmailImporter.Result retry(long id, Actor actor) {
        requireAdmin(actor);
        return importer.retry(id);
    }

    private static void requireAdmin(Actor actor) {
        if (!actor.isAdmin()) {
            throw new Forbidden("Only admins handle inbound email");
        }
    }
}
